import ArgumentParser
import Foundation
import Pipeline
import Provenance
import StageKit

/// `pipeline`: runs the declared stages, answers "is it stale?" and "where did this
/// file come from?". See README.md.
@main
struct PipelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Run the paper's stages reproducibly, and audit where any output came from.",
        subcommands: [
            Run.self, Status.self, Dag.self, Expand.self, ProvenanceQuery.self, Verify.self, Export.self, Snakemake.self, RunStage.self,
            FoldRecords.self, CheckPaper.self,
        ])
}

/// Options every subcommand shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "Project root holding pipeline.json (default: the nearest directory at or above the current one that has it, as git finds .git).")
    var project: String = ProjectLayout.discoverProjectRoot(from: FileManager.default.currentDirectoryPath)

    @Option(name: .long, help: "Swift package root, for code identity (default: the project root).")
    var package: String?

    @Option(name: .long, help: "Directory with the built stage executables (default: <package>/.build/release).")
    var bin: String?

    var layout: ProjectLayout { ProjectLayout(projectRoot: project, packageRoot: package, binDirectory: bin) }
}

/// `--shards N`, shared by every command that sees the expanded graph.
struct ShardOptions: ParsableArguments {
    @Option(name: .customLong("shards"), help: "Run every stage that declares `shards` in pipeline.json as N shards (overrides the declared count; 1: unsharded).")
    var count: Int?

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--shards must be at least 1") }
    }
}

/// Runs `body`, printing a failure as a plain message and exiting 1 instead of a trace.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
    }
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

extension PipelineCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run stale stages in dependency order (like `dvc repro`).")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Profile to run (see pipeline.json).") var profile = "default"
        @Option(name: .customLong("stage"), help: "Run this stage and what it needs that is stale (repeatable).")
        var stages: [String] = []
        @Flag(help: "Run the named stages (or all) even if up to date.") var force = false
        @Flag(help: "Only say what would run and why.") var dryRun = false
        @Option(help: "Worker threads for each stage (results do not depend on it).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        @Flag(help: "No progress on stderr.") var quiet = false
        @Flag(help: "After a stage fails, go on with the stages that do not depend on it; exit non-zero at the end.")
        var keepGoing = false
        @OptionGroup var shards: ShardOptions

        func run() throws {
            try reportingErrors {
                let runner = try Runner(layout: options.layout, profile: profile, shardCountOverride: shards.count) { line in
                    if !quiet || line.contains("NOT REPRODUCED") { printError(line) }
                }
                let summary = try runner.run(
                    RunOptions(stages: stages.isEmpty ? nil : stages, force: force, dryRun: dryRun,
                               threads: max(1, jobs), quiet: quiet, keepGoing: keepGoing))
                print(JSONValue.object([
                    "profile": .string(profile),
                    "ran": .array(summary.ran.map { .string($0) }),
                    "upToDate": .array(summary.upToDate.map { .string($0) }),
                    "notReproduced": .array(summary.mismatches.map { .string($0.path) }),
                    "failed": .array(summary.failed.map { .string($0.stage) }),
                    "skipped": .object(Dictionary(uniqueKeysWithValues: summary.skipped.map { ($0.stage, JSONValue.string($0.because)) })),
                ]).canonicalText)
                if !summary.failed.isEmpty {
                    printError("failed: " + summary.failed.map(\.stage).joined(separator: ", ")
                        + (summary.skipped.isEmpty ? "" : "; skipped because of them: " + summary.skipped.map { "\($0.stage) (needs \($0.because))" }.joined(separator: ", ")))
                    throw ExitCode.failure
                }
                if !summary.mismatches.isEmpty { throw ExitCode(3) }
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every stage as up to date or stale, and why.")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Profile to inspect.") var profile = "default"
        @OptionGroup var shards: ShardOptions

        func run() throws {
            try reportingErrors {
                let runner = try Runner(layout: options.layout, profile: profile, shardCountOverride: shards.count) { printError($0) }
                for status in try runner.status() {
                    let state = status.isUpToDate ? "up to date" : "stale: " + status.reasons.map(\.description).joined(separator: "; ")
                    print("\(status.stage): \(state)")
                }
                let pending = ((try? FileManager.default.contentsOfDirectory(atPath: runner.recordDirectory)) ?? [])
                    .filter { $0.hasSuffix(".json") }
                if !pending.isEmpty {
                    printError("\(pending.count) finished workflow job(s) not yet in the manifest (\(runner.recordDirectory)); "
                        + "`pipeline fold-records --profile \(profile)` (or the next `pipeline run`) folds them in.")
                }
            }
        }
    }

    struct Dag: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the stage graph as text and Graphviz DOT.")
        @OptionGroup var options: ProjectOptions
        @Flag(help: "Print only the DOT graph.") var dot = false
        @OptionGroup var shards: ShardOptions

        func run() throws {
            try reportingErrors {
                let layout = options.layout
                let spec = try PipelineSpec.load(from: layout.specPath, projectRoot: layout.projectRoot)
                let graph = StageGraph(spec: spec.expandingShards(countOverride: shards.count))
                if !dot { print(graph.text() + "\n") }
                print(graph.dot(), terminator: "")
            }
        }
    }

    struct Expand: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print pipeline.json as the engine reads it: families expanded, ${…} substituted, named inputs passed as parameters.",
            discussion: "Sorted keys, two-space indentation; shards are not expanded (see `pipeline dag --shards N`).")
        @OptionGroup var options: ProjectOptions

        func run() throws {
            try reportingErrors {
                let path = options.layout.specPath
                guard let data = FileManager.default.contents(atPath: path) else { throw PipelineError.missingFile(path: path) }
                print(try PipelineSpec.expanded(try JSONValue.parse(data, source: path), source: path).prettyText)
            }
        }
    }

    struct ProvenanceQuery: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "provenance",
            abstract: "Trace an output back through every stage (each once) to seeds, parameters, source files and code.",
            discussion: """
                Each stage's record is read from the file it wrote (when the file is on disk with the hash its \
                reader recorded) or else from pipeline.lock; the output says which. --json prints nodes and edges.
                """)
        @OptionGroup var options: ProjectOptions
        @Argument(help: "An output file (HDF5, SVG, paper).") var path: String
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            try reportingErrors {
                let lineage = try Lineage.of(path: path, layout: options.layout, readRecord: EmbeddedProvenance.record(path:))
                print(json ? lineage.json().prettyText : lineage.text(), terminator: "")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every output against the manifest; non-zero exit if any differs or is missing.")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Profile to verify.") var profile = "default"

        func run() throws {
            try reportingErrors {
                let (checked, problems) = try Verification.verify(layout: options.layout, profile: profile)
                for problem in problems { print("FAIL \(problem)") }
                print("verified \(checked - problems.count) of \(checked) outputs of profile '\(profile)'")
                if !problems.isEmpty { throw ExitCode.failure }
            }
        }
    }
}
