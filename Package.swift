// swift-tools-version:6.0
// A reproducible research pipeline: chaos in neural-network training.
// Modules depend one way (STYLE.md): C shims → typed HDF5 → provenance → pipeline;
// numerics → networks → dynamics → Lyapunov; statistics; plotting; stage modules glue
// numerics to files; executables are thin.
import Foundation
import PackageDescription

/// Code generation for the numerical hot loops of `Networks`, chosen from the building
/// machine's CPU flags (Linux `/proc/cpuinfo`): AVX-512 machines get
/// `-target-cpu skylake-avx512` with LLVM's 256-bit preference switched off; others with
/// AVX2 + FMA get `-target-cpu haswell`. Results are bit-identical across these builds:
/// Swift never contracts `a * b + c` into a fused multiply-add, and the explicit FMAs of
/// `FastMath` are correctly rounded on every target (PLATFORM.md, "Speed"; tested).
let cpuFlags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))
    .flatMap { $0.split(separator: "\n").first { $0.hasPrefix("flags") } }
    .map { Set($0.split(separator: " ").map(String.init)) } ?? []
let hasAVX512 = ["avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"].allSatisfy(cpuFlags.contains)
let hasAVX2 = ["avx2", "fma"].allSatisfy(cpuFlags.contains)
/// `-fno-math-errno` lets `squareRoot()` (C's `__builtin_sqrt` in the stdlib shims) be the
/// plain IEEE square root that vectorizes (Adam's denominator); sqrt is correctly rounded
/// either way, so only errno for negative inputs changes, never a result.
let noMathErrno = ["-Xcc", "-fno-math-errno"]
let vectorFlags: [SwiftSetting] =
    hasAVX512
    ? [.unsafeFlags(["-target-cpu", "skylake-avx512",
                     "-Xcc", "-Xclang", "-Xcc", "-target-feature", "-Xcc", "-Xclang", "-Xcc", "-prefer-256-bit"] + noMathErrno)]
    : hasAVX2 ? [.unsafeFlags(["-target-cpu", "haswell"] + noMathErrno)] : [.unsafeFlags(noMathErrno)]

