import ReportKit

/// The glossary of series names: the readable name the paper's prose, captions, tables and
/// legends use → the code name under which the results files and the stage parameters
/// store the series. The one place where a code name stands beside its readable name.
enum SeriesGlossary {
    /// The name of the table (`{{table:glossary}}`).
    static let tableName = "glossary"

    /// Readable name, code name, in the order the estimators are introduced.
    static let entries: [(readable: String, code: String)] = [
        ("tangent λ, early window", "tangent/early"),
        ("tangent λ, late window", "tangent/late"),
        ("Benettin λ, early window", "benettin/early"),
        ("Benettin λ, late window", "benettin/late"),
        ("hybrid λ (Mittra's Eq. 4), early window", "hybrid/early"),
        ("hybrid λ (Mittra's Eq. 4), late window", "hybrid/late"),
        ("divergence fit, ⟨ln d⟩", "divergence-fit/auto"),
        ("divergence fit, ln⟨d⟩", "divergence-fit-log-mean/auto"),
    ]

    /// The glossary as a table.
    static var table: PaperTable {
        PaperTable(
            caption: "Series names: the name used in the text, figures and tables, and the code name under which the "
                + "results files (`series` datasets) and the stage parameters store the series.",
            table: MarkdownTable(header: ["series (as the paper names it)", "code name"], rows: entries.map { [$0.readable, PaperText.code($0.code)] }),
            sources: [])
    }
}
