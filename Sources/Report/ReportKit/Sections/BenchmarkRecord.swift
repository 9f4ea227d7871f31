import Foundation
import StageKit

/// A benchmark record, `bench/results/<suite>.json`, as `bench compare` writes it
/// (`Sources/Executables/Bench/Compare/ComparisonRecord.swift`; `make bench-record`): our benchmark
/// beside its peers in alternating runs on one machine. It is a measured input of the
/// paper, committed like source data: the section stages read it and print its numbers
/// with when, where and at which commit they were measured; `make paper` never measures.
public struct BenchmarkRecord: Decodable, Equatable, Sendable {
    /// The format this reader understands.
    public static let formatVersion = 1

    /// One contestant's timed runs.
    public struct Contestant: Decodable, Equatable, Sendable {
        public var key: String
        public var label: String
        public var argv: [String]
        public var taskset: String?
        public var version: String?
        /// The metric of each timed run.
        public var values: [Double]
        public var median: Double
        public var min: Double
        public var max: Double
    }

    /// ours / peer per round, and their median, least and greatest.
    public struct Ratio: Decodable, Equatable, Sendable {
        public var peer: String
        public var values: [Double]
        public var median: Double
        public var min: Double
        public var max: Double
    }

    /// Contestants running the same work.
    public struct Comparison: Decodable, Equatable, Sendable {
        public var name: String
        public var metric: String
        /// The key of our contestant.
        public var reference: String
        public var contestants: [Contestant]
        public var ratios: [Ratio]
    }

    /// The machine and its 1-minute load average before and after.
    public struct Machine: Decodable, Equatable, Sendable {
        public var cpu: String
        public var cores: Int
        public var kernel: String
        public var loadAverageBefore: Double
        public var loadAverageAfter: Double
    }

    /// The project's commit (nil outside a git work tree) and whether it had other changes.
    public struct Git: Decodable, Equatable, Sendable {
        public var commit: String?
        public var dirty: Bool
    }

    public var formatVersion: Int
    public var suite: String
    public var description: String
    /// The command line of `bench compare`.
    public var command: [String]
    public var rounds: Int
    /// UTC, ISO 8601.
    public var date: String
    public var git: Git
    public var machine: Machine
    public var comparisons: [Comparison]

    /// Reads the record at `path` (`declared` names it in errors).
    public static func read(path: String, declared: String) throws(BenchmarkRecordError) -> BenchmarkRecord {
        guard let data = FileManager.default.contents(atPath: path) else { throw .missing(path: declared) }
        let record: BenchmarkRecord
        do {
            record = try JSONDecoder().decode(BenchmarkRecord.self, from: data)
        } catch {
            throw .malformed(path: declared, detail: "\(error)")
        }
        guard record.formatVersion == formatVersion else { throw .formatVersion(path: declared, found: record.formatVersion) }
        return record
    }
}

/// A benchmark record a section cannot read, with what to do.
public enum BenchmarkRecordError: Error, CustomStringConvertible, Equatable, Sendable {
    case missing(path: String)
    case malformed(path: String, detail: String)
    case formatVersion(path: String, found: Int)

    public var description: String {
        switch self {
        case .missing(let path):
            return "the benchmark record \(path) does not exist; measure it with `make bench-record` (README \"Speed\") and commit it"
        case .malformed(let path, let detail):
            return "\(path) is not a benchmark record of `bench compare`: \(detail); rerun `make bench-record`"
        case .formatVersion(let path, let found):
            return "\(path) has record format \(found), this build reads \(BenchmarkRecord.formatVersion); rerun `make bench-record`"
        }
    }
}

extension BenchmarkRecord {
    /// The record's inline values for a section template, named `bench.…`, and the
    /// part of the record each comes from (for `paper.html`'s links):
    /// - `bench.date` (day, UTC), `bench.cpu`, `bench.cores`, `bench.kernel`, `bench.load`
    ///   (1-minute load average before → after), `bench.commit` (12 hex digits, "with
    ///   uncommitted changes" when dirty), `bench.rounds`, `bench.command`;
    /// - per comparison C and contestant K: `bench.C.K` (median metric), `bench.C.K.version`,
    ///   `bench.C.K.runs`;
    /// - per peer P: `bench.C.ratio.P` (median of the paired ratios ours / P) and
    ///   `bench.C.ratio.P.range` (least–greatest).
    /// Measured numbers have three significant digits: the rounds' spread is wider.
    public func sectionValues() -> (values: [String: String], parts: [String: String]) {
        var values: [String: String] = [:], parts: [String: String] = [:]
        func set(_ name: String, _ value: String, _ part: String) {
            values["bench." + name] = value
            parts["bench." + name] = part
        }
        set("date", String(date.prefix(10)), "/date")
        set("cpu", machine.cpu, "/machine/cpu")
        set("cores", ReportNumber.count(machine.cores), "/machine/cores")
        set("kernel", machine.kernel, "/machine/kernel")
        set("load", "\(ReportNumber.significant(machine.loadAverageBefore, digits: 2)) → \(ReportNumber.significant(machine.loadAverageAfter, digits: 2))", "/machine")
        set("commit", (git.commit.map { String($0.prefix(12)) } ?? "unknown") + (git.dirty ? " (with uncommitted changes)" : ""), "/git")
        set("rounds", ReportNumber.count(rounds), "/rounds")
        set("command", PaperText.code(command.joined(separator: " ")), "/command")
        // JSON Pointers (RFC 6901) into the record: comparisons, contestants and ratios are arrays.
        for (i, comparison) in comparisons.enumerated() {
            for (j, c) in comparison.contestants.enumerated() {
                let part = "/comparisons/\(i)/contestants/\(j)"
                set("\(comparison.name).\(c.key)", Self.measured(c.median), part + "/median")
                set("\(comparison.name).\(c.key).version", c.version ?? c.label, part + (c.version == nil ? "/label" : "/version"))
                set("\(comparison.name).\(c.key).runs", ReportNumber.count(c.values.count), part + "/values")
            }
            for (k, ratio) in comparison.ratios.enumerated() {
                let part = "/comparisons/\(i)/ratios/\(k)"
                set("\(comparison.name).ratio.\(ratio.peer)", Self.measured(ratio.median), part + "/median")
                set("\(comparison.name).ratio.\(ratio.peer).range", "\(Self.measured(ratio.min))–\(Self.measured(ratio.max))", part)
            }
        }
        return (values, parts)
    }

