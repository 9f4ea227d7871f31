import Foundation

/// Failures of the driver, each with what is wrong, where, and what to do.
public enum PipelineError: Error, CustomStringConvertible {
    case missingFile(path: String)
    case invalidSpec(source: String, problems: [SpecProblem])
    case unknownProfile(String, known: [String])
    case unknownStage(String, known: [String])
    case missingExecutable(stage: String, path: String)
    case stageFailed(stage: String, status: Int32, detail: String)
    case missingOutput(stage: String, path: String)
    case busy(lockPath: String)
    case notAnOutput(path: String)
    case invalidParameters(stage: String, message: String)
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
        case .missingOutput(let stage, let path):
            return "stage '\(stage)' finished but did not write its declared output \(path); fix the stage or its `outputs` in pipeline.json."
        case .busy(let lockPath):
            return "another `pipeline run` holds \(lockPath); wait for it to finish (or, if none is running, the lock is released automatically — retry)."
        case .invalidParameters(let stage, let message):
            return "stage '\(stage)': " + message.trimmingCharacters(in: .whitespacesAndNewlines)
                + "\nNothing was run. Fix pipeline.json (`<executable> --describe-parameters` lists what a stage takes)."
        case .several(let errors):
            return errors.map(\.description).joined(separator: "\n")
        case .notAnOutput(let path):
            return "\(path) is not an output recorded in any profile's manifest; run `pipeline status` to see what exists."
        }
    }
}
