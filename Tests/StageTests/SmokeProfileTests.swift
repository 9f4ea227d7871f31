import FileSchemas
import Foundation
import HDF5
import Pipeline
import Provenance
import StageKit
import TestSupport
import XCTest

/// The real pipeline.json on its `smoke` profile, in scratch copies of the project:
/// every stage runs, reruns are no-ops, and the outputs are byte-identical whatever the
/// number of threads.
final class SmokeProfileTests: XCTestCase {
    /// A scratch project holding copies of pipeline.json, the paper templates and the
    /// benchmark records (inputs of the E4 and E5 sections).
    func project() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory("smoke")
        let sections = (try? FileManager.default.contentsOfDirectory(atPath: TestLocations.packageRoot + "/paper/sections")) ?? []
        let records = (try? FileManager.default.contentsOfDirectory(atPath: TestLocations.packageRoot + "/bench/results")) ?? []
        let templates = sections.filter { $0.hasSuffix(".md") }.sorted().map { "paper/sections/" + $0 }
        let benchmarks = records.filter { $0.hasSuffix(".json") }.sorted().map { "bench/results/" + $0 }
        for file in ["pipeline.json", "paper/template.md", "paper/supplement-template.md", "paper/references.json"] + templates + benchmarks {
            let source = TestLocations.packageRoot + "/" + file
            guard FileManager.default.fileExists(atPath: source) else { continue }
            try directory.write(file, try String(contentsOfFile: source, encoding: .utf8))
        }
        return directory
    }

    func layout(_ directory: TemporaryDirectory) -> ProjectLayout {
        ProjectLayout(projectRoot: directory.path, packageRoot: TestLocations.packageRoot, binDirectory: TestLocations.binDirectory)
    }

    func testSmokeProfileIsDeterministicAcrossThreadCounts() throws {
        let one = try project()
        let two = try project()
        let first = try Runner(layout: layout(one), profile: "smoke") { _ in }.run(RunOptions(threads: 1, quiet: true))
        let second = try Runner(layout: layout(two), profile: "smoke") { _ in }.run(RunOptions(threads: 2, quiet: true))
        XCTAssertEqual(first.ran, second.ran)
        XCTAssertTrue(first.ran.contains("mittra-e1-exponents"))
        XCTAssertTrue(first.ran.contains("jimenez-section"))
        let a = try Manifest.load(from: one.path + "/out/smoke/pipeline.lock", profile: "smoke")
        let b = try Manifest.load(from: two.path + "/out/smoke/pipeline.lock", profile: "smoke")
        XCTAssertFalse(a.stages.isEmpty)
        for (stage, record) in a.stages {
            XCTAssertEqual(record.outputs, b.stages[stage]?.outputs, "outputs of \(stage) differ between 1 and 2 threads")
        }
        let again = try Runner(layout: layout(one), profile: "smoke") { _ in }.run(RunOptions(threads: 2, quiet: true))
        XCTAssertEqual(again.ran, [], "a second run with nothing changed does nothing")
        XCTAssertTrue(try Verification.verify(layout: layout(one), profile: "smoke").problems.isEmpty)
    }

    func testEnsemblesAndExponentFilesHaveTheDocumentedLayout() throws {
        let directory = try project()
        _ = try Runner(layout: layout(directory), profile: "smoke") { _ in }
            .run(RunOptions(stages: ["mittra-e1-exponents"], threads: 2, quiet: true))
        let ensembles = try HDF5File.open(directory.path + "/out/smoke/data/mittra/e1-ensembles.h5")
        let loss = try ensembles.root.openGroup("reference").dataset("training_loss")
        XCTAssertEqual(try loss.attribute("dimensions"), .strings(["configuration", "step"]))
        let count = loss.shape[0]
        XCTAssertEqual(try ensembles.root.openGroup("replicas").dataset("distance_l1").shape, [count, 2, 201])
        // 8 reference times τ = 25 apart; spawned only inside the windows [0, 60] and [140, 200]: t = 0, 25, 150, 175.
        XCTAssertEqual(try ensembles.root.openGroup("neighbours").dataset("final_distance").shape, [count, 4, 10])
        XCTAssertEqual(try ensembles.root.openGroup("neighbours").readDataset("reference_steps", as: Int64.self).values, [0, 25, 150, 175])
        // Replicas start 1e-8-uniformly perturbed on the weights: 0 < d(0) ≤ 1e-8 · #weights.
        let distances = try ensembles.root.openGroup("replicas").readDataset("distance_l1", as: Double.self).values
        XCTAssertTrue(distances[0] > 0 && distances[0] <= 1e-8 * 17, "\(distances[0])")
        let exponents = try HDF5File.open(directory.path + "/out/smoke/data/mittra/e1-exponents.h5")
        guard case .strings(let series) = try exponents.root.openGroup("exponents").attribute("series") else {
            return XCTFail("series attribute missing")
        }
        XCTAssertEqual(series, ["tangent/early", "tangent/late", "benettin/early", "benettin/late", "hybrid/early", "hybrid/late", "divergence-fit/auto"])
        let estimates = try exponents.root.openGroup("exponents").readDataset("estimate", as: Double.self)
        XCTAssertEqual(estimates.shape, [count, series.count])
        // Every estimate is finite or its status says why not; windows lie inside the run.
        let statuses = try exponents.root.openGroup("exponents").readDataset("status", as: Int64.self).values
        let ends = try exponents.root.openGroup("exponents").readDataset("window_end", as: Int64.self).values
        for (index, value) in estimates.values.enumerated() {
            XCTAssertTrue((0...4).contains(statuses[index]))
            XCTAssertTrue(value.isFinite || statuses[index] != 0, "entry \(index) is NaN with status ok")
            XCTAssertLessThanOrEqual(ends[index], 200)
        }
        // Provenance travels inside: the exponents file names the ensembles file and its stage,
        // and the walk over the files reaches the data's seed.
        let record = try XCTUnwrap(try EmbeddedProvenance.record(path: directory.path + "/out/smoke/data/mittra/e1-exponents.h5"))
        XCTAssertEqual(record.inputs.first { $0.path == "data/mittra/e1-ensembles.h5" }?.stage, "mittra-e1-ensembles")
        let lineage = try Lineage.of(
            path: directory.path + "/out/smoke/data/mittra/e1-exponents.h5", layout: layout(directory), readRecord: EmbeddedProvenance.record(path:))
        let data = try XCTUnwrap(lineage.graph.node("generate-xor"))
        XCTAssertEqual(data.origin, .embedded(file: "data/xor.h5"))
        XCTAssertNotNil(data.record?.seeds["data"]?.value)

        // The schemas read what the real writers wrote, and every dataset of the three
        // generic files says its axes and meaning.
        let table = try ExponentsFile(reading: exponents)
        XCTAssertEqual(table.series, series)
        XCTAssertEqual(table.estimate.map(\.bitPattern), estimates.values.map(\.bitPattern))
        XCTAssertEqual(table.sharpness?.timesLearningRate.count, count, "E1 computes the sharpness (sharpnessIterations 300)")
        let header = try EnsemblesFile(reading: ensembles)
        XCTAssertEqual(header.configurations, table.configurations)
        XCTAssertEqual(header.steps, 200)
        let dataFile = try HDF5File.open(directory.path + "/out/smoke/data/xor.h5")
        for file in [dataFile, ensembles, exponents] {
            XCTAssertEqual(try DeclaredLayout.undocumentedDatasets(in: file), [], file.path)
        }
    }
}
