import Foundation
import Pipeline
import Provenance
import TestSupport
import XCTest

/// What the user sees when a stage cannot finish (issue #19, item 7) — a full disk, an
/// output directory that is not writable, a SIGTERM in the middle of writing an HDF5
/// file: an error naming the stage and the file, exit status 1 (no crash, no
/// backtrace), the stage's temporary files removed, the previous outputs and
/// `pipeline.lock` untouched, and a clean rerun once the cause is gone. Real stage
/// executables; projects on a ``LimitedDisk``.
final class StageFailureTests: XCTestCase {
    /// Writes `pipeline.json` of `stages` (default profile) into `root`.
    func writeProject(at root: String, _ stages: [String: JSONValue]) throws {
        let spec = JSONValue.object([
            "formatVersion": .int(1), "profiles": .object(["default": .object(["root": .string(".")])]),
            "experiments": try RealPipeline().experiments, "stages": .object(stages),
        ])
        try Data(spec.prettyText.utf8).write(to: URL(fileURLWithPath: root + "/pipeline.json"))
    }

    /// `generate-xor` and a two-configuration `mittra-e1-ensembles` (a few seconds).
    func trainingStages() throws -> [String: JSONValue] {
        let real = try RealPipeline()
        return [
            "xor": real.stage("generate-xor", inputs: [], outputs: ["data/xor.h5"]),
            "ensembles": real.stage(
                "mittra-e1-ensembles", inputs: ["data/xor.h5"], outputs: ["data/ensembles.h5"],
                changes: .object([
                    "network": .object(["hiddenActivations": .array([.string("tanh")]), "hiddenWidths": .array([.array([.int(4)])])]),
                    "learningRates": .object(["logGrid": .object(["from": .double(0.1), "to": .double(1), "count": .int(2)])]),
                    "seedCount": .int(1),
                ])),
        ]
    }

