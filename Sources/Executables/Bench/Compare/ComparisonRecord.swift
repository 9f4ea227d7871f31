import Foundation

/// What `bench compare` writes to `bench/results/<suite>.json`: a measured input of the
/// paper, committed like source data. ReportKit's `BenchmarkRecord` reads the same
/// format (the test `BenchmarkRecordTests` runs this command and decodes its output).
struct ComparisonRecord: Encodable {
    /// The format of this file; bumped on incompatible changes (and in ReportKit's reader).
    static let formatVersion = 1

    /// Median, least and greatest of some values.
    struct Spread: Encodable, Equatable {
        var median: Double
        var min: Double
        var max: Double

        /// The spread of `values` (not empty); the median of an even count is the mean
        /// of the two middle values.
        init(_ values: [Double]) {
            let sorted = values.sorted()
            let middle = sorted.count / 2
            median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            min = sorted[0]
            max = sorted[sorted.count - 1]
        }
    }

    /// One contestant's measurements.
    struct Contestant: Encodable {
        var key: String
        var label: String
        var argv: [String]
        var taskset: String?
        var version: String?
        /// The metric of each timed run, in the order run (round 1 first).
        var values: [Double]
        /// Wall time of each timed run as a whole process, seconds.
        var wallSeconds: [Double]
        var median: Double
        var min: Double
        var max: Double
    }

    /// ours / peer of each round in which both ran (larger: ours is faster).
    struct Ratio: Encodable {
        var peer: String
        var values: [Double]
        var median: Double
        var min: Double
        var max: Double

        /// The paired ratios of `reference` over `peer`, round by round, for the rounds
        /// both ran (a peer with fewer runs pairs with the reference's first ones).
        init(reference: [Double], peer key: String, values peerValues: [Double]) {
            peer = key
            values = zip(reference, peerValues).map { $0 / $1 }
            let spread = Spread(values)
            (median, min, max) = (spread.median, spread.min, spread.max)
        }
    }

    struct Comparison: Encodable {
        var name: String
        var metric: String
        var reference: String
        var contestants: [Contestant]
        var ratios: [Ratio]
    }

    /// The machine and its load around the measurement.
    struct Machine: Encodable {
        var cpu: String
        var cores: Int
        var kernel: String
        /// 1-minute load average before the first warm-up and after the last run.
        var loadAverageBefore: Double
        var loadAverageAfter: Double
    }

    /// The project's commit; nil outside a git work tree.
    struct Git: Encodable {
        var commit: String?
        /// Uncommitted changes besides bench/results.
        var dirty: Bool
    }

    var formatVersion = ComparisonRecord.formatVersion
    var suite: String
    var description: String
    /// The command line of `bench compare` that measured it.
    var command: [String]
    /// Timed rounds (`--runs`).
    var rounds: Int
    /// UTC start of the measurement, ISO 8601.
    var date: String
    var git: Git
    var machine: Machine
    var comparisons: [Comparison]

    /// The comparison `name` of `suite` with each contestant's measured `values` (by key)
    /// and wall times.
    static func comparison(
        _ suite: BenchmarkSuite.Comparison, values: [String: [Double]], wallSeconds: [String: [Double]], versions: [String: String]
    ) -> Comparison {
        let contestants = suite.contestants.map { c in
            let v = values[c.key] ?? []
            let spread = Spread(v)
            return Contestant(
                key: c.key, label: c.label, argv: c.argv, taskset: c.taskset, version: versions[c.key], values: v,
                wallSeconds: wallSeconds[c.key] ?? [], median: spread.median, min: spread.min, max: spread.max)
        }
        let reference = values[suite.reference] ?? []
        let ratios = suite.contestants.filter { $0.key != suite.reference }.map {
            Ratio(reference: reference, peer: $0.key, values: values[$0.key] ?? [])
        }
        return Comparison(name: suite.name, metric: suite.metric, reference: suite.reference, contestants: contestants, ratios: ratios)
    }

    /// Sorted keys, indented, final newline.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
