// swift-tools-version:6.0
// A reproducible research pipeline: chaos in neural-network training.
// Sources/ is grouped by layer, and modules depend one way, from a layer to the ones above it:
// Shims (C libraries) → Core (NumericsCore, HDF5, Provenance) → Numerics (Datasets,
// NetworkInference, Networks, Dynamics, Lyapunov, Statistics; no files) → Schemas (FileSchemas:
// the layout of every file the generic stages write, one type per file kind that writes and
// reads it) → Workflow (Pipeline, ROCrate: the engine) and Stages (StageKit, EnsembleReplay and
// the generic stages: numerics meets files; stages never import each other) → Report (Plotting,
// ReportKit) → Experiments (one folder each; they read generic files only through FileSchemas)
// → Executables (thin mains). Every target declares each module it imports.
import Foundation
import PackageDescription

/// Code generation for the numerical hot loops of `Networks`, chosen from the building
/// machine's CPU flags (Linux `/proc/cpuinfo`): AVX-512 machines get
/// `-target-cpu skylake-avx512` with LLVM's 256-bit preference switched off; others with
/// AVX2 + FMA get `-target-cpu haswell`. Results are bit-identical across these builds:
/// Swift never contracts `a * b + c` into a fused multiply-add, and the explicit FMAs of
/// `FastMath` are correctly rounded on every target (docs/PLATFORM.md, "Speed"; tested).
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
        // Layer 1, Sources/Shims: C libraries from Debian, through pkg-config.
        .systemLibrary(
            name: "CHDF5", path: "Sources/Shims/CHDF5", pkgConfig: "hdf5-serial",
            providers: [.apt(["libhdf5-dev", "pkg-config"])]),
        .systemLibrary(name: "CZlib", path: "Sources/Shims/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // DGEMM for the dense engine of large networks (Networks/Dense), one BLAS thread per job.
        .systemLibrary(
            name: "COpenBLAS", path: "Sources/Shims/COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "pkg-config"])]),
        // Layer 2, Sources/Core: seeded random streams and small numerics, typed HDF5, provenance
        // (content hashes, code identity, the manifest).
        .target(name: "NumericsCore", path: "Sources/Core/NumericsCore"),
        .target(name: "HDF5", dependencies: ["CHDF5"], path: "Sources/Core/HDF5"),
        .target(name: "Provenance", dependencies: [.product(name: "Crypto", package: "swift-crypto")], path: "Sources/Core/Provenance"),
        // Layer 3, Sources/Numerics: data sets, networks and optimizers, dynamical systems,
        // Lyapunov estimators, statistics. They know nothing of files or stages.
        .target(name: "Datasets", dependencies: ["NumericsCore", "CZlib"], path: "Sources/Numerics/Datasets"),
        .target(name: "Dynamics", path: "Sources/Numerics/Dynamics"),
        // A plain forward pass of a fully connected network from layer sizes, activations and flat
        // parameters (and the elementary functions it shares with training): evaluating a trained
        // network without linking the training engine.
        .target(name: "NetworkInference", path: "Sources/Numerics/NetworkInference", swiftSettings: vectorFlags),
        .target(
            name: "Networks", dependencies: ["NetworkInference", "NumericsCore", "Datasets", "Dynamics", "COpenBLAS"],
            path: "Sources/Numerics/Networks", swiftSettings: vectorFlags),
        .target(name: "Lyapunov", dependencies: ["Dynamics", "NumericsCore", "Statistics"], path: "Sources/Numerics/Lyapunov"),
        .target(name: "Statistics", dependencies: ["NumericsCore"], path: "Sources/Numerics/Statistics"),
        // Layer 4, Sources/Schemas: one schema per generic file kind (data, ensembles, exponents
        // file), each naming every dataset once (path, type, dimensions, meaning) for its writer
        // and its readers, so that stages and experiments depend on schemas, never on each other.
        .target(name: "FileSchemas", dependencies: ["HDF5"], path: "Sources/Schemas/FileSchemas"),
        // Layer 5, Sources/Workflow: the pipeline engine (schema of pipeline.json, DAG, staleness,
        // runner, Snakemake export) and the RO-Crate export of a manifest.
        .target(name: "Pipeline", dependencies: ["Provenance", "NumericsCore"], path: "Sources/Workflow/Pipeline"),
        .target(name: "ROCrate", dependencies: ["Provenance"], path: "Sources/Workflow/ROCrate"),
        // Resolves every link of a built paper.html against the files it names (`pipeline check-paper`).
        .target(name: "PaperCheck", dependencies: ["Pipeline", "HDF5", "Provenance"], path: "Sources/Workflow/PaperCheck"),
        // Layer 6, Sources/Stages: what every stage executable shares (StageKit; EnsembleReplay: the
        // runs of an ensembles file as networks, optimizer, batches and noise keys, for the stage
        // that trains them and the one that replays them), and one module per generic stage, the
        // only place where numerics meets files. No stage imports another.
        .target(name: "StageKit", dependencies: ["HDF5", "Provenance", "NumericsCore"], path: "Sources/Stages/StageKit"),
        .target(
            name: "EnsembleReplay",
            dependencies: ["FileSchemas", "Networks", "Datasets", "StageKit", "HDF5", "NumericsCore", "Provenance"],
            path: "Sources/Stages/EnsembleReplay"),
        .target(
            name: "DataStage", dependencies: ["FileSchemas", "Datasets", "StageKit", "HDF5", "NumericsCore", "Provenance"],
            path: "Sources/Stages/DataStage"),
        .target(
            name: "TrainingStage",
            dependencies: ["EnsembleReplay", "FileSchemas", "Networks", "Datasets", "StageKit", "HDF5", "NumericsCore", "Provenance"],
            path: "Sources/Stages/TrainingStage"),
        .target(
            name: "ExponentStage",
            dependencies: [
                "EnsembleReplay", "FileSchemas", "Networks", "Datasets", "Lyapunov", "Dynamics", "StageKit", "HDF5", "NumericsCore",
                "Provenance",
            ],
            path: "Sources/Stages/ExponentStage"),
        .target(name: "PaperStage", dependencies: ["ReportKit", "StageKit", "HDF5", "Provenance"], path: "Sources/Stages/PaperStage"),
        // Layer 7, Sources/Report: figures (Plotting knows nothing of experiments) and the generic
        // report library (sections, tables, templates, value links).
        .target(name: "Plotting", path: "Sources/Report/Plotting"),
        .target(
            name: "ReportKit",
            dependencies: ["StageKit", "HDF5", "Provenance", "Plotting", .product(name: "Ink", package: "Ink")],
            path: "Sources/Report/ReportKit"),
        // Layer 8, Sources/Experiments: one folder each (its analysis, results layout, figures,
        // paper section and stage tasks).
        .target(
            name: "MittraExperiment",
            dependencies: ["FileSchemas", "ReportKit", "StageKit", "HDF5", "Provenance", "Plotting", "Statistics", "NumericsCore"],
            path: "Sources/Experiments/Mittra"),
        .target(
            name: "JimenezExperiment",
            dependencies: [
                "FileSchemas", "ReportKit", "StageKit", "HDF5", "Provenance", "Plotting", "Statistics", "Lyapunov", "NumericsCore",
            ],
            path: "Sources/Experiments/Jimenez"),
        .target(
            name: "LeimkuhlerExperiment",
            dependencies: [
                "FileSchemas", "NetworkInference", "ReportKit", "StageKit", "HDF5", "Provenance", "Plotting", "Statistics",
            ],
            path: "Sources/Experiments/Leimkuhler"),
        // Layer 9, Sources/Executables: thin `main`s, one per product.
        .executableTarget(
            name: "PipelineCLI",
            dependencies: ["Pipeline", "PaperCheck", "ROCrate", "Provenance", "StageKit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/Executables/PipelineCLI"),
        .executableTarget(name: "GenerateDataCLI", dependencies: ["DataStage", "StageKit"], path: "Sources/Executables/GenerateDataCLI"),
        .executableTarget(name: "TrainEnsemblesCLI", dependencies: ["TrainingStage", "StageKit"], path: "Sources/Executables/TrainEnsemblesCLI"),
        .executableTarget(
            name: "EstimateExponentsCLI", dependencies: ["ExponentStage", "StageKit"], path: "Sources/Executables/EstimateExponentsCLI"),
        .executableTarget(name: "MittraCLI", dependencies: ["MittraExperiment", "ReportKit"], path: "Sources/Executables/MittraCLI"),
        .executableTarget(name: "JimenezCLI", dependencies: ["JimenezExperiment", "ReportKit"], path: "Sources/Executables/JimenezCLI"),
        .executableTarget(name: "LeimkuhlerCLI", dependencies: ["LeimkuhlerExperiment", "ReportKit"], path: "Sources/Executables/LeimkuhlerCLI"),
        .executableTarget(name: "BuildPaperCLI", dependencies: ["PaperStage", "StageKit"], path: "Sources/Executables/BuildPaperCLI"),
        .executableTarget(
            name: "Bench",
            dependencies: ["Networks", "Datasets", "NumericsCore", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/Executables/Bench",
            // main.swift holds `@main`; with more than one file that needs -parse-as-library.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        // Tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HDF5Tests", dependencies: ["HDF5", "CHDF5", "TestSupport"]),
        .testTarget(
            name: "FileSchemasTests",
            dependencies: [
                "FileSchemas", "HDF5", "ExponentStage", "TrainingStage", "DataStage", "EnsembleReplay", "Networks", "Datasets", "StageKit", "Provenance",
                "NumericsCore", "TestSupport",
            ]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Provenance", "NumericsCore", "TestSupport"]),
        .testTarget(name: "ROCrateTests", dependencies: ["ROCrate", "Provenance", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "TestSupport"]),
        .testTarget(name: "NetworksTests", dependencies: ["Networks", "NetworkInference", "NumericsCore", "Datasets"]),
        .testTarget(name: "DynamicsTests", dependencies: ["Dynamics"]),
        .testTarget(name: "LyapunovTests", dependencies: ["Lyapunov", "Dynamics", "NumericsCore", "Networks"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "NumericsCore"]),
        .testTarget(
            name: "JimenezExperimentTests", dependencies: ["JimenezExperiment", "ReportKit", "HDF5", "Lyapunov", "NumericsCore", "TestSupport"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"], exclude: ["Golden"]),
        .testTarget(
            name: "ReportStageTests",
            dependencies: ["ReportKit", "MittraExperiment", "PaperStage", "PaperCheck", "Plotting", "HDF5", "Provenance", "Statistics", "StageKit", "TestSupport"]),
        .testTarget(name: "MittraExperimentTests", dependencies: ["MittraExperiment", "ReportKit", "NumericsCore"]),
        .testTarget(
            name: "LeimkuhlerExperimentTests",
            dependencies: [
                "LeimkuhlerExperiment", "NetworkInference", "FileSchemas", "ReportKit", "HDF5", "Networks", "Datasets", "NumericsCore", "Provenance",
                "Statistics", "TestSupport",
            ]),
        .testTarget(
            name: "StageTests",
            dependencies: [
                "Pipeline", "Provenance", "HDF5", "StageKit", "TrainingStage", "EnsembleReplay", "FileSchemas", "DataStage", "Datasets", "NumericsCore",
                "TestSupport",
            ]),
    ]
)
