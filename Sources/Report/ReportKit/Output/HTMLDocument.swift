import Foundation
import Ink
import Provenance

/// The self-contained HTML paper: the Markdown body converted by Ink, the figures inlined
/// as `data:image/svg+xml;base64` URIs, a small embedded style sheet, no external
/// resources, the paper stage's provenance comment in the head, and every upstream stage's
/// record once, in a collapsed block at the end that each figure links to.
public enum HTMLDocument {
    /// The style sheet: readable measure, tables that scroll instead of overflowing,
    /// hashes that wrap.
    static let styleSheet = """
        body { margin: 0; background: #fff; color: #1a1a1a; font: 16px/1.55 "DejaVu Serif", Georgia, serif; }
        main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1, h2, h3 { font-family: "DejaVu Sans", Arial, sans-serif; line-height: 1.25; }
        h1 { font-size: 1.7rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; } h3 { font-size: 1.1rem; }
        p, li { hyphens: auto; }
        img { display: block; max-width: 100%; height: auto; margin: 1.5rem auto 0.5rem; }
        table { display: block; overflow-x: auto; border-collapse: collapse; margin: 0.75rem 0 1.5rem; font-size: 0.82rem; }
        th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        thead th { background: #f0f0f0; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85em; overflow-wrap: anywhere; }
        .value.computed { border-bottom: 1px dotted #3a6ea5; cursor: help; }
        .value.quoted { border-bottom: 1px dashed #a5583a; cursor: help; font-style: italic; }
        .value.parameter { border-bottom: 1px dotted #777; cursor: help; }
        details.provenance { font-size: 0.8rem; margin: 0 0 1.5rem; }
        details.stage-record { font-size: 0.8rem; margin: 0.25rem 0; }
        details.stage-record pre { max-height: 20rem; overflow: auto; background: #f7f7f7; padding: 0.5rem; white-space: pre-wrap; }
        """

    /// The document for `markdown` (the body without the provenance comment), with
    /// `figures` mapping each image link of the body to the SVG text to inline.
    ///
    /// `stageRecords` are the records of the stages behind the paper, each shown once in a
    /// collapsed block (id ``ProvenanceChain/anchor(_:)``) at the end; `figureStages` maps
    /// an image link to the stage that drew it, linked from a collapsed block under the
    /// figure (to the record in `recordsDocument`, e.g. `supplement.html`, or in this
    /// document when empty); every heading gets its id (``HeadingIDs``); `valueSources` gives the hover text of every value marked by
    /// ``ValueMarkers`` (the markers are removed either way).
    public static func make(
        title: String, markdown: String, figures: [String: String], provenanceComment: String,
        stageRecords: [ProvenanceRecord] = [], figureStages: [String: String] = [:], valueSources: [String: ValueSource] = [:],
        recordsDocument: String = ""
    ) -> String {
        var parser = MarkdownParser()
        parser.addModifier(HeadingIDs.modifier())
        parser.addModifier(Modifier(target: .images) { html, markdown in
            guard let open = markdown.range(of: "]("), let close = markdown.range(of: ")", options: .backwards),
                open.upperBound <= close.lowerBound, let svg = figures[String(markdown[open.upperBound..<close.lowerBound])]
            else { return html }
            let uri = "data:image/svg+xml;base64," + Data(svg.utf8).base64EncodedString()
            let alt = String(markdown.dropFirst(2).prefix { $0 != "]" })
            let link = String(markdown[open.upperBound..<close.lowerBound])
            let record = figureStages[link].map {
                "<details class=\"provenance\"><summary>provenance of \(escape(link))</summary>drawn by stage "
                    + "<a href=\"\(recordsDocument)#\(ProvenanceChain.anchor($0))\"><code>\(escape($0))</code></a> (its record is under "
                    + "“Provenance records” at the end)</details>"
            } ?? ""
            return "<img src=\"\(uri)\" alt=\"\(escape(ValueMarkers.strip(alt)))\"/>" + record
        })
        let body = ValueMarkers.html(parser.html(from: markdown), sources: valueSources) + recordsSection(stageRecords)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            \(provenanceComment)
            <style>
            \(styleSheet)
            \(PrintStyle.styleSheet)
            </style>
            </head>
            <body>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// One collapsed block per stage record (pretty JSON), or nothing without records.
    static func recordsSection(_ records: [ProvenanceRecord]) -> String {
        guard !records.isEmpty else { return "" }
        let blocks = records.map {
            "<details class=\"stage-record\" id=\"\(ProvenanceChain.anchor($0.stage))\"><summary>stage <code>\(escape($0.stage))</code>"
                + "</summary><pre>\(escapeContent($0.json.prettyText))</pre></details>"
        }
        return "\n<h2 id=\"provenance-records\">Provenance records</h2>\n<p>Each stage behind this paper once, upstream first: "
            + "the record embedded in the files it wrote.</p>\n" + blocks.joined(separator: "\n") + "\n"
    }

    /// Text escaped for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        escapeContent(text).replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Text escaped for HTML element content only (quotes kept: JSON records stay
    /// readable and a sixth shorter).
    static func escapeContent(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
