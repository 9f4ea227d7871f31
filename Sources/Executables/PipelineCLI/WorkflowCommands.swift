import ArgumentParser
import Foundation
import Pipeline
import Provenance

extension PipelineCommand {
    /// `pipeline snakemake`: the profile's expanded graph as a Snakemake workflow.
    struct Snakemake: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a Snakefile and a Slurm profile for a profile's stages (one rule per stage and shard).",
            discussion: "Each rule runs `pipeline run-stage`; the workflow ends with `pipeline fold-records`. See README.md, \"Running on a Slurm cluster\".")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Profile to run.") var profile = "default"
        @OptionGroup var shards: ShardOptions
        @Option(help: "Directory for Snakefile and profile/config.yaml (default: <profile root>/workflow).")
        var output: String?
        @Option(help: "Jobs Snakemake keeps submitted at once.") var maxJobs = 8
        @Option(help: "How the Slurm plugin polls job states: squeue (no accounting database needed) or sacct.")
        var statusCommand = "squeue"
        @Option(help: "Slurm partition for every job (default: the cluster's default partition).") var partition: String?

        func validate() throws {
            guard ["squeue", "sacct"].contains(statusCommand) else { throw ValidationError("--status-command must be squeue or sacct") }
            guard maxJobs >= 1 else { throw ValidationError("--max-jobs must be at least 1") }
        }

        func run() throws {
            try reportingErrors {
                let runner = try Runner(layout: options.layout, profile: profile, shardCountOverride: shards.count) { printError($0) }
                let workflow = try runner.snakemakeWorkflow(SnakemakeOptions(
                    pipelineExecutable: currentExecutablePath(), maxJobs: maxJobs, statusCommand: statusCommand,
                    partition: partition))
                let directory = output.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                    ?? options.layout.root(of: runner.profile) + "/workflow"
                let written = try workflow.write(to: directory)
                printError("wrote \(written.snakefile) (\(workflow.rules.count) rules) and \(written.profileDirectory)/config.yaml")
                print(workflow.invocation(directory: directory, projectRoot: options.layout.projectRoot))
            }
        }
    }

    /// `pipeline run-stage`: one job of a workflow.
    struct RunStage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run exactly one (expanded) stage and leave its record for `fold-records` (a workflow job).")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Profile.") var profile = "default"
        @OptionGroup var shards: ShardOptions
        @Option(help: "The stage, e.g. mittra-e1-ensembles or mittra-e1-ensembles@2 (a shard).") var stage: String
        @Option(help: "Directory for the record (default: <profile root>/.pipeline-records).") var recordDir: String?
        @Option(help: "Refuse to run unless the stage's fingerprint is this (set by the generated Snakefile).")
        var fingerprint: String?
        @Option(help: "Worker threads for the stage (results do not depend on it).") var jobs = 1
        @Flag(help: "No progress on stderr.") var quiet = false

        func run() throws {
            try reportingErrors {
                let runner = try Runner(layout: options.layout, profile: profile, shardCountOverride: shards.count) { line in
                    if !quiet || line.contains("NOT REPRODUCED") { printError(line) }
                }
                let mismatches = try runner.runStage(
                    stage, recordDirectory: recordDir, fingerprint: fingerprint, threads: max(1, jobs), quiet: quiet)
                if !mismatches.isEmpty { throw ExitCode(3) }
            }
        }
    }

    /// `pipeline fold-records`: the records of finished jobs into the manifest.
    struct FoldRecords: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fold the records left by `run-stage` jobs into the profile's manifest, as `pipeline run` would.")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Profile.") var profile = "default"
        @OptionGroup var shards: ShardOptions
        @Option(help: "Directory of the records (default: <profile root>/.pipeline-records).") var recordDir: String?
        @Flag(help: "No summary on stdout.") var quiet = false

        func run() throws {
            try reportingErrors {
                let runner = try Runner(layout: options.layout, profile: profile, shardCountOverride: shards.count) { printError($0) }
                let summary = try runner.foldRecords(recordDirectory: recordDir)
                if !quiet {
                    print(JSONValue.object([
                        "profile": .string(profile),
                        "folded": .array(summary.folded.map { .string($0) }),
                        "rejected": .array(summary.rejected.map { .string($0.stage) }),
                        "notReproduced": .array(summary.mismatches.map { .string($0.path) }),
                    ]).canonicalText)
                }
                if !summary.mismatches.isEmpty { throw ExitCode(3) }
            }
        }
    }
}

/// The absolute path of the running `pipeline` binary (what the generated rules call).
func currentExecutablePath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
}
