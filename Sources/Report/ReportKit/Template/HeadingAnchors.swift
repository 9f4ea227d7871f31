import Foundation

/// The HTML ids of a document's headings, given in document order: `sec-` and the
/// heading's words in lower case without accents joined by `-` (ASCII letters and digits
/// only), with `-2`,
/// `-3`, … for a repeated heading. The table of contents (``TableOfContents``) and
/// `paper.html` (``HTMLDocument``) both walk every heading in order with one of these, so
/// their ids agree.
public struct HeadingAnchors: Sendable {
    private var used: [String: Int] = [:]

    /// No heading seen yet.
    public init() {}

    /// The id of the next heading, whose Markdown text (without the `#`s) is `text`.
    public mutating func id(for text: String) -> String {
        var slug = ""
        for character in ValueMarkers.strip(text).folding(options: [.diacriticInsensitive], locale: nil).lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        let base = "sec-" + (slug.isEmpty ? "heading" : slug)
        let count = (used[base] ?? 0) + 1
        used[base] = count
        return count == 1 ? base : "\(base)-\(count)"
    }

    /// `markdown` for a Markdown viewer, which gives headings ids of its own (or none): an
    /// anchor (``Anchor/tag(_:)``) before every heading outside fenced code, with the id
    /// `paper.html` gives that heading, so that the same `#sec-…` links work in both.
    public static func anchoringHeadings(_ markdown: String) -> String {
        var anchors = HeadingAnchors()
        var inFence = false
        var lines: [Substring] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, let heading = heading(line) {
                lines += [Substring(Anchor.tag(anchors.id(for: heading.text))), ""]
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The level (number of `#`) and the text of a Markdown heading line, nil for any other line.
    public static func heading(_ line: Substring) -> (level: Int, text: String)? {
        let level = line.prefix { $0 == "#" }.count
        guard (1...6).contains(level), line.dropFirst(level).first == " " else { return nil }
        return (level, line.dropFirst(level).trimmingCharacters(in: .whitespaces))
    }
}
