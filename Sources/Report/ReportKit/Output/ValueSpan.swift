/// The HTML of one sourced number in `paper.html`: a focusable span (class `value` and the
/// source's kind) whose `data-*` attributes name the file, part, index and SHA-256 for
/// `pipeline check-paper`, and whose last child is a tooltip (`span.source`, `role=tooltip`)
/// that the style sheet shows on hover, keyboard focus or a tap — no JavaScript.
///
/// `<span class="value computed" tabindex="0" data-file="…" data-part="…" data-index="[3]"
/// data-sha256="…">0.12<span class="source" role="tooltip">…</span></span>`
public struct ValueSpan: Sendable {
    /// Where the number comes from.
    public var source: ValueSource

    /// The span for `source`.
    public init(_ source: ValueSource) {
        self.source = source
    }

    /// The opening tag, before the number.
    public var openingTag: String {
        var attributes = "class=\"value \(source.kind.rawValue)\" tabindex=\"0\" data-file=\"\(HTMLDocument.escape(source.file))\""
            + " data-part=\"\(HTMLDocument.escape(source.part))\""
        if source.index != nil { attributes += " data-index=\"\(source.indexText)\"" }
        if let sha256 = source.sha256 { attributes += " data-sha256=\"\(HTMLDocument.escape(sha256))\"" }
        return "<span \(attributes)>"
    }

    /// The tooltip and the closing tag, after the number.
    public var closingTags: String {
        "<span class=\"source\" role=\"tooltip\">\(tooltip)</span></span>"
    }

    /// The tooltip's content: what kind of value, the file, the part (and index) and the hash.
    var tooltip: String {
        let code = { (text: String) in "<code>\(HTMLDocument.escape(text))</code>" }
        switch source.kind {
        case .computed:
            return "computed from \(code(source.file)), \(code(source.part + source.indexText))"
                + (source.sha256.map { "; file SHA-256 \(code($0))" } ?? "")
        case .quoted:
            return "quoted from \(HTMLDocument.escape(source.citation ?? "the source paper")); held by \(code(source.file)) key "
                + code(source.part)
        case .parameter:
            return "a parameter of ours: \(code(source.file)) key \(code(source.part))"
        }
    }
}
