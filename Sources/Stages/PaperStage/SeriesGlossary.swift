import ReportKit

/// The glossary of series names: the readable name the paper's prose, captions, tables and
/// legends use → the code name under which the results files and the stage parameters
/// store the series. The one place where a code name stands beside its readable name.
enum SeriesGlossary {
    /// The name of the table (`{{table:glossary}}`).
    static let tableName = "glossary"

    /// Readable name, code name, in the order the estimators are introduced: one table,
    /// ``SeriesNames``, gives both.
    static var entries: [(readable: String, code: String)] {
        SeriesNames.glossaryOrder.map { (SeriesNames.readable($0), $0) }
    }

    /// The glossary as a table.
    static var table: PaperTable {
        PaperTable(
            caption: "Series names: the name used in the text, figures and tables, and the code name under which the "
                + "results files (`series` datasets) and the stage parameters store the series.",
            table: MarkdownTable(header: ["series (as the paper names it)", "code name"], rows: entries.map { [$0.readable, PaperText.code($0.code)] }),
            sources: [])
    }
}
