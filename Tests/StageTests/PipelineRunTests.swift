import Foundation
import HDF5
import Pipeline
import Provenance
import StageKit
import TestSupport
import XCTest

/// The driver end to end on the real `generate-data` executable, in a scratch project
/// whose code identity comes from this package's sources.
final class PipelineRunTests: XCTestCase {
    var project: TemporaryDirectory!
    var lines: [String] = []

    override func setUpWithError() throws {
        project = TemporaryDirectory("run")
        try writeSpec(xorSamples: 50)
        lines = []
    }

    func writeSpec(xorSamples: Int, spiralsTest: Int = 40) throws {
        try project.write("pipeline.json", #"""
            {"formatVersion": 1,
             "profiles": {"default": {"root": "."}, "smoke": {"root": "out/smoke"}},
             "experiments": {"e": {"rootSeed": 11}},
             "stages": {
               "xor": {"executable": "generate-data", "seeds": {"data": "e/xor"}, "outputs": ["data/xor.h5"],
                       "parameters": {"dataset": "xor", "trainSamples": \#(xorSamples), "testSamples": 30, "noise": 0.2},
                       "profileParameters": {"smoke": {"trainSamples": 10}}},
               "spirals": {"executable": "generate-data", "seeds": {"data": "e/spirals"}, "outputs": ["data/spirals.h5"],
                       "parameters": {"dataset": "two-spirals", "trainSamples": 40, "testSamples": \#(spiralsTest),
                                      "radius": 2, "exponent": 0.5, "turns": 4, "noise": 0.02}}}}
            """#)
    }

    var layout: ProjectLayout {
        ProjectLayout(projectRoot: project.path, packageRoot: TestLocations.packageRoot, binDirectory: TestLocations.binDirectory)
    }

    func runner(_ profile: String = "default") throws -> Runner {
        try Runner(layout: layout, profile: profile) { [weak self] in self?.lines.append($0) }
    }

    func runPipeline(_ options: RunOptions = RunOptions(quiet: true), profile: String = "default") throws -> RunSummary {
        try runner(profile).run(options)
    }

    func sha(_ relative: String) throws -> String { try ContentHash.sha256(fileAt: project.path + "/" + relative) }

    func testRunThenNothingToDoThenVerify() throws {
        let first = try runPipeline()
        XCTAssertEqual(first.ran, ["spirals", "xor"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.path + "/pipeline.lock"))
        let started = Date()
        let second = try runPipeline()
        XCTAssertEqual(second.ran, [])
        XCTAssertEqual(second.upToDate, ["spirals", "xor"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "a no-op run must be fast")
        XCTAssertTrue(lines.last!.contains("nothing to do"))
        let (checked, problems) = try Verification.verify(layout: layout, profile: "default")
        XCTAssertEqual(checked, 2)
        XCTAssertTrue(problems.isEmpty)
    }

    func testEditingOneParameterRerunsExactlyThatStage() throws {
        _ = try runPipeline()
        let spirals = try sha("data/spirals.h5")
        try writeSpec(xorSamples: 60)
        let status = try runner().status()
        XCTAssertEqual(status.first { $0.stage == "xor" }?.reasons, [.parametersChanged(keys: ["trainSamples"])])
        XCTAssertTrue(status.first { $0.stage == "spirals" }!.isUpToDate)
        XCTAssertEqual(try runPipeline().ran, ["xor"])
        XCTAssertEqual(try sha("data/spirals.h5"), spirals)
    }

    func testDeletedOrModifiedOutputIsRegeneratedByteIdentically() throws {
        _ = try runPipeline()
        let original = try sha("data/xor.h5")
        try FileManager.default.removeItem(atPath: project.path + "/data/xor.h5")
        XCTAssertEqual(try runner().status().first { $0.stage == "xor" }?.reasons, [.outputMissing(path: "data/xor.h5")])
        let summary = try runPipeline()
        XCTAssertEqual(summary.ran, ["xor"])
        XCTAssertTrue(summary.mismatches.isEmpty, "regeneration reproduces the recorded bytes")
        XCTAssertEqual(try sha("data/xor.h5"), original)
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: project.path + "/data/xor.h5"))
        let (_, problems) = try Verification.verify(layout: layout, profile: "default")
        XCTAssertEqual(problems.map(\.path), ["data/xor.h5"])
        XCTAssertEqual(try runner().status().first { $0.stage == "xor" }?.reasons, [.outputModified(path: "data/xor.h5")])
    }

    func testChangedRecordedHashIsReportedAsNotReproduced() throws {
        _ = try runPipeline()
        // Pretend an earlier run of identical inputs produced other bytes.
        var manifest = try Manifest.load(from: project.path + "/pipeline.lock", profile: "default")
        manifest.stages["xor"]!.outputs["data/xor.h5"] = String(repeating: "0", count: 64)
        try manifest.save(to: project.path + "/pipeline.lock")
        let summary = try runPipeline(RunOptions(stages: ["xor"], force: true, quiet: true))
        XCTAssertEqual(summary.mismatches.map(\.path), ["data/xor.h5"])
        XCTAssertTrue(lines.contains { $0.contains("NOT REPRODUCED: data/xor.h5") })
    }

    func testFailedStageLeavesPreviousOutputsAndManifest() throws {
        _ = try runPipeline()
        let before = try sha("data/spirals.h5")
        let lock = try String(contentsOfFile: project.path + "/pipeline.lock", encoding: .utf8)
        // testSamples = 1 is rejected after the train split was already written.
        try writeSpec(xorSamples: 50, spiralsTest: 1)
        XCTAssertThrowsError(try runPipeline()) { error in
            XCTAssertTrue("\(error)".contains("stage 'spirals' failed"), "\(error)")
        }
        XCTAssertEqual(try sha("data/spirals.h5"), before)
        XCTAssertEqual(try String(contentsOfFile: project.path + "/pipeline.lock", encoding: .utf8), lock)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.path + "/.pipeline-tmp/spirals"))
        try writeSpec(xorSamples: 50)
        XCTAssertEqual(try runPipeline().ran, [], "restoring the parameters makes the old outputs current again")
    }

    func testProfilesWriteUnderTheirOwnRoots() throws {
        _ = try runPipeline(profile: "smoke")
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.path + "/out/smoke/data/xor.h5"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.path + "/out/smoke/pipeline.lock"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.path + "/data/xor.h5"))
        XCTAssertEqual(try runPipeline().ran, ["spirals", "xor"], "the default profile has its own manifest")
        XCTAssertNotEqual(try sha("data/xor.h5"), try sha("out/smoke/data/xor.h5"))
    }

    func testEachFileCarriesItsProvenanceAndLineageIsTraceable() throws {
        _ = try runPipeline()
        let file = try HDF5File.open(project.path + "/data/xor.h5")
        guard case .string(let text) = try file.root.attribute("provenance") else {
            return XCTFail("provenance attribute must be a string")
        }
        let provenance = try JSONValue.parse(Data(text.utf8), source: "attribute")
        XCTAssertEqual(provenance["stage"], .string("xor"))
        XCTAssertEqual(provenance["parameters"]?["trainSamples"], .int(50))
        XCTAssertNotNil(provenance["code"]?["sha256"])
        XCTAssertEqual(provenance["recordFormatVersion"], .int(2))
        let lineage = try Lineage.of(path: project.path + "/data/xor.h5", layout: layout, readRecord: EmbeddedProvenance.record(path:))
        XCTAssertEqual(lineage.stage, "xor")
        XCTAssertEqual(lineage.recordedSHA256, try sha("data/xor.h5"))
        XCTAssertTrue(lineage.text().contains("seed data = "))
        XCTAssertTrue(lineage.text().contains("embedded in the file data/xor.h5"), lineage.text())
        XCTAssertEqual(lineage.json()["target"]?["stage"], .string("xor"))
        XCTAssertThrowsError(try Lineage.of(path: project.path + "/pipeline.json", layout: layout, readRecord: EmbeddedProvenance.record(path:)))
    }

    func testSecondConcurrentRunIsRefused() throws {
        let holder = try runner()
        try FileManager.default.createDirectory(atPath: project.path, withIntermediateDirectories: true)
        let descriptor = open(project.path + "/.pipeline-run.lock", O_CREAT | O_RDWR, 0o644)
        defer { close(descriptor) }
        XCTAssertEqual(flock(descriptor, LOCK_EX | LOCK_NB), 0)
        XCTAssertThrowsError(try holder.run(RunOptions(quiet: true))) { error in
            XCTAssertTrue("\(error)".contains("another `pipeline run` holds"), "\(error)")
        }
    }

    func testDryRunSaysWhatWouldRunWithoutRunning() throws {
        let summary = try runPipeline(RunOptions(dryRun: true, quiet: true))
        XCTAssertEqual(summary.ran, [])
        XCTAssertTrue(lines.contains { $0.contains("xor: would run — never run in this profile") })
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.path + "/data/xor.h5"))
    }
}
