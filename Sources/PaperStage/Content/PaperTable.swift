/// A table of the paper: its caption (printed above it), its cells, and the input files
/// its numbers come from (for the provenance appendix).
struct PaperTable {
    /// What the table shows and how its verdicts were decided.
    var caption: String
    /// The cells.
    var table: MarkdownTable
    /// The declared input paths the numbers are read from, with the part of the file,
    /// e.g. `("data/mittra/aggregate.h5", "/e2")`.
    var sources: [(path: String, part: String)]
}
