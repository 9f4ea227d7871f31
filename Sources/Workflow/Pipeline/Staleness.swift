import Provenance

/// Why a stage must run (DVC splits the same way: command, dependencies, outputs).
public enum StaleReason: Sendable, Equatable, CustomStringConvertible {
    case neverRun
    case forced
    case executableChanged(from: String, to: String)
    case parametersChanged(keys: [String])
    case seedsChanged(names: [String])
    case inputModified(path: String)
    case inputNew(path: String)
    case inputMissing(path: String, producer: String?)
    case inputRemoved(path: String)
    case codeChanged(previous: String, current: String)
    case outputMissing(path: String)
    case outputModified(path: String)
    case outputsChanged
    case upstreamWillRun(stage: String)

    public var description: String {
        switch self {
        case .neverRun: return "never run in this profile"
        case .forced: return "--force"
        case .executableChanged(let from, let to): return "executable changed (\(from) → \(to))"
        case .parametersChanged(let keys): return "parameters changed: \(keys.joined(separator: ", "))"
        case .seedsChanged(let names): return "seeds changed: \(names.joined(separator: ", "))"
        case .inputModified(let path): return "input modified: \(path)"
        case .inputNew(let path): return "input new: \(path)"
        case .inputMissing(let path, let producer):
            return "input missing: \(path)" + (producer.map { " (written by stage \($0))" } ?? "")
        case .inputRemoved(let path): return "input removed: \(path)"
        case .codeChanged(let previous, let current):
            return "code changed (\(previous.prefix(12)) → \(current.prefix(12)))"
        case .outputMissing(let path): return "output missing: \(path)"
        case .outputModified(let path): return "output modified: \(path)"
        case .outputsChanged: return "declared outputs changed"
        case .upstreamWillRun(let stage): return "upstream stage \(stage) will run"
        }
    }
}

/// Compares what a stage would run with (parameters, seeds, input hashes, code) to its
/// manifest record, and its outputs on disk to the recorded hashes.
enum Staleness {
    static func reasons(
        expected: StageRecord, inputProblems: [StaleReason], recorded: StageRecord?,
        outputHashes: [String: String?]
    ) -> [StaleReason] {
        guard let recorded else { return [.neverRun] }
        var reasons: [StaleReason] = inputProblems
        if recorded.executable != expected.executable {
            reasons.append(.executableChanged(from: recorded.executable, to: expected.executable))
        }
        if recorded.parameters != expected.parameters {
            reasons.append(.parametersChanged(keys: changedKeys(recorded.parameters, expected.parameters, prefix: "")))
        }
        if recorded.seeds != expected.seeds {
            let names = Set(recorded.seeds.keys).union(expected.seeds.keys)
                .filter { recorded.seeds[$0] != expected.seeds[$0] }.sorted()
            reasons.append(.seedsChanged(names: names))
        }
        for (path, hash) in expected.inputs.sorted(by: { $0.key < $1.key }) {
            if let old = recorded.inputs[path] {
                if old != hash { reasons.append(.inputModified(path: path)) }
            } else {
                reasons.append(.inputNew(path: path))
            }
        }
        let declared = Set(expected.inputs.keys).union(inputProblems.compactMap {
            if case .inputMissing(let path, _) = $0 { return path } else { return nil }
        })
        for path in recorded.inputs.keys.sorted() where !declared.contains(path) {
            reasons.append(.inputRemoved(path: path))
        }
        if recorded.code.sha256 != expected.code.sha256 {
            reasons.append(.codeChanged(previous: recorded.code.sha256, current: expected.code.sha256))
        }
        if Set(recorded.outputs.keys) != Set(outputHashes.keys) {
            reasons.append(.outputsChanged)
        }
        for (path, hash) in outputHashes.sorted(by: { $0.key < $1.key }) {
            guard let hash else {
                reasons.append(.outputMissing(path: path))
                continue
            }
            if let old = recorded.outputs[path], old != hash { reasons.append(.outputModified(path: path)) }
        }
        return reasons
    }

    /// Dotted paths of the leaves that differ between two parameter objects.
    static func changedKeys(_ old: JSONValue, _ new: JSONValue, prefix: String) -> [String] {
        guard case .object(let a) = old, case .object(let b) = new else {
            return [prefix.isEmpty ? "(all)" : prefix]
        }
        return Set(a.keys).union(b.keys).sorted().flatMap { key -> [String] in
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            guard let x = a[key], let y = b[key] else { return [path] }
            return x == y ? [] : changedKeys(x, y, prefix: path)
        }
    }
}
