import Foundation

/// The elements of a built `paper.html` that `pipeline check-paper` resolves: every start
/// tag with an `id`, an internal `href="#…"` or a `data-file` (a sourced number, ``ValueSpan``
/// in ReportKit, or a figure's data file), with its 1-based line. A plain scan of start tags:
/// the paper is our own output, its figures are base64 `data:` URIs and its records are
/// escaped text, so no tag hides inside another.
public struct HTMLLinkScanner: Sendable {
    /// One start tag.
    public struct Tag: Sendable, Equatable {
        /// The element name, lower case (`span`, `a`, `code`).
        public var name: String
        /// Attribute values by name, entities decoded.
        public var attributes: [String: String]
        /// The 1-based line of the tag in the HTML.
        public var line: Int

        /// The classes of the `class` attribute.
        public var classes: [String] {
            (attributes["class"] ?? "").split(separator: " ").map(String.init)
        }

        /// A short form for messages: `<span class="value computed" data-part="…">`.
        public var summary: String {
            let shown = ["id", "href", "class", "data-file", "data-part", "data-index"].compactMap { key in
                attributes[key].map { "\(key)=\"\($0)\"" }
            }
            return "<\(name)" + shown.map { " " + $0 }.joined() + ">"
        }
    }

    /// The tags that carry an `id`, an `href` or a `data-file`, in document order.
    public let tags: [Tag]

    /// Scans `html`.
    public init(html: String) {
        var tags: [Tag] = []
        var line = 1
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            line += html[index..<open].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            guard let close = html[open...].firstIndex(of: ">") else { break }
            let text = html[html.index(after: open)..<close]
            if let tag = Self.tag(text, line: line),
                tag.attributes["id"] != nil || tag.attributes["href"] != nil || tag.attributes["data-file"] != nil
            {
                tags.append(tag)
            }
            line += text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            index = html.index(after: close)
        }
        self.tags = tags
    }

    /// The tag of `text` (between `<` and `>`), nil for end tags, comments and declarations.
    static func tag(_ text: Substring, line: Int) -> Tag? {
        guard let first = text.first, first.isLetter else { return nil }
        let name = String(text.prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
        var attributes: [String: String] = [:]
        var rest = text.dropFirst(name.count)
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).split(separator: " ").last.map(String.init) ?? ""
            let afterEquals = rest[rest.index(after: equals)...]
            guard let quote = afterEquals.first, quote == "\"" || quote == "'",
                let end = afterEquals.dropFirst().firstIndex(of: quote)
            else { break }
            attributes[key.lowercased()] = decodeEntities(String(afterEquals[afterEquals.index(after: afterEquals.startIndex)..<end]))
            rest = afterEquals[afterEquals.index(after: end)...]
        }
        return Tag(name: name, attributes: attributes, line: line)
    }

    /// `text` with the entities the paper writes (`&amp; &lt; &gt; &quot; &#39;`) decoded.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
