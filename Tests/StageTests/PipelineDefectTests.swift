import Foundation
import Pipeline
import Provenance
import TestSupport
import XCTest

/// The driver's answers to the defects found while testing (issue "experiments as
/// modules", item 6) and the declared-parameter check, on the real `generate-data`.
final class PipelineDefectTests: XCTestCase {
    var project: TemporaryDirectory!
    var lines: [String] = []

    override func setUpWithError() throws {
        project = TemporaryDirectory("defects")
        try writeSpec()
        lines = []
    }

    /// `xor` and `spirals` are independent; `copy` reads the spirals file (declared as
    /// input) so that a failure of `spirals` blocks it; `extraInput` adds an input to `xor`.
    func writeSpec(spiralsTest: Int = 40, xorExtra: String = "", extraInput: Bool = false) throws {
        try project.write("notes.txt", "a project file\n")
        try project.write("pipeline.json", #"""
            {"formatVersion": 1,
             "profiles": {"default": {"root": "."}},
             "experiments": {"e": {"rootSeed": 11}},
             "stages": {
               "xor": {"executable": "generate-data", "seeds": {"data": "e/xor"}, "outputs": ["data/xor.h5"],
                       "inputs": \#(extraInput ? #"["notes.txt"]"# : "[]"),
                       "parameters": {"dataset": "xor", "trainSamples": 20, "testSamples": 10, "noise": 0.2\#(xorExtra)}},
               "spirals": {"executable": "generate-data", "seeds": {"data": "e/spirals"}, "outputs": ["data/spirals.h5"],
                       "parameters": {"dataset": "two-spirals", "trainSamples": 40, "testSamples": \#(spiralsTest),
                                      "radius": 2, "exponent": 0.5, "turns": 4, "noise": 0.02}},
               "later": {"executable": "generate-data", "seeds": {"data": "e/later"}, "outputs": ["data/later.h5"],
                       "inputs": ["data/spirals.h5"],
                       "parameters": {"dataset": "xor", "trainSamples": 5, "testSamples": 5, "noise": 0.1}}}}
            """#)
    }

    var layout: ProjectLayout {
        ProjectLayout(projectRoot: project.path, packageRoot: TestLocations.packageRoot, binDirectory: TestLocations.binDirectory)
    }

    func runner() throws -> Runner { try Runner(layout: layout, profile: "default") { [weak self] in self?.lines.append($0) } }
    func runPipeline(_ options: RunOptions = RunOptions(quiet: true)) throws -> RunSummary { try runner().run(options) }
    func text(_ relative: String) throws -> String { try String(contentsOfFile: project.path + "/" + relative, encoding: .utf8) }

    func testRemovingADeclaredInputMakesTheStageStale() throws {
        try writeSpec(extraInput: true)
        _ = try runPipeline()
        try writeSpec(extraInput: false)
        XCTAssertEqual(try runner().status().first { $0.stage == "xor" }?.reasons, [.inputRemoved(path: "notes.txt")])
        XCTAssertEqual(try runPipeline().ran, ["xor"])
    }

    func testLeftoversOfAKilledStageAreClearedByTheNextRun() throws {
        _ = try runPipeline()
        // What `kill -9` of a stage leaves: its scratch directory with partial outputs.
        try project.write(".pipeline-tmp/xor/out-0-xor.h5", "partial")
        try project.write(".pipeline-tmp/gone-stage/invocation.json", "{}")
        XCTAssertEqual(try runPipeline().ran, [], "nothing is stale")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.path + "/.pipeline-tmp"), [])
        XCTAssertTrue(lines.contains { $0.contains("removed temporary files of an interrupted run: gone-stage, xor") }, "\(lines)")
    }

    func testAReproductionLeavesTheLockByteForByte() throws {
        _ = try runPipeline()
        let lock = try text("pipeline.lock")
        XCTAssertFalse(lock.contains("runLog") || lock.contains("started"), "no times in the lock")
        let summary = try runPipeline(RunOptions(force: true, quiet: true))
        XCTAssertEqual(summary.ran.sorted(), ["later", "spirals", "xor"])
        XCTAssertTrue(summary.mismatches.isEmpty)
        XCTAssertEqual(try text("pipeline.lock"), lock, "a rerun that reproduces its outputs rewrites nothing")
        XCTAssertTrue(try text(RunLog.fileName).contains("\"started\""), "times go to the run log")
    }

    func testTheRunLogHoldsEachStagesPeakMemoryAndTheLockDoesNot() throws {
        _ = try runPipeline()
        let log = RunLog.load(from: project.path + "/" + RunLog.fileName)
        XCTAssertEqual(log.entries.keys.sorted(), ["later", "spirals", "xor"])
        for (stage, entry) in log.entries {
            // A Swift process that loaded libhdf5 has resident pages well above 1 MB; a
            // stage generating a few samples stays far below 1 GB.
            let peak = try XCTUnwrap(entry.peakMemoryMB, "\(stage) has no peak memory in the run log")
            XCTAssertTrue(peak > 1 && peak < 1000, "\(stage): \(peak) MB")
        }
        XCTAssertFalse(try text("pipeline.lock").contains("peak"), "memory use is not part of the hashed record")
        // A log written before the field existed still decodes.
        try project.write(RunLog.fileName, #"{"a": {"started": "2026-01-31T12:00:00Z", "seconds": 1.5, "threads": 2}}"#)
        let old = RunLog.load(from: project.path + "/" + RunLog.fileName).entries["a"]
        XCTAssertEqual(old?.seconds, 1.5)
        XCTAssertNil(old?.peakMemoryMB)
    }

    func testAnUnknownParameterIsRefusedBeforeAnythingRuns() throws {
        try writeSpec(xorExtra: #", "noize": 0.3"#)
        XCTAssertThrowsError(try runPipeline()) { error in
            XCTAssertTrue("\(error)".contains("stages.xor.parameters.noize is not a parameter of generate-data"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.path + "/data/spirals.h5"), "nothing ran")
        XCTAssertThrowsError(try runner().status(), "status refuses it too")
    }

    func testDefaultsAreRecordedInTheManifest() throws {
        try project.write("pipeline.json", try text("pipeline.json").replacingOccurrences(
            of: #""dataset": "two-spirals""#, with: #""dataset": "idx", "name": "n", "imageFormat": "uint8", "x": 1"#))
        XCTAssertThrowsError(try runPipeline()) { error in
            XCTAssertTrue("\(error)".contains("stages.spirals.parameters.x is not a parameter"), "\(error)")
            XCTAssertTrue("\(error)".contains("stages.spirals.parameters.radius is not a parameter"), "every problem is listed: \(error)")
        }
    }

    func testKeepGoingRunsIndependentStagesAndNamesWhatWasSkipped() throws {
        try writeSpec(spiralsTest: 1)  // accepted by the declaration, rejected by the generator
        XCTAssertThrowsError(try runPipeline(), "without --keep-going the first failure stops the run")
        let summary = try runPipeline(RunOptions(quiet: true, keepGoing: true))
        XCTAssertEqual(summary.failed.map(\.stage), ["spirals"])
        XCTAssertEqual(summary.skipped.map(\.stage), ["later"])
        XCTAssertEqual(summary.skipped.map(\.because), ["spirals"])
        XCTAssertEqual(summary.ran, ["xor"], "the independent stage ran")
    }

    func testRecordsOfRemovedStagesAreForgotten() throws {
        _ = try runPipeline()
        try project.write("pipeline.json", try text("pipeline.json").replacingOccurrences(of: #""later":"#, with: #""renamed":"#))
        XCTAssertEqual(try runPipeline().ran, ["renamed"])
        let manifest = try Manifest.load(from: project.path + "/pipeline.lock", profile: "default")
        XCTAssertEqual(manifest.stages.keys.sorted(), ["renamed", "spirals", "xor"])
        XCTAssertTrue(lines.contains { $0.contains("forgot the records of stages pipeline.json no longer declares: later") }, "\(lines)")
        XCTAssertTrue(try Verification.verify(layout: layout, profile: "default").problems.isEmpty)
    }

    func testTheProjectRootIsFoundFromASubdirectory() throws {
        try FileManager.default.createDirectory(atPath: project.path + "/data/deep/er", withIntermediateDirectories: true)
        let found = ProjectLayout.discoverProjectRoot(from: project.path + "/data/deep/er")
        XCTAssertEqual(URL(fileURLWithPath: found).standardizedFileURL.path,
                       URL(fileURLWithPath: project.path).standardizedFileURL.path)
        XCTAssertEqual(ProjectLayout.discoverProjectRoot(from: "/"), "/", "none found: the start itself")
    }
}
