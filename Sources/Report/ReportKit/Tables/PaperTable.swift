/// A table of the paper: its caption (printed above it), its cells, and the files its
/// numbers come from (for the provenance appendix).
public struct PaperTable: Equatable, Codable, Sendable {
    /// A file a table's numbers are read from.
    public struct Source: Equatable, Codable, Sendable {
        /// The declared path, e.g. `data/mittra/aggregate.h5`.
        public var path: String
        /// The part of the file, e.g. `/learning_rate_sweep`.
        public var part: String
        /// The file's SHA-256 as the stage that read it hashed it; nil when the reader of
        /// the table knows the hash itself (a direct input of `build-paper`).
        public var sha256: String?

        /// Creates a source.
        public init(path: String, part: String, sha256: String? = nil) {
            self.path = path
            self.part = part
            self.sha256 = sha256
        }
    }

    /// What the table shows and how its verdicts were decided.
    public var caption: String
    /// The cells.
    public var table: MarkdownTable
    /// The files the numbers are read from; empty for tables made from provenance records.
    public var sources: [Source]
    /// The stage that computed the table, when it is not `build-paper` itself.
    public var computedBy: String?
    /// Where each cell's number comes from, row by row as in `table.rows` (nil: a label or
    /// a cell without a number); nil: no cell is linked. Set with
    /// ``linkColumn(_:to:index:)`` or ``linkCell(row:column:to:)``.
    public var cellSources: [[ValueSource?]]?

    /// Creates a table.
    public init(caption: String, table: MarkdownTable, sources: [Source], computedBy: String? = nil) {
        self.caption = caption
        self.table = table
        self.sources = sources
        self.computedBy = computedBy
    }
}
