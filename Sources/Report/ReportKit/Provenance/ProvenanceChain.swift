import Provenance

/// The files behind the paper, found by walking the provenance records embedded in its
/// inputs (`inputs.<path>.provenance`, recursively) back to the data and seeds.
public struct ProvenanceChain: Sendable {
    /// One file of the chain: where it was declared, its hash, and the provenance record
    /// of the stage that wrote it (nil for source files and files recorded by hash only).
    public struct Node: Sendable {
        /// The declared path.
        public var declaredPath: String
        /// The file's SHA-256.
        public var sha256: String
        /// The provenance record of the stage that wrote it.
        public var record: JSONValue?

        /// Creates a node.
        public init(declaredPath: String, sha256: String, record: JSONValue?) {
            self.declaredPath = declaredPath
            self.sha256 = sha256
            self.record = record
        }
    }

    /// Every file once, upstream files before the files made from them (depth-first,
    /// inputs in sorted path order), so that reading top to bottom follows the data.
    public let nodes: [Node]

    /// Walks from `roots` (the paper's own inputs).
    public init(roots: [Node]) {
        var seen: [String: Int] = [:]
        var ordered: [Node] = []
        func visit(_ node: Node) {
            let key = node.declaredPath + "\u{0}" + node.sha256
            if let index = seen[key] {
                if ordered[index].record == nil, node.record != nil { ordered[index].record = node.record }
                return
            }
            if let record = node.record {
                for input in Self.inputs(of: record) { visit(input) }
            }
            seen[key] = ordered.count
            ordered.append(node)
        }
        for root in roots.sorted(by: { $0.declaredPath < $1.declaredPath }) { visit(root) }
        nodes = ordered
    }

    /// The inputs a provenance record names, sorted by path. Both forms are read: the
    /// enriched `{"sha256": …, "provenance": …}` and a bare hash string.
    public static func inputs(of record: JSONValue) -> [Node] {
        guard case .object(let inputs)? = record["inputs"] else { return [] }
        return inputs.keys.sorted().compactMap { path in
            switch inputs[path] {
            case .string(let hash)?:
                return Node(declaredPath: path, sha256: hash, record: nil)
            case .object(let entry)?:
                guard case .string(let hash)? = entry["sha256"] else { return nil }
                return Node(declaredPath: path, sha256: hash, record: entry["provenance"])
            default:
                return nil
            }
        }
    }

    /// The stage records of the chain, once per distinct (stage, parameters), upstream first.
    public var stageRecords: [JSONValue] {
        var seen = Set<String>()
        var records: [JSONValue] = []
        for node in nodes {
            guard let record = node.record, case .string(let stage)? = record["stage"] else { continue }
            let key = stage + "\u{0}" + (record["parameters"]?.canonicalText ?? "")
            if seen.insert(key).inserted { records.append(record) }
        }
        return records
    }

    /// A string member of a record, or "?" when absent.
    public static func text(_ record: JSONValue, _ key: String) -> String {
        if case .string(let value)? = record[key] { return value }
        return "?"
    }

    /// The code hash of a record, or "?".
    public static func codeHash(_ record: JSONValue) -> String {
        if case .string(let value)? = record["code"]?["sha256"] { return value }
        return "?"
    }

    /// The seeds of a record as (name, path, value), sorted by name.
    public static func seeds(_ record: JSONValue) -> [(name: String, path: String, value: String)] {
        guard case .object(let seeds)? = record["seeds"] else { return [] }
        return seeds.keys.sorted().map { name in
            let seed = seeds[name] ?? .null
            let path: String
            if case .string(let text)? = seed["path"] { path = text } else { path = "?" }
            let value: String
            switch seed["value"] {
            case .string(let text)?: value = text
            case .int(let number)?: value = String(number)
            default: value = "?"
            }
            return (name, path, value)
        }
    }
}
