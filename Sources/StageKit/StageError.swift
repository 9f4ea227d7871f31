/// Failures a stage reports: what is wrong, where, and what to do.
public enum StageError: Error, CustomStringConvertible {
    case usage(String)
    case parameter(path: String, message: String)
    case undeclared(kind: String, path: String, stage: String)
    case invalidInput(path: String, reason: String)

    public var description: String {
        switch self {
        case .usage(let message):
            return message
        case .parameter(let path, let message):
            return "pipeline.json: \(path) \(message)"
        case .undeclared(let kind, let path, let stage):
            return "stage '\(stage)' uses \(kind) '\(path)' that pipeline.json does not declare for it; declare it under stages.\(stage).\(kind)s"
        case .invalidInput(let path, let reason):
            return "input \(path) is not what this stage expects: \(reason). Regenerate it with `pipeline run --force --stage <its stage>`."
        }
    }
}
