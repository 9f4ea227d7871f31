/// Failures a stage reports: what is wrong, where, and what to do.
public enum StageError: Error, CustomStringConvertible {
    case usage(String)
    case parameter(path: String, message: String)
    case undeclared(kind: String, path: String, stage: String)
    case invalidInput(path: String, reason: String)
    /// Stage parameters that do not match the executable's declaration, each with its JSON path.
    case parameters([String])

    public var description: String {
        switch self {
        case .usage(let message):
            return message
        case .parameter(let path, let message):
            return "pipeline.json: \(path) \(message)"
        case .undeclared(let kind, let path, let stage):
            return "stage '\(stage)' uses \(kind) '\(path)' that pipeline.json does not declare for it; declare it under stages.\(stage).\(kind)s"
        case .parameters(let problems):
            return "pipeline.json: " + (problems.count == 1 ? problems[0]
                : "\(problems.count) parameter problems:\n" + problems.map { "  - " + $0 }.joined(separator: "\n"))
        case .invalidInput(let path, let reason):
            // The stage that wrote the file is named in its own embedded provenance.
            if case .string(let producer)? = EmbeddedProvenance.read(path: path)?["stage"] {
                return "input \(path) is not what this stage expects: \(reason). It was written by stage '\(producer)': "
                    + "regenerate it with `pipeline run --force --stage \(producer)`."
            }
            return "input \(path) is not what this stage expects: \(reason). It carries no provenance, so no stage of "
                + "this pipeline wrote it: replace it with the file the stage expects."
        }
    }
}
