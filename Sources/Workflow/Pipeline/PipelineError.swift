import Foundation

/// Failures of the driver, each with what is wrong, where, and what to do.
public enum PipelineError: Error, CustomStringConvertible {
    case missingFile(path: String)
    case invalidSpec(source: String, problems: [SpecProblem])
    case unknownProfile(String, known: [String])
    case unknownStage(String, known: [String])
    case missingExecutable(stage: String, path: String)
    /// The stage's executable exited with a non-zero `status`.
    case stageFailed(stage: String, status: Int32, detail: String)
    /// The driver did not start the stage (an input is missing, a directory cannot take its
    /// outputs): nothing ran, nothing changed.
    case stageNotRun(stage: String, detail: String)
    /// The stage finished, but the driver could not move its outputs into place.
    case outputsNotPlaced(stage: String, detail: String)
    case missingOutput(stage: String, path: String)
    case busy(lockPath: String)
    case notAnOutput(path: String)
    case invalidParameters(stage: String, message: String)
    /// A stage declares `shards` but its executable does not take the sharding parameters.
    case notShardable(stage: String, executable: String, detail: String)
    /// A generated workflow's rule was made from another pipeline.json or code.
    case workflowOutOfDate(stage: String, expected: String, current: String)
    /// A pending record of `run-stage` cannot be read.
    case malformedRecord(path: String, reason: String)
    /// Two stages map to one Snakemake rule name.
    case ruleNameClash(rule: String, stages: [String])
    /// Several stages' problems, reported together before anything runs.
    case several([PipelineError])

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path) does not exist. Run the command from the project root (where pipeline.json is), or pass --project."
        case .invalidSpec(let source, let problems):
            return "\(source) is invalid (\(problems.count) problem\(problems.count == 1 ? "" : "s")):\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .unknownProfile(let name, let known):
            return "no profile '\(name)' in pipeline.json (profiles: \(known.joined(separator: ", ")))."
        case .unknownStage(let name, let known):
            return "no stage '\(name)' in pipeline.json (stages: \(known.joined(separator: ", ")))."
        case .missingExecutable(let stage, let path):
            return "stage '\(stage)' needs the executable \(path), which is not built. Run `make build` (or `swift build -c release`)."
        case .stageFailed(let stage, let status, let detail):
            return "stage '\(stage)' failed (exit status \(status)); its previous outputs and the manifest are unchanged.\n\(detail)"
        case .stageNotRun(let stage, let detail):
            return "stage '\(stage)' was not run; its previous outputs and the manifest are unchanged.\n\(detail)"
        case .outputsNotPlaced(let stage, let detail):
            return "stage '\(stage)' finished, but its outputs could not be moved into place; the manifest is unchanged.\n\(detail)"
        case .missingOutput(let stage, let path):
            return "stage '\(stage)' finished but did not write its declared output \(path); fix the stage or its `outputs` in pipeline.json."
        case .busy(let lockPath):
            return "another `pipeline run` holds \(lockPath) (or `run-stage` jobs of a workflow, or `fold-records`); wait for it to finish (or, if none is running, the lock is released automatically — retry)."
        case .invalidParameters(let stage, let message):
            return "stage '\(stage)': " + message.trimmingCharacters(in: .whitespacesAndNewlines)
                + "\nNothing was run. Fix pipeline.json (`<executable> --describe-parameters` lists what a stage takes)."
        case .notShardable(let stage, let executable, let detail):
            return "stage '\(stage)' comes from a stage that declares `shards` in pipeline.json, but its executable "
                + "\(executable) does not take the sharding parameters `shard` and `mergeShards`:\n"
                + detail.trimmingCharacters(in: .whitespacesAndNewlines)
                + "\nRemove `shards` from that stage (only executables that merge their own shards can be sharded)."
        case .workflowOutOfDate(let stage, let expected, let current):
            return "the workflow's rule for stage '\(stage)' was generated for fingerprint \(expected.prefix(12))…, but "
                + "pipeline.json and the code now give \(current.prefix(12))…; nothing was run. Regenerate the workflow "
                + "with `pipeline snakemake` and rerun Snakemake."
        case .malformedRecord(let path, let reason):
            return "the pending stage record \(path) cannot be read (\(reason)); delete it and rerun its stage "
                + "(`pipeline run-stage`, or Snakemake with --rerun-incomplete)."
        case .ruleNameClash(let rule, let stages):
            return "stages \(stages.joined(separator: " and ")) both become the Snakemake rule '\(rule)'; rename one of them in pipeline.json."
        case .several(let errors):
            return errors.map(\.description).joined(separator: "\n")
        case .notAnOutput(let path):
            return "\(path) is not an output recorded in any profile's manifest; run `pipeline status` to see what exists."
        }
    }
}
