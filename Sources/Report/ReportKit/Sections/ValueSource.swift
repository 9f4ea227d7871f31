/// Where one number of a section's prose comes from, so that `paper.html` can show it on
/// hover beside the number (issue "numbers that link to their provenance"): a part of a
/// results file with the file's SHA-256, or a value quoted from a source paper (given as
/// a stage parameter), or a stage parameter itself. `paper.md` stays clean: the markers
/// that carry the link exist only between the section step and `build-paper`.
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

    /// A value computed from `part` of `file`.
    public static func computed(_ source: PaperTable.Source) -> ValueSource {
        ValueSource(kind: .computed, file: source.path, part: source.part, sha256: source.sha256, citation: nil)
    }

    /// A value quoted from `citation`, held by the parameter at `jsonPath`.
    public static func quoted(_ citation: String, jsonPath: String) -> ValueSource {
        ValueSource(kind: .quoted, file: "pipeline.json", part: jsonPath, sha256: nil, citation: citation)
    }

    /// A stage parameter at `jsonPath`.
    public static func parameter(_ jsonPath: String) -> ValueSource {
        ValueSource(kind: .parameter, file: "pipeline.json", part: jsonPath, sha256: nil, citation: nil)
    }

    /// The hover text of the number in `paper.html`.
    public var description: String {
        switch kind {
        case .computed: return "computed from \(file) \(part) (sha256 \(sha256 ?? "?"))"
        case .quoted: return "quoted from \(citation ?? "the source paper") (\(file): \(part))"
        case .parameter: return "a parameter: \(file) \(part)"
        }
    }
}

/// The markers around a sourced value in a section bundle's Markdown: private-use
/// characters that no prose contains, `U+E000 key U+E001 value U+E002`, with `key` =
/// `section/placeholder`. `build-paper` strips them for `paper.md` and turns them into
/// `<span class="value" title="…">` in `paper.html`.
public enum ValueMarkers {
    static let open: Character = "\u{E000}", separator: Character = "\u{E001}", close: Character = "\u{E002}"

    /// `value` wrapped with `key`.
    public static func wrap(_ value: String, key: String) -> String {
        "\(open)\(key)\(separator)\(value)\(close)"
    }

    /// `text` without markers (the values stay).
    public static func strip(_ text: String) -> String {
        var out = "", inKey = false
        for character in text {
            switch character {
            case open: inKey = true
            case separator: inKey = false
            case close: continue
            default: if !inKey { out.append(character) }
            }
        }
        return out
    }

    /// HTML with every marker replaced by a span whose title says where the value comes
    /// from (`sources` by key); a key without a source keeps the bare value.
    public static func html(_ html: String, sources: [String: ValueSource]) -> String {
        var out = "", key = "", inKey = false, openSpans = 0
        for character in html {
            switch character {
            case open:
                inKey = true
                key = ""
            case separator:
                inKey = false
                if let source = sources[key] {
                    let kind = source.kind.rawValue
                    out += "<span class=\"value \(kind)\" title=\"\(HTMLDocument.escape(source.description))\" data-file=\""
                        + "\(HTMLDocument.escape(source.file))\" data-part=\"\(HTMLDocument.escape(source.part))\""
                        + (source.sha256.map { " data-sha256=\"\($0)\"" } ?? "") + ">"
                    openSpans += 1
                } else {
                    out += "<span>"
                    openSpans += 1
                }
            case close:
                if openSpans > 0 {
                    out += "</span>"
                    openSpans -= 1
                }
            default:
                if inKey { key.append(character) } else { out.append(character) }
            }
        }
        return out
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
