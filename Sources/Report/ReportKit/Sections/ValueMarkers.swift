/// The markers around a sourced value in a section bundle's Markdown: private-use
/// characters that no prose contains, `U+E000 key U+E001 value U+E002`, with `key` =
/// `section/placeholder`. `build-paper` strips them for `paper.md` and turns them into
/// `<span class="value …" tabindex="0">` in `paper.html` (``ValueSpan``). Table cells
/// carry them too (``PaperTable/cellSources``).
public enum ValueMarkers {
    static let open: Character = "\u{E000}", separator: Character = "\u{E001}", close: Character = "\u{E002}"

    /// `value` wrapped with `key`.
    public static func wrap(_ value: String, key: String) -> String {
        "\(open)\(key)\(separator)\(value)\(close)"
    }

    /// `text` with every marker key prefixed by `prefix`.
    public static func prefixKeys(_ text: String, with prefix: String) -> String {
        var out = ""
        for character in text {
            out.append(character)
            if character == open { out += prefix }
        }
        return out
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

    /// HTML with every marker replaced by a ``ValueSpan`` that shows where the value comes
    /// from (`sources` by key); a key without a source keeps the bare value in a plain span.
    public static func html(_ html: String, sources: [String: ValueSource]) -> String {
        var out = "", key = "", inKey = false
        var closings: [String] = []
        for character in html {
            switch character {
            case open:
                inKey = true
                key = ""
            case separator:
                inKey = false
                let span = sources[key].map(ValueSpan.init)
                out += span?.openingTag ?? "<span>"
                closings.append(span?.closingTags ?? "</span>")
            case close:
                if let closing = closings.popLast() { out += closing }
            default:
                if inKey { key.append(character) } else { out.append(character) }
            }
        }
        return out
    }
}

