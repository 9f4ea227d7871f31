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
        a { overflow-wrap: anywhere; }
        .value { position: relative; cursor: help; border-radius: 2px; }
        .value:hover, .value:focus { background: #e9f0f7; outline: none; }
        .value.quoted { font-style: italic; color: #7a3b1f; }
        .value.quoted:hover, .value.quoted:focus { background: #f7ece6; }
        .value .source { display: none; position: absolute; left: 0; top: 100%; z-index: 10; width: max-content; max-width: min(30rem, 80vw);
          padding: 0.35rem 0.5rem; background: #fff; color: #1a1a1a; border: 1px solid #9aa5b1; box-shadow: 0 2px 6px rgba(0,0,0,0.15);
          font: normal 0.75rem/1.35 "DejaVu Sans", Arial, sans-serif; white-space: normal; overflow-wrap: anywhere; text-align: left; }
        .value:hover > .source, .value:focus > .source, .value:focus-within > .source { display: block; }
        @media print { .value .source { display: none !important; } }
        details.provenance { font-size: 0.8rem; margin: 0 0 1.5rem; }
        details.stage-record { font-size: 0.8rem; margin: 0.25rem 0; }
        details.stage-record pre { max-height: 20rem; overflow: auto; background: #f7f7f7; padding: 0.5rem; white-space: pre-wrap; }
        """

    /// The document for `markdown` (the body without the provenance comment), with
    /// `figures` mapping each image link of the body to the SVG text to inline.
    ///
    /// `stageRecords` are the records of the stages behind the paper, each shown once in a
    /// collapsed block (id ``ProvenanceChain/anchor(_:)``) at the end when this document holds
    /// them (`recordsDocument` empty); `figureStages` maps
    /// an image link to the stage that drew it, linked from a collapsed block under the
    /// figure together with its data files, code identity and command
    /// (``FigureProvenanceBlock``; the record is in `recordsDocument`, e.g. `supplement.html`,
    /// or in this document when empty); every heading gets its id (``HeadingIDs``);
    /// `valueSources` gives the source of every value marked by ``ValueMarkers``, shown on
    /// hover, focus or tap (``ValueSpan``; the markers are removed either way).
    public static func make(
        title: String, markdown: String, figures: [String: String], provenanceComment: String,
        stageRecords: [ProvenanceRecord] = [], figureStages: [String: String] = [:], valueSources: [String: ValueSource] = [:],
        recordsDocument: String = ""
    ) -> String {
        // The records are listed here only when this document holds them; the figure
        // blocks read them either way (a figure's data files come from its stage's record).
        var parser = MarkdownParser()
        parser.addModifier(HeadingIDs.modifier())
        parser.addModifier(Modifier(target: .images) { html, markdown in
            guard let open = markdown.range(of: "]("), let close = markdown.range(of: ")", options: .backwards),
                open.upperBound <= close.lowerBound, let svg = figures[String(markdown[open.upperBound..<close.lowerBound])]
            else { return html }
            let uri = "data:image/svg+xml;base64," + Data(svg.utf8).base64EncodedString()
            let alt = String(markdown.dropFirst(2).prefix { $0 != "]" })
            let link = String(markdown[open.upperBound..<close.lowerBound])
            let record = figureStages[link].map { stage in
                FigureProvenanceBlock(
                    link: link, stage: stage, record: stageRecords.first { $0.stage == stage }, recordsDocument: recordsDocument
                ).html
            } ?? ""
            return "<img src=\"\(uri)\" alt=\"\(escape(ValueMarkers.strip(alt)))\"/>" + record
        })
        let body = ValueMarkers.html(parser.html(from: markdown), sources: valueSources) + (recordsDocument.isEmpty ? recordsSection(stageRecords) : "")
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
