/// Where one number of the paper comes from, so that `paper.html` can show it beside the
/// number on hover, focus or tap (issue 21, "links everywhere"): a part of a results file
/// (a dataset or group, and the element's index where there is one) with the file's
/// SHA-256, or a value quoted from a source paper (given as a stage parameter), or a stage
/// parameter itself. `paper.md` stays clean: the markers that carry the link exist only
/// between the section step and `build-paper`. `pipeline check-paper` resolves every
/// such link of a built paper against the files (``PaperTable`` cells carry them too).
public struct ValueSource: Codable, Equatable, Sendable {
    /// What kind of origin.
    public enum Kind: String, Codable, Sendable {
        /// Computed from `file` (`part` names the dataset or group inside it).
        case computed
        /// Quoted from a source paper; `part` is the JSON path of the parameter holding it.
        case quoted
        /// A parameter of a stage (`part` is its JSON path in pipeline.json).
        case parameter
    }

    public var kind: Kind
    /// The file (declared path) for computed values; `pipeline.json` otherwise.
    public var file: String
    /// The dataset or group inside `file`, or the JSON path of the parameter.
    public var part: String
    /// The file's SHA-256 as the section stage read it (computed values only).
    public var sha256: String?
    /// For quoted values, the source paper.
    public var citation: String?
    /// The element of the dataset `part` the number is, e.g. `[3]` or `[2, 5]` (computed
    /// values from an HDF5 dataset only); nil: the number summarises the whole part.
    public var index: [Int]?

    /// Creates a source; prefer ``computed(_:)``, ``quoted(_:jsonPath:)`` and ``parameter(_:)``.
    public init(kind: Kind, file: String, part: String, sha256: String?, citation: String?, index: [Int]? = nil) {
        self.kind = kind
        self.file = file
        self.part = part
        self.sha256 = sha256
        self.citation = citation
        self.index = index
    }

    /// A value computed from `part` of `file`.
    public static func computed(_ source: PaperTable.Source) -> ValueSource {
        ValueSource(kind: .computed, file: source.path, part: source.part, sha256: source.sha256, citation: nil)
    }

    /// The value at `index` of dataset `source.part`.
    public static func computed(_ source: PaperTable.Source, index: [Int]) -> ValueSource {
        ValueSource(kind: .computed, file: source.path, part: source.part, sha256: source.sha256, citation: nil, index: index)
    }

    /// A value quoted from `citation`, held by the parameter at `jsonPath`.
    public static func quoted(_ citation: String, jsonPath: String) -> ValueSource {
        ValueSource(kind: .quoted, file: "pipeline.json", part: jsonPath, sha256: nil, citation: citation)
    }

    /// A stage parameter at `jsonPath`.
    public static func parameter(_ jsonPath: String) -> ValueSource {
        ValueSource(kind: .parameter, file: "pipeline.json", part: jsonPath, sha256: nil, citation: nil)
    }

    /// `index` as the paper prints it, e.g. `[2, 5]`; empty without one.
    public var indexText: String {
        index.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" } ?? ""
    }

    /// The source in one line of plain text.
    public var description: String {
        switch kind {
        case .computed: return "computed from \(file) \(part)\(indexText) (sha256 \(sha256 ?? "?"))"
        case .quoted: return "quoted from \(citation ?? "the source paper") (\(file): \(part))"
        case .parameter: return "a parameter: \(file) \(part)"
        }
    }
}

extension ValueSource {
    /// The usual sources of a section's placeholders: `source.PATH` quoted from
    /// `citation` (held by the section stage's `sourceValues.PATH`) unless its name starts
    /// with one of `parameterPrefixes` (a stated choice of ours kept beside the quoted
    /// values: a parameter, not a quotation); every other value computed from `aggregate`.
    public static func sectionDefaults(
        aggregate: PaperTable.Source, citation: String, stage: String, parameterPrefixes: [String] = []
    ) -> (String) -> ValueSource? {
        let base = "stages.\(stage).parameters.sourceValues."
        return { name in
            guard name.hasPrefix("source.") else { return .computed(aggregate) }
            let path = base + name.dropFirst("source.".count)
            if parameterPrefixes.contains(where: name.hasPrefix) { return .parameter(path) }
            return .quoted(citation, jsonPath: path)
        }
    }
}
