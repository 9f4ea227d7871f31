import Provenance

/// The parameters of the stages in the provenance chain, flattened to dotted paths, for
/// the methods section (`{{table:methods.parameters}}`) and for `{{upstream.<stage>.<path>}}`.
public enum ParameterListing {
    /// The leaves of `value`: objects open into `path.key` (keys sorted); arrays and
    /// scalars are leaves.
    public static func leaves(_ value: JSONValue, path: String = "") -> [(path: String, value: JSONValue)] {
        guard case .object(let members) = value else { return path.isEmpty ? [] : [(path, value)] }
        return members.keys.sorted().flatMap { key in
            leaves(members[key] ?? .null, path: path.isEmpty ? key : path + "." + key)
        }
    }

    /// A parameter value as the paper prints it: strings as they are, numbers exactly
    /// as given (``ReportNumber/quoted(_:)``), arrays and objects as canonical JSON.
    public static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .int(let number): return ReportNumber.count(Int(number))
        case .double(let number): return ReportNumber.quoted(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items) where items.allSatisfy(isNumber):
            return "[" + items.map(text).joined(separator: ", ") + "]"
        default: return value.canonicalText
        }
    }

    private static func isNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .int, .double: return true
        default: return false
        }
    }

    /// The methods table: every parameter of every stage upstream of the paper.
    public static func table(_ chain: ProvenanceChain) -> PaperTable {
        var rows: [[String]] = []
        for record in chain.stageRecords {
            let (stage, executable) = (PaperText.code(record.stage), PaperText.code(record.executable))
            let parameters = leaves(record.parameters)
            if parameters.isEmpty { rows.append([stage, executable, "—", "—"]) }
            for leaf in parameters { rows.append([stage, executable, PaperText.code(leaf.path), text(leaf.value)]) }
        }
        return PaperTable(
            caption: "Every parameter of every stage that produced the data behind this paper, read from the provenance "
                + "records embedded in the input files (upstream stages first). The seeds are listed with the files in the provenance appendix.",
            table: MarkdownTable(header: ["stage", "executable", "parameter", "value"], rows: rows),
            sources: [])
    }

    /// `upstream.<stage>.<path>` → value text, for every stage record of the chain.
    public static func placeholders(_ chain: ProvenanceChain) -> [String: String] {
        var values: [String: String] = [:]
        for record in chain.stageRecords {
            for leaf in leaves(record.parameters) { values["upstream.\(record.stage).\(leaf.path)"] = text(leaf.value) }
        }
        return values
    }
}
