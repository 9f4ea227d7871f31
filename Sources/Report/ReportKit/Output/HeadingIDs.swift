import Ink

/// Gives every heading of `paper.html` its id (``HeadingAnchors``, in document order), the
/// targets of the table of contents.
enum HeadingIDs {
    /// A heading modifier for one document (it counts repeated headings, so use one per document).
    static func modifier() -> Modifier {
        let anchors = AnchorState()
        return Modifier(target: .headings) { html, markdown in
            guard let heading = HeadingAnchors.heading(markdown.drop { $0.isWhitespace }.prefix { $0 != "\n" }),
                let close = html.firstIndex(of: ">"), html.hasPrefix("<h")
            else { return html }
            let id = anchors.next(heading.text)
            return String(html[..<close]) + " id=\"\(HTMLDocument.escape(id))\"" + String(html[close...])
        }
    }

    /// The anchors seen so far; the parser calls the modifier once per heading, in order.
    private final class AnchorState: @unchecked Sendable {
        private var anchors = HeadingAnchors()
        func next(_ text: String) -> String { anchors.id(for: text) }
    }
}
