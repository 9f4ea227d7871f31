import Foundation

/// A suite file of `bench compare` (`bench/suites/*.json`): comparisons of our benchmark
/// against its peers, each contestant a command whose last line of output is
/// `<metric>=<value>`. Paths in `argv` are relative to the project root, where
/// `make bench-record` runs.
struct BenchmarkSuite: Decodable {
    /// One contestant of a comparison.
    struct Contestant: Decodable {
        /// Short name, unique in its comparison (`ours`, `jax`, `numpy`, `torch`).
        var key: String
        /// What the reader sees in tables ("JAX jit", "PyTorch eager").
        var label: String
        /// The command; `argv[0]` relative to the project root or on PATH.
        var argv: [String]
        /// A command whose first line of output names the contestant's version.
        var version: [String]?
        /// Cores to pin the contestant to (`taskset -c`), e.g. "0" or "0,1".
        var taskset: String?
        /// Timed runs of this contestant when fewer than `--runs` (a slow peer).
        var runs: Int?
    }

    /// Contestants that run the same work and print the same metric.
    struct Comparison: Decodable {
        /// Name, unique in the suite (`fashion-ensemble`, `adam`, `adlala`).
        var name: String
        /// The key of the last output line, e.g. `steps_per_s` (larger is faster).
        var metric: String
        /// The key of our own contestant; ratios are ours / peer.
        var reference: String
        var contestants: [Contestant]
    }

    /// The suite's name; the record goes to `bench/results/<suite>.json`.
    var suite: String
    /// The work measured, in words (copied into the record).
    var description: String
    var comparisons: [Comparison]

    /// Reads and checks the suite at `path`.
    static func load(path: String) throws -> BenchmarkSuite {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CompareError.usage("the suite file \(path) does not exist; give a file of bench/suites/")
        }
        let suite: BenchmarkSuite
        do {
            suite = try JSONDecoder().decode(BenchmarkSuite.self, from: data)
        } catch {
            throw CompareError.usage("the suite file \(path) is malformed: \(error)")
        }
        try suite.check(path: path)
        return suite
    }

    func check(path: String) throws {
        guard !comparisons.isEmpty else { throw CompareError.usage("\(path): the suite has no comparisons") }
        guard Set(comparisons.map(\.name)).count == comparisons.count else {
            throw CompareError.usage("\(path): comparison names repeat; make each name unique")
        }
        for comparison in comparisons {
            let keys = comparison.contestants.map(\.key)
            guard Set(keys).count == keys.count else {
                throw CompareError.usage("\(path): comparison '\(comparison.name)' repeats a contestant key (\(keys.joined(separator: ", ")))")
            }
            guard keys.contains(comparison.reference), keys.count >= 2 else {
                throw CompareError.usage(
                    "\(path): comparison '\(comparison.name)' needs its reference '\(comparison.reference)' and at least one peer among its contestants (\(keys.joined(separator: ", ")))")
            }
            for contestant in comparison.contestants {
                guard !contestant.argv.isEmpty else {
                    throw CompareError.usage("\(path): contestant '\(contestant.key)' of '\(comparison.name)' has an empty argv")
                }
                if let runs = contestant.runs, runs < 1 {
                    throw CompareError.usage("\(path): contestant '\(contestant.key)' of '\(comparison.name)': runs must be at least 1")
                }
            }
        }
    }
}

/// A failure of `bench compare`, as an instruction.
enum CompareError: Error, CustomStringConvertible, LocalizedError {
    /// A wrong suite or command line.
    case usage(String)
    /// A contestant that failed or did not print its metric.
    case contestant(String)

    var description: String {
        switch self {
        case .usage(let text), .contestant(let text): return text
        }
    }

    var errorDescription: String? { description }
}