    /// The bytes of every output and of the manifest under `root`.
    func snapshot(_ root: String, _ outputs: [String]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for relative in outputs + ["pipeline.lock"] {
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))
        }
        return files
    }

    /// What a failed run left in the scratch directory (nothing, if it cleaned up).
    func leftovers(_ root: String) -> [String] {
        let scratch = root + "/.pipeline-tmp"
        let stages = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
        return stages.flatMap { stage in
            [stage] + ((try? FileManager.default.subpathsOfDirectory(atPath: scratch + "/" + stage)) ?? []).map { stage + "/" + $0 }
        }
    }

    /// Runs `pipeline run --quiet ARGUMENTS` in `root`: its exit status, stdout and stderr.
    func runPipeline(at root: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
        try Command.run(
            TestLocations.binDirectory + "/pipeline",
            ["run", "--quiet", "--package", TestLocations.packageRoot, "--bin", TestLocations.binDirectory] + arguments, in: root)
    }

    /// A runner for the project at `root`.
    func runner(_ root: String) throws -> Runner {
        try Runner(layout: ProjectLayout(
            projectRoot: root, packageRoot: TestLocations.packageRoot, binDirectory: TestLocations.binDirectory), profile: "default") { _ in }
    }

    /// Asserts that `error` is the failure of `stage` with exit `status`, naming every one of `phrases`.
    func assertStageFailed(
        _ error: Error, stage: String, status: Int32, mentioning phrases: [String], file: StaticString = #filePath, line: UInt = #line
    ) {
        guard case PipelineError.stageFailed(let failed, let actual, _) = error else {
            return XCTFail("not a stage failure: \(error)", file: file, line: line)
        }
        XCTAssertEqual(failed, stage, file: file, line: line)
        XCTAssertEqual(actual, status, "\(error)", file: file, line: line)
        for phrase in phrases {
            XCTAssertTrue("\(error)".contains(phrase), "'\(phrase)' missing from: \(error)", file: file, line: line)
        }
    }

    func testAFullDiskFailsTheStageWithItsMessageAndKeepsThePreviousOutputs() throws {
        try assertAFullDiskFailsTheStage(preferring: .tmpfs)
    }

    func testAFileSizeLimitFailsTheStageTheSameWay() throws {
        // The fallback where `mount` is refused; libhdf5 cannot even finish the file in
        // memory then, and the HDF5 layer abandons it (HDF5File+WriteFailure.swift).
        try assertAFullDiskFailsTheStage(preferring: .fileSizeLimit)
    }

    func assertAFullDiskFailsTheStage(preferring method: LimitedDisk.Method) throws {
        let scratch = TemporaryDirectory("full-disk")
        let disk = try LimitedDisk(at: scratch.path + "/project", bytes: 32 << 20, preferring: method)
        defer { withExtendedLifetime(scratch) {} }  // an optimized build could release it (and its files) at once
        try writeProject(at: disk.path, try trainingStages())
        let first = try runPipeline(at: disk.path)
        XCTAssertEqual(first.status, 0, first.output)
        let outputs = ["data/xor.h5", "data/ensembles.h5"]
        let before = try snapshot(disk.path, outputs)

        // Half the ensembles file's size free: its rewrite fails part-way.
        try disk.limitFreeSpace(to: before["data/ensembles.h5"]!.count / 2)
        let failed = try runPipeline(at: disk.path, ["--stage", "ensembles", "--force"])
        disk.liftLimit()
        XCTAssertEqual(failed.status, 1, failed.output)
        for phrase in ["stage 'ensembles' failed (exit status 1)", "out-0-ensembles.h5", "temporary copy of data/ensembles.h5",
                       "free disk space", "pipeline run --stage ensembles"] {
            XCTAssertTrue(failed.output.contains(phrase), "'\(phrase)' missing from:\n\(failed.output)")
        }
        XCTAssertTrue(["No space left on device", "File too large"].contains { failed.output.contains($0) }, failed.output)
        for crash in ["Backtrace", "crashed", "Segmentation fault", "SIGSEGV"] {
            XCTAssertFalse(failed.output.contains(crash), "'\(crash)' in:\n\(failed.output)")
        }
        XCTAssertEqual(leftovers(disk.path), [], "the stage's temporary files are removed")
        XCTAssertEqual(try snapshot(disk.path, outputs), before, "the previous outputs and the manifest are kept")

        let rerun = try runPipeline(at: disk.path, ["--stage", "ensembles", "--force"])
        XCTAssertEqual(rerun.status, 0, rerun.output)
        XCTAssertEqual(try snapshot(disk.path, outputs), before, "the rerun reproduces the outputs byte for byte")
    }

    func testAnOutputDirectoryThatIsNotWritableStopsTheStageBeforeItRuns() throws {
        let project = TemporaryDirectory("read-only")
        let data = try LimitedDisk(at: project.path + "/data", bytes: 8 << 20)
        guard data.canBeMadeReadOnly else { throw XCTSkip("mount is not permitted here, and root writes through permission bits") }
        defer { withExtendedLifetime(data) {} }  // mounted until the end
        try writeProject(at: project.path, ["xor": try RealPipeline().stage("generate-xor", inputs: [], outputs: ["data/xor.h5"])])
        _ = try runner(project.path).run(RunOptions(quiet: true))
        let before = try snapshot(project.path, ["data/xor.h5"])

        try data.makeReadOnly(true)
        XCTAssertThrowsError(try runner(project.path).run(RunOptions(force: true, quiet: true))) { error in
            guard case PipelineError.stageNotRun(let stage, _) = error else { return XCTFail("not a stage that was not run: \(error)") }
            XCTAssertEqual(stage, "xor")
            for phrase in [project.path + "/data/xor.h5", "was not run", "pipeline run --stage xor",
                           data.method == .tmpfs ? "Read-only file system" : "Permission denied"] {
                XCTAssertTrue("\(error)".contains(phrase), "'\(phrase)' missing from: \(error)")
            }
        }
        XCTAssertEqual(leftovers(project.path), [])
        XCTAssertEqual(try snapshot(project.path, ["data/xor.h5"]), before)

        try data.makeReadOnly(false)
        XCTAssertEqual(try runner(project.path).run(RunOptions(force: true, quiet: true)).ran, ["xor"])
        XCTAssertEqual(try snapshot(project.path, ["data/xor.h5"]), before)
    }

    func testSIGTERMWhileWritingRemovesTheTemporaryFilesAndExits1() throws {
        try assertStoppedWhileWriting(by: SIGTERM, status: 1, mentioning: ["stopped by SIGTERM", "data/spirals.h5"])
    }

    func testAStageKilledWhileWritingLeavesNothingAndTheDriverSaysSo() throws {
        // SIGKILL cannot be handled: the driver clears the scratch directory and names the signal.
        try assertStoppedWhileWriting(by: SIGKILL, status: 128 + SIGKILL, mentioning: ["killed by signal 9"])
    }

    /// Sends `signal` to a stage while it writes its HDF5 output: the run fails with
    /// `status` and `phrases`, nothing of the stage is left, the previous output and the
    /// manifest are kept, and a rerun reproduces them.
    func assertStoppedWhileWriting(by signal: Int32, status: Int32, mentioning phrases: [String]) throws {
        let project = TemporaryDirectory("signal")
        // 400 draws of 2 × 2000 points, each written as soon as it is drawn: the stage
        // writes its file for a while (about 40 MB).
        try writeProject(at: project.path, ["spirals": .object([
            "executable": .string("generate-data"), "seeds": .object(["data": .string("mittra2024/spirals")]),
            "inputs": .array([]), "outputs": .array([.string("data/spirals.h5")]),
            "parameters": .object([
                "dataset": .string("two-spirals"), "trainSamples": .int(2000), "testSamples": .int(2000), "radius": .int(2),
                "exponent": .double(0.5), "turns": .int(4), "noise": .double(0.02), "draws": .int(400),
            ]),
        ])])
        _ = try runner(project.path).run(RunOptions(quiet: true))
        let before = try snapshot(project.path, ["data/spirals.h5"])

        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<RunSummary, Error>?
        nonisolated(unsafe) let forced = try runner(project.path)
        DispatchQueue.global().async {
            outcome = Result { try forced.run(RunOptions(force: true, quiet: true)) }
            finished.signal()
        }
        let scratch = project.path + "/.pipeline-tmp/spirals"
        let stage = try XCTUnwrap(waitForStage(invocation: scratch + "/invocation.json", writing: scratch + "/out-0-spirals.h5"),
                                  "the stage never started writing")
        XCTAssertEqual(kill(stage, signal), 0)
        XCTAssertEqual(finished.wait(timeout: .now() + 120), .success, "the run did not end after signal \(signal)")

        guard case .failure(let error)? = outcome else { return XCTFail("the run was not stopped: \(String(describing: outcome))") }
        assertStageFailed(error, stage: "spirals", status: status, mentioning: phrases + ["pipeline run --stage spirals"])
        XCTAssertEqual(leftovers(project.path), [])
        XCTAssertEqual(try snapshot(project.path, ["data/spirals.h5"]), before)

        XCTAssertEqual(try runner(project.path).run(RunOptions(force: true, quiet: true)).ran, ["spirals"])
        XCTAssertEqual(try snapshot(project.path, ["data/spirals.h5"]), before)
    }

    /// The process id of the stage run with `invocation`, once its output `writing` exists
    /// (nil after a minute).
    func waitForStage(invocation: String, writing output: String) -> pid_t? {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: output), let pid = processRunning(with: invocation) { return pid }
            usleep(2_000)
        }
        return nil
    }

    /// The process whose command line holds `argument` (from /proc), if any.
    func processRunning(with argument: String) -> pid_t? {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            if command.split(separator: 0).contains(where: { String(decoding: $0, as: UTF8.self) == argument }) { return pid }
        }
        return nil
    }
}
