import Provenance

/// The collapsed block under each figure of `paper.html`: the figure file, the data files
/// it was drawn from (each by path, SHA-256 and the stage that wrote it, from the drawing
/// stage's provenance record), that stage (linked to its record under "Provenance
/// records") with its code identity, and the one command that regenerates the figure.
/// The data files carry `data-file`/`data-sha256` so that `pipeline check-paper` checks
/// them like the numbers.
public struct FigureProvenanceBlock: Sendable {
    /// The image link, relative to the paper's directory (e.g. `../figures/x.svg`).
    public var link: String
    /// The stage that drew the figure.
    public var stage: String
    /// That stage's record, nil when the chain did not reach it.
    public var record: ProvenanceRecord?
    /// The document holding the stage records (e.g. `supplement.html`); empty: this one.
    public var recordsDocument: String

    /// The block for the figure at `link` drawn by `stage`, whose record is `record`, with
    /// the stage records in `recordsDocument`.
    public init(link: String, stage: String, record: ProvenanceRecord?, recordsDocument: String = "") {
        self.link = link
        self.stage = stage
        self.record = record
        self.recordsDocument = recordsDocument
    }

    /// The command that regenerates the figure (and whatever it needs that is stale).
    public var command: String {
        ".build/release/pipeline run --stage \(stage)"
    }

    /// The block's HTML.
    public var html: String {
        let escape = HTMLDocument.escape
        let inputs = (record?.inputs ?? []).map { input in
            "<li><code data-file=\"\(escape(input.path))\" data-sha256=\"\(escape(input.sha256))\">\(escape(input.path))</code>"
                + " (SHA-256 <code>\(escape(input.sha256))</code>"
                + (input.stage.map { ", written by <a href=\"\(recordsDocument)#\(ProvenanceChain.anchor($0))\"><code>\(escape($0))</code></a>" } ?? "")
                + ")</li>"
        }
        let code = record.map { " (code SHA-256 <code>\(escape($0.codeSHA256))</code>)" } ?? ""
        return "<details class=\"provenance\"><summary>data and code of this figure</summary><ul>"
            + "<li>file: <a href=\"\(escape(link))\"><code>\(escape(link))</code></a></li>"
            + "<li>drawn by stage <a href=\"\(recordsDocument)#\(ProvenanceChain.anchor(stage))\"><code>\(escape(stage))</code></a>\(code)</li>"
            + (inputs.isEmpty ? "" : "<li>from:<ul>" + inputs.joined() + "</ul></li>")
            + "<li>regenerate: <code>\(escape(command))</code></li></ul></details>"
    }
}
