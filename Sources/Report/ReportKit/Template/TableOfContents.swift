/// The table of contents at `{{contents}}`: a nested Markdown list of links to every
/// level-2 and level-3 heading after it (ids by ``HeadingAnchors``). In print the style
/// sheet adds each heading's page number (CSS `target-counter`).
public enum TableOfContents {
    /// What `{{contents}}` expands to until the document is complete (private-use characters,
    /// so no text can contain it).
    static let marker = "\u{E010}contents\u{E011}"

    /// `markdown` with the marker replaced by the list of the headings that follow it.
    static func replacingMarker(in markdown: String) -> String {
        guard let range = markdown.range(of: marker) else { return markdown }
        var anchors = HeadingAnchors()
        var entries: [String] = []
        var fenced = false
        var afterMarker = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle() }
            if line.contains(marker) { afterMarker = true }
            guard !fenced, let heading = HeadingAnchors.heading(line) else { continue }
            let id = anchors.id(for: heading.text)
            guard afterMarker, (2...3).contains(heading.level) else { continue }
            entries.append(String(repeating: "  ", count: heading.level - 2) + "- [\(ValueMarkers.strip(heading.text))](#\(id))")
        }
        return markdown.replacingCharacters(in: range, with: entries.joined(separator: "\n"))
    }
}
