import ArgumentParser
import Foundation

/// `bench compare SUITE --runs N --output FILE`: our benchmark beside its peers in
/// alternating runs on one machine, written as a record that the paper's sections read
/// (README "Speed"). One warm-up of every contestant, then N rounds, each running every
/// contestant once in the suite's order (ours, peer 1, peer 2, ours, …), so that a change
/// of load on a shared machine hits all of them alike; the paired ratios ours / peer per
/// round are what the record's readers quote.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Runs a suite of bench/suites/ in alternation and writes its record (bench/results/<suite>.json).")

    @Argument(help: "The suite file, e.g. bench/suites/spirals.json.") var suite: String
    @Option(help: "Timed rounds (a contestant's own `runs` in the suite may be fewer).") var runs = 5
    @Option(help: "Where to write the record (atomically).") var output: String
    @Option(help: "The project root: the contestants' working directory and the git work tree recorded.") var project = "."
    @Flag(help: "No progress on stderr.") var quiet = false

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
    }

    func run() throws {
        let suite = try BenchmarkSuite.load(path: self.suite)
        let date = ISO8601DateFormatter().string(from: Date())
        let loadBefore = MachineFacts.loadAverage()
        // The commit measured: read before the runs, so that an edit during them cannot change it.
        let git = MachineFacts.git(at: project)
        var versions: [String: [String: String]] = [:]
        for comparison in suite.comparisons {
            for contestant in comparison.contestants {
                if let argv = contestant.version {
                    versions[comparison.name, default: [:]][contestant.key] = try ContestantProcess.version(argv, of: contestant.key, in: project)
                }
            }
        }
        var values: [String: [String: [Double]]] = [:], walls: [String: [String: [Double]]] = [:]
        for round in 0...runs {  // round 0 is the warm-up
            for comparison in suite.comparisons {
                for (index, contestant) in comparison.contestants.enumerated() where round <= (contestant.runs ?? runs) {
                    let label = round == 0 ? "warm-up" : "round \(round) of \(runs)"
                    progress("\(suite.suite)/\(comparison.name): contestant \(index + 1) of \(comparison.contestants.count) (\(contestant.key)), \(label)")
                    let run = try ContestantProcess.measure(contestant, metric: comparison.metric, comparison: comparison.name, round: label, in: project)
                    guard round > 0 else { continue }
                    values[comparison.name, default: [:]][contestant.key, default: []].append(run.value)
                    walls[comparison.name, default: [:]][contestant.key, default: []].append(run.wallSeconds)
                    progress("  \(comparison.metric)=\(run.value)")
                }
            }
        }
        let record = ComparisonRecord(
            suite: suite.suite, description: suite.description, command: CommandLine.arguments, rounds: runs, date: date,
            git: git,
            machine: ComparisonRecord.Machine(
                cpu: MachineFacts.cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount, kernel: MachineFacts.kernel(),
                loadAverageBefore: loadBefore, loadAverageAfter: MachineFacts.loadAverage()),
            comparisons: suite.comparisons.map {
                ComparisonRecord.comparison($0, values: values[$0.name] ?? [:], wallSeconds: walls[$0.name] ?? [:], versions: versions[$0.name] ?? [:])
            })
        try MachineFacts.writeAtomically(try record.encoded(), to: output)
        for comparison in record.comparisons {
            for ratio in comparison.ratios {
                print("\(comparison.name): \(comparison.reference) / \(ratio.peer) = \(ratio.median) (paired runs \(ratio.min)–\(ratio.max))")
            }
        }
        print("wrote \(output)")
    }

    private func progress(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("[bench compare] \(line)\n".utf8))
    }
}
