/// Why an RO-Crate could not be made: each says what is wrong and what to do.
public enum RunCrateError: Error, CustomStringConvertible, Equatable {
    /// The manifest records a stage that `pipeline.json` no longer declares.
    case undeclaredStage(name: String, declared: [String])
    /// The manifest's executable for a stage differs from the one declared.
    case executableMismatch(stage: String, declared: String, recorded: String)
    /// A run-log entry's start time is not ISO 8601.
    case malformedStartTime(stage: String, value: String)
    /// A stage's recorded parameters are not a JSON object.
    case malformedParameters(stage: String, kind: String)
    /// The declared stages form a cycle, so no step order exists.
    case cycle(stages: [String])
    /// A file could not be read, copied or written.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .undeclaredStage(let name, let declared):
            return "the manifest records stage '\(name)', which pipeline.json does not declare (declared: \(declared.joined(separator: ", "))). Restore the stage in pipeline.json, or re-run the pipeline so the manifest matches it."
        case .executableMismatch(let stage, let declared, let recorded):
            return "stage '\(stage)' declares executable '\(declared)' but the manifest records '\(recorded)'. The manifest is stale: run `pipeline run` before exporting."
        case .malformedStartTime(let stage, let value):
            return "the run log's start time for stage '\(stage)' is '\(value)', not an ISO 8601 time such as 2026-01-31T12:00:00Z. Fix or delete that entry of the run log."
        case .malformedParameters(let stage, let kind):
            return "the manifest records the parameters of stage '\(stage)' as \(kind), not an object. Re-run the stage (`pipeline run --stage \(stage) --force`)."
        case .cycle(let stages):
            return "the stages form a cycle (\(stages.joined(separator: ", "))), so the workflow has no step order. Fix the inputs and outputs in pipeline.json."
        case .io(let path, let reason):
            return "cannot export \(path): \(reason). Check the path, permissions and free disk space."
        }
    }
}
