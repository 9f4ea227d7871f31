/// The stable ids of the paper's figures and tables, made from their placeholder names
/// (`fig-mittra.estimators`, `tab-jimenez.verdict`), so that a link survives renumbering.
/// `{{figref:…}}` and `{{tableref:…}}` become Markdown links to them; the anchor itself is
/// an empty `<a id>` before the block, which Ink passes into `paper.html` unchanged and
/// GitHub's Markdown view keeps as a link target in `paper.md`.
public enum Anchor {
    /// The id of the figure placed as `{{figure:name}}`.
    public static func figure(_ name: String) -> String { "fig-\(name)" }

    /// The id of the table placed as `{{table:name}}`.
    public static func table(_ name: String) -> String { "tab-\(name)" }

    /// The empty anchor element with `id`.
    public static func tag(_ id: String) -> String { "<a id=\"\(id)\"></a>" }
}
