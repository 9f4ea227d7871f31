/// Failures of the provenance layer: each says what is wrong and what to do.
public enum ProvenanceError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case malformedManifest(path: String, reason: String)
    case packageDescription(reason: String)
    case unknownExecutable(name: String, known: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason). Check the path, or regenerate the file with `pipeline run`."
        case .unwritable(let path, let reason):
            return "cannot write \(path): \(reason). Check permissions and free disk space."
        case .malformedManifest(let path, let reason):
            return "the manifest \(path) is malformed: \(reason). Restore it from git (`git checkout -- \(path)`) or delete it to rebuild every stage."
        case .packageDescription(let reason):
            return "cannot read the Swift package description: \(reason). Run `swift package dump-package` in the project root to see the problem."
        case .unknownExecutable(let name, let known):
            return "no executable product named '\(name)' in Package.swift (known: \(known.joined(separator: ", ")))."
        }
    }
}
