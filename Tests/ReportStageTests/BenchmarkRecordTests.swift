import Foundation
import PaperCheck
import Provenance
import ReportKit
import TestSupport
import XCTest

/// `bench compare` (the built `bench` executable) and the reader of its records that the
/// E4 and E5 sections use (`BenchmarkRecord`, `SectionBenchmark`): alternation, pairing,
/// the record's format, the errors, and the values a section prints.
final class BenchmarkRecordTests: XCTestCase {
    /// Runs `bench` with `arguments` in `directory`: exit status and stderr.
    func bench(_ arguments: [String], in directory: String) throws -> (status: Int32, stderr: String) {
        let executable = TestLocations.binDirectory + "/bench"
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw MissingExecutable(path: executable)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A suite of two shell contestants: `ours` always prints x_per_s=6; `peer` counts its
    /// own runs (warm-up included) and prints the count; both append their key to `order`.
    func toySuite(peerLine: String = "echo x_per_s=$n", peerRuns: Int = 3) -> String {
        #"""
        {"suite": "toy", "description": "two shell commands", "comparisons": [
         {"name": "toy", "metric": "x_per_s", "reference": "ours", "contestants": [
          {"key": "ours", "label": "six", "argv": ["sh", "-c", "printf o >> order; echo warming; echo x_per_s=6"],
           "version": ["sh", "-c", "echo six v1"]},
          {"key": "peer", "label": "counter", "runs": \#(peerRuns),
           "argv": ["sh", "-c", "printf p >> order; n=$(cat n 2>/dev/null || echo 0); n=$((n+1)); echo $n > n; \#(peerLine)"]}
         ]}]}
        """#
    }

    func testCompareAlternatesWarmsUpPairsRoundsAndWritesASortedRecord() throws {
        let directory = TemporaryDirectory("compare")
        try directory.write("suite.json", toySuite())
        let run = try bench(["compare", "suite.json", "--runs", "4", "--output", "out/toy.json", "--project", directory.path], in: directory.path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("contestant 2 of 2 (peer), round 3 of 4"), run.stderr)
        // One warm-up each, then rounds in the suite's order; the peer stops after its 3 runs.
        XCTAssertEqual(try String(contentsOfFile: directory.path + "/order", encoding: .utf8), "opopopopo")
        let record = try BenchmarkRecord.read(path: directory.path + "/out/toy.json", declared: "out/toy.json")
        let comparison = try XCTUnwrap(record.comparisons.first)
        XCTAssertEqual(comparison.contestants.map(\.values), [[6, 6, 6, 6], [2, 3, 4]], "the warm-up (peer's 1) is not timed")
        XCTAssertEqual(comparison.contestants[0].version, "six v1")
        XCTAssertEqual(comparison.contestants[1].median, 3)
        let ratio = try XCTUnwrap(comparison.ratios.first)
        XCTAssertEqual(ratio.peer, "peer")
        XCTAssertEqual(ratio.values, [3, 2, 1.5], "ours / peer of rounds 1–3")
        XCTAssertEqual([ratio.median, ratio.min, ratio.max], [2, 1.5, 3])
        XCTAssertEqual(record.rounds, 4)
        XCTAssertNil(record.git.commit, "a scratch directory is no git work tree")
        XCTAssertGreaterThan(record.machine.cores, 0)
        XCTAssertFalse(record.machine.cpu.isEmpty)
        XCTAssertTrue(record.command.contains("--runs") && record.command.contains("suite.json"))
        XCTAssertNotNil(ISO8601DateFormatter().date(from: record.date), record.date)
        // Sorted keys, and nothing but the record left in its directory (written by rename).
        let text = try String(contentsOfFile: directory.path + "/out/toy.json", encoding: .utf8)
        let keys = ["\"command\"", "\"comparisons\"", "\"date\"", "\"description\"", "\"formatVersion\"", "\"git\"", "\"machine\"", "\"rounds\"", "\"suite\""]
        let positions = keys.map { text.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/out"), ["toy.json"])
    }

    func testAContestantWithoutTheMetricIsNamedWithItsLastLine() throws {
        let directory = TemporaryDirectory("compare")
        try directory.write("suite.json", toySuite(peerLine: "echo done in $n s"))
        let run = try bench(["compare", "suite.json", "--runs", "2", "--output", "toy.json", "--quiet"], in: directory.path)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("contestant 'peer' of comparison 'toy' (warm-up"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did not print x_per_s=<number>") && run.stderr.contains("\"done in 1 s\""), run.stderr)
        XCTAssertFalse(run.stderr.contains("[bench compare]"), "--quiet: no progress")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path + "/toy.json"), "no record of a failed comparison")
    }

    func testASuiteWhoseReferenceIsNoContestantIsRefused() throws {
        let directory = TemporaryDirectory("compare")
        try directory.write("suite.json", toySuite().replacingOccurrences(of: #""reference": "ours""#, with: #""reference": "us""#))
        let run = try bench(["compare", "suite.json", "--output", "toy.json"], in: directory.path)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("needs its reference 'us'"), run.stderr)
    }

    /// A record as `bench compare` writes it, with numbers chosen to check rounding.
    static let fixture = #"""
        {"command": [".build/release/bench", "compare", "bench/suites/spirals.json", "--runs", "3"],
         "comparisons": [{"name": "adam", "metric": "steps_per_s", "reference": "ours",
           "contestants": [
             {"key": "ours", "label": "ours (Swift)", "argv": ["bench"], "taskset": "0", "version": "Swift version 6.3.1",
              "values": [104900, 112000, 98000], "wallSeconds": [1, 1, 1], "median": 104900, "min": 98000, "max": 112000},
             {"key": "jax", "label": "JAX", "argv": ["python"], "values": [45600, 56000, 50000], "wallSeconds": [5, 5, 5],
              "median": 50000, "min": 45600, "max": 56000}],
           "ratios": [{"peer": "jax", "values": [2.3004, 2.0, 1.96], "median": 2.0, "min": 1.96, "max": 2.3004}]}],
         "date": "2026-12-01T19:40:12Z", "description": "E5's shape", "formatVersion": 1,
         "git": {"commit": "0123456789abcdef0123456789abcdef01234567", "dirty": true},
         "machine": {"cores": 2, "cpu": "AMD EPYC", "kernel": "6.1.0", "loadAverageAfter": 0.514, "loadAverageBefore": 4.26},
         "rounds": 3, "suite": "spirals"}
        """#

    func fixtureBenchmark() throws -> SectionBenchmark {
        let directory = TemporaryDirectory("record")
        try directory.write("spirals.json", Self.fixture)
        return SectionBenchmark(
            record: try BenchmarkRecord.read(path: directory.path + "/spirals.json", declared: "bench/results/spirals.json"),
            source: PaperTable.Source(path: "bench/results/spirals.json", part: "/", sha256: "abc"))
    }

    func testTheSectionValuesOfARecord() throws {
        let benchmark = try fixtureBenchmark()
        let values = benchmark.record.sectionValues().values
        XCTAssertEqual(values["bench.adam.ours"], "1.05×10⁵", "three significant digits")
        XCTAssertEqual(values["bench.adam.jax"], "5.00×10⁴")
        XCTAssertEqual(values["bench.adam.ratio.jax"], "2.00")
        XCTAssertEqual(values["bench.adam.ratio.jax.range"], "1.96–2.30")
        XCTAssertEqual(values["bench.adam.ours.version"], "Swift version 6.3.1")
        XCTAssertEqual(values["bench.adam.jax.version"], "JAX", "the label when the record has no version")
        XCTAssertEqual(values["bench.adam.jax.runs"], "3")
        XCTAssertEqual(values["bench.date"], "2026-12-01")
        XCTAssertEqual(values["bench.load"], "4.3 → 0.51")
        XCTAssertEqual(values["bench.commit"], "0123456789ab (with uncommitted changes)")
        XCTAssertEqual(values["bench.cores"], "2")
        XCTAssertEqual(values["bench.command"], "`.build/release/bench compare bench/suites/spirals.json --runs 3`")

        var sectionValues = ["x": "1"], tables: [String: PaperTable] = [:]
        try benchmark.add(to: &sectionValues, tables: &tables, table: "e.speed")
        let table = try XCTUnwrap(tables["e.speed"])
        XCTAssertEqual(table.table.rows.map { $0.last }, ["reference", "2.00 [1.96, 2.30]"])
        XCTAssertEqual(table.table.rows[0][2], "1.05×10⁵ [9.80×10⁴, 1.12×10⁵]")
        XCTAssertEqual(table.sources, [benchmark.source])
        XCTAssertTrue(table.caption.contains("2026-12-01") && table.caption.contains("0123456789ab with uncommitted changes"), table.caption)
        XCTAssertThrowsError(try benchmark.add(to: &sectionValues, tables: &tables, table: "e.speed"), "a second time clashes")

        // Each value links to its part of the record and the record's hash; other names fall back.
        let sources = benchmark.sources(fallback: { _ in .parameter("elsewhere") })
        XCTAssertEqual(sources("bench.adam.ratio.jax")?.part, "/comparisons/0/ratios/0/median")
        // Every part is a JSON Pointer that resolves in the record (`pipeline check-paper`).
        let record = try JSONValue.parse(Data(Self.fixture.utf8), source: "fixture")
        XCTAssertEqual(JSONLookup.member(record, pointer: "/comparisons/0/ratios/0/peer"), .string("jax"))
        XCTAssertEqual(JSONLookup.member(record, pointer: try XCTUnwrap(sources("bench.adam.jax")?.part)), .int(50000))
        for (name, part) in benchmark.record.sectionValues().parts.sorted(by: { $0.key < $1.key }) {
            XCTAssertNotNil(JSONLookup.member(record, pointer: part), "\(name): \(part) does not resolve")
        }
        XCTAssertEqual(sources("bench.adam.ratio.jax")?.sha256, "abc")
        XCTAssertEqual(sources("bench.adam.ratio.jax")?.file, "bench/results/spirals.json")
        XCTAssertEqual(sources("jimenez.onset"), .parameter("elsewhere"))
    }

    func testRecordsOfAnotherFormatOrNoneAreRefusedWithWhatToDo() throws {
        let directory = TemporaryDirectory("record")
        try directory.write("r.json", Self.fixture.replacingOccurrences(of: #""formatVersion": 1"#, with: #""formatVersion": 2"#))
        XCTAssertThrowsError(try BenchmarkRecord.read(path: directory.path + "/r.json", declared: "r.json")) { error in
            XCTAssertEqual(error as? BenchmarkRecordError, .formatVersion(path: "r.json", found: 2))
        }
        XCTAssertThrowsError(try BenchmarkRecord.read(path: directory.path + "/none.json", declared: "none.json")) { error in
            XCTAssertTrue("\(error)".contains("make bench-record"), "\(error)")
        }
    }

    /// The committed records decode and carry the comparisons the sections print.
    func testTheCommittedRecordsHoldTheSectionsComparisons() throws {
        for (file, comparisons, peers) in [("fashion-ensemble", ["fashion-ensemble"], ["jax", "numpy"]), ("spirals", ["adam", "adlala"], ["jax", "torch"])] {
            let path = TestLocations.packageRoot + "/bench/results/\(file).json"
            let record = try BenchmarkRecord.read(path: path, declared: "bench/results/\(file).json")
            XCTAssertEqual(record.comparisons.map(\.name), comparisons)
            for comparison in record.comparisons {
                XCTAssertEqual(comparison.ratios.map(\.peer), peers)
                XCTAssertTrue(comparison.contestants.allSatisfy { !$0.values.isEmpty && $0.median > 0 }, file)
            }
        }
    }
}

/// The test needs the built `bench` (`make test` builds every product first).
struct MissingExecutable: Error, CustomStringConvertible {
    var path: String
    var description: String { "no \(path): build the bench product first (swift build -c release -Xswiftc -enable-testing --product bench)" }
}