    /// The table of every comparison: per contestant its median metric with least and
    /// greatest, its runs, and the median paired ratio ours / it with its range.
    public func table(source: PaperTable.Source) -> PaperTable {
        var rows: [[String]] = []
        for comparison in comparisons {
            for c in comparison.contestants {
                let ratio = comparison.ratios.first { $0.peer == c.key }
                rows.append([
                    comparison.name, c.label + (c.version.map { " — \($0)" } ?? ""),
                    "\(Self.measured(c.median)) [\(Self.measured(c.min)), \(Self.measured(c.max))]",
                    ReportNumber.count(c.values.count),
                    ratio.map { "\(Self.measured($0.median)) [\(Self.measured($0.min)), \(Self.measured($0.max))]" } ?? "reference",
                ])
            }
        }
        let metrics = PaperText.list(Array(Set(comparisons.map(\.metric))).sorted().map(PaperText.code))
        return PaperTable(
            caption: "Speed beside the peers (\(description.hasSuffix(".") ? String(description.dropLast()) : description)). Median [least, greatest] of \(metrics) over the timed runs after one "
                + "warm-up, and of the ratio ours / peer of the runs paired round by round (larger: ours faster); the contestants "
                + "alternated in every round. Measured \(String(date.prefix(10))) on \(machine.cpu) (\(ReportNumber.count(machine.cores)) cores, "
                + "1-minute load \(ReportNumber.significant(machine.loadAverageBefore, digits: 2)) before, "
                + "\(ReportNumber.significant(machine.loadAverageAfter, digits: 2)) after) at commit \(git.commit.map { String($0.prefix(12)) } ?? "unknown")"
                + (git.dirty ? " with uncommitted changes" : "") + " by `make bench-record`; `make paper` does not measure.",
            table: MarkdownTable(header: ["benchmark", "contestant", "median [range]", "runs", "ours / contestant"], rows: rows),
            sources: [source])
    }

    static func measured(_ value: Double) -> String { ReportNumber.significant(value, digits: 3) }
}

/// A section's benchmark record as its stage read it: the record, and its declared path
/// and SHA-256 (so that `paper.html` links each number to the file and hash).
public struct SectionBenchmark: Sendable {
    public var record: BenchmarkRecord
    public var source: PaperTable.Source

    public init(record: BenchmarkRecord, source: PaperTable.Source) {
        self.record = record
        self.source = source
    }

    /// The record named by the stage's string parameter `parameter`, which must also be
    /// one of the stage's declared inputs (so that its hash is in the manifest).
    public static func read(_ context: StageContext, parameter: String = "benchmark") throws -> SectionBenchmark {
        let declared = try context.parameters.string(parameter)
        guard let input = context.invocation.inputs.first(where: { $0.declaredPath == declared }) else {
            throw StageError.usage(
                "stage '\(context.stage)': its benchmark record \(declared) (stages.\(context.stage).parameters.\(parameter)) "
                    + "is not among its inputs; add it to stages.\(context.stage).inputs in pipeline.json")
        }
        return SectionBenchmark(
            record: try BenchmarkRecord.read(path: input.path, declared: declared),
            source: PaperTable.Source(path: declared, part: "/", sha256: input.sha256))
    }

    /// Adds the record's inline values (``BenchmarkRecord/sectionValues()``) to `values`
    /// and its table, named `table`, to `tables`.
    public func add(to values: inout [String: String], tables: inout [String: PaperTable], table: String) throws {
        for (name, value) in record.sectionValues().values {
            guard values.updateValue(value, forKey: name) == nil else { throw TemplateError.duplicatePlaceholder(name) }
        }
        guard tables.updateValue(record.table(source: source), forKey: table) == nil else { throw TemplateError.duplicatePlaceholder(table) }
    }

    /// The sources of a section's placeholders: the record's values computed from their
    /// parts of the record, every other name by `fallback`.
    public func sources(fallback: @escaping (String) -> ValueSource?) -> (String) -> ValueSource? {
        let parts = record.sectionValues().parts, source = self.source
        return { name in
            guard let part = parts[name] else { return fallback(name) }
            return .computed(PaperTable.Source(path: source.path, part: part, sha256: source.sha256))
        }
    }
}