let package = Package(
    name: "ChaosPipeline",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pipeline", targets: ["PipelineCLI"]),
        .executable(name: "generate-data", targets: ["GenerateDataCLI"]),
        .executable(name: "train-ensembles", targets: ["TrainEnsemblesCLI"]),
        .executable(name: "estimate-exponents", targets: ["EstimateExponentsCLI"]),
        .executable(name: "mittra", targets: ["MittraCLI"]),
        .executable(name: "jimenez", targets: ["JimenezCLI"]),
        .executable(name: "leimkuhler", targets: ["LeimkuhlerCLI"]),
        .executable(name: "build-paper", targets: ["BuildPaperCLI"]),
        .executable(name: "bench", targets: ["Bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // C libraries from Debian, through pkg-config.
        .systemLibrary(
            name: "CHDF5", path: "Sources/CHDF5", pkgConfig: "hdf5-serial",
            providers: [.apt(["libhdf5-dev", "pkg-config"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // DGEMM for the dense engine of large networks (Networks/Dense), one BLAS thread per job.
        .systemLibrary(
            name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "pkg-config"])]),
        // Typed HDF5, provenance, pipeline.
        .target(name: "HDF5", dependencies: ["CHDF5"]),
        .target(name: "NumericsCore"),
        .target(name: "Provenance", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Pipeline", dependencies: ["Provenance", "NumericsCore"]),
        .target(name: "StageKit", dependencies: ["HDF5", "Provenance", "NumericsCore"]),
        // RO-Crate export of a profile's manifest (Provenance Run Crate 0.5).
        .target(name: "ROCrate", dependencies: ["Provenance"]),
        // Data sets.
        .target(name: "Datasets", dependencies: ["NumericsCore", "CZlib"]),
        // Numerics: networks and optimizers; dynamical systems; Lyapunov estimators; statistics.
        .target(name: "Networks", dependencies: ["NumericsCore", "Datasets", "Dynamics", "COpenBLAS"], swiftSettings: vectorFlags),
        .target(name: "Dynamics"),
        .target(name: "Lyapunov", dependencies: ["Dynamics", "NumericsCore"]),
        .target(name: "Statistics", dependencies: ["NumericsCore"]),
        // Experiments: one folder each (STYLE.md, "One experiment, one place").
        // Figures (knows nothing of experiments).
        .target(name: "Plotting"),
        .executableTarget(
            name: "Bench",
            dependencies: ["Networks", "Datasets", "NumericsCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // main.swift holds `@main`; with more than one file that needs -parse-as-library.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        // Stages: one module per stage (glue between numerics and files), one thin executable each.
        .target(name: "DataStage", dependencies: ["Datasets", "StageKit"]),
        .executableTarget(name: "GenerateDataCLI", dependencies: ["DataStage"]),
        .target(name: "TrainingStage", dependencies: ["Networks", "Datasets", "DataStage", "StageKit"]),
        .executableTarget(name: "TrainEnsemblesCLI", dependencies: ["TrainingStage"]),
        .target(name: "ExponentStage", dependencies: ["TrainingStage", "Lyapunov", "Dynamics", "StageKit"]),
        .executableTarget(name: "EstimateExponentsCLI", dependencies: ["ExponentStage"]),
        // The report half: a generic report library; one module per experiment (its analysis,
        // results layout, figures, paper section and stage tasks) with one thin executable;
        // the generic paper builder, which links no experiment.
        .target(
            name: "ReportKit",
            dependencies: ["StageKit", "HDF5", "Provenance", "Plotting", .product(name: "Ink", package: "Ink")]),
        .target(
            name: "MittraExperiment",
            dependencies: ["ReportKit", "StageKit", "HDF5", "Provenance", "Plotting", "Statistics", "NumericsCore"],
            path: "Sources/Experiments/Mittra"),
        .executableTarget(name: "MittraCLI", dependencies: ["MittraExperiment", "StageKit"], path: "Sources/Experiments/MittraCLI"),
        // E4, Jiménez-González, Soriano & Lacasa (2025) (SCIENCE.md §3): its analysis as pure
        // functions, its results layout, figures, paper section and stage tasks.
        .target(
            name: "JimenezExperiment",
            dependencies: ["ReportKit", "StageKit", "HDF5", "Provenance", "Plotting", "Statistics", "Lyapunov", "NumericsCore"],
            path: "Sources/Experiments/Jimenez"),
        .executableTarget(name: "JimenezCLI", dependencies: ["JimenezExperiment", "StageKit"], path: "Sources/Experiments/JimenezCLI"),
        // E5, Leimkuhler, Matthews & Vlaar: thermodynamic optimizers on two spirals (SCIENCE.md §4).
        .target(
            name: "LeimkuhlerExperiment",
            dependencies: [
                "ReportKit", "StageKit", "HDF5", "Provenance", "Plotting", "Statistics", "Networks", "Datasets", "DataStage", "TrainingStage",
            ],
            path: "Sources/Experiments/Leimkuhler"),
        .executableTarget(name: "LeimkuhlerCLI", dependencies: ["LeimkuhlerExperiment", "StageKit"], path: "Sources/Experiments/LeimkuhlerCLI"),
        .target(name: "PaperStage", dependencies: ["ReportKit", "StageKit", "HDF5", "Provenance"]),
        .executableTarget(name: "BuildPaperCLI", dependencies: ["PaperStage"]),
        .executableTarget(
            name: "PipelineCLI",
            dependencies: ["Pipeline", "ROCrate", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HDF5Tests", dependencies: ["HDF5", "CHDF5"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Provenance", "NumericsCore", "TestSupport"]),
        .testTarget(name: "ROCrateTests", dependencies: ["ROCrate", "Provenance", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
        .testTarget(name: "NetworksTests", dependencies: ["Networks", "NumericsCore", "Datasets"]),
        .testTarget(name: "DynamicsTests", dependencies: ["Dynamics"]),
        .testTarget(name: "LyapunovTests", dependencies: ["Lyapunov", "Dynamics", "NumericsCore", "Networks"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "NumericsCore"]),
        .testTarget(
            name: "JimenezExperimentTests", dependencies: ["JimenezExperiment", "ReportKit", "HDF5", "Lyapunov", "NumericsCore", "TestSupport"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], exclude: ["Golden"]),
        .testTarget(
            name: "ReportStageTests",
            dependencies: ["ReportKit", "MittraExperiment", "PaperStage", "Plotting", "HDF5", "Provenance", "Statistics", "StageKit", "TestSupport"]),
        .testTarget(name: "MittraExperimentTests", dependencies: ["MittraExperiment", "ReportKit", "NumericsCore"]),
        .testTarget(
            name: "LeimkuhlerExperimentTests", dependencies: ["LeimkuhlerExperiment", "ReportKit", "HDF5", "Networks", "Datasets", "Provenance", "TestSupport"]),
        .testTarget(
            name: "StageTests",
            dependencies: ["Pipeline", "Provenance", "HDF5", "StageKit", "TrainingStage", "DataStage", "Datasets", "NumericsCore", "TestSupport"]),
    ]
)
