import Provenance

/// Finding a member of a JSON document: by JSON Pointer (RFC 6901, `/machine/cpu`, with
/// `~1` for `/` and `~0` for `~`; the paper writes `/` for the whole document) or by the
/// dotted key path the paper's quoted values and parameters use
/// (`stages.mittra-section.parameters.sourceValues.citation`).
public enum JSONLookup {
    /// The member at `pointer`, nil if it does not resolve.
    public static func member(_ document: JSONValue, pointer: String) -> JSONValue? {
        if pointer.isEmpty || pointer == "/" { return document }
        guard pointer.hasPrefix("/") else { return nil }
        let tokens = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        return member(document, tokens: tokens)
    }

    /// The member at the dotted `path`, nil if it does not resolve.
    public static func member(_ document: JSONValue, dottedPath path: String) -> JSONValue? {
        member(document, tokens: path.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }

    /// The member reached by `tokens`: object keys, or decimal indices into arrays.
    static func member(_ document: JSONValue, tokens: [String]) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let items):
                guard let position = Int(token), items.indices.contains(position) else { return nil }
                current = items[position]
            default:
                return nil
            }
        }
        return current
    }

    /// Whether the dotted `path` names a key of the expanded `pipeline.json` `spec`: directly,
    /// or — for `stages.S.parameters.…` — in one of the stage's `profileParameters`.
    public static func specHasKey(_ spec: JSONValue, dottedPath path: String) -> Bool {
        if member(spec, dottedPath: path) != nil { return true }
        let tokens = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard tokens.count > 3, tokens[0] == "stages", tokens[2] == "parameters",
            case .object(let profiles)? = member(spec, tokens: ["stages", tokens[1], "profileParameters"])
        else { return false }
        return profiles.values.contains { member($0, tokens: Array(tokens.dropFirst(3))) != nil }
    }
}
