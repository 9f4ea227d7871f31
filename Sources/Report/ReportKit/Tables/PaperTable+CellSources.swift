/// Cell-level sources of a ``PaperTable``: each number of a table links to the dataset
/// (and element) it was read from, as prose numbers do (``ValueSource``, ``ValueSpan``).
extension PaperTable {
    /// Links the cells of `column` (0-based, as in `table.header`) to elements of the
    /// dataset `source.part` of `source.path`: row `r` to the element at `index(r)`, or to
    /// the whole dataset when `index(r)` is nil. Rows whose cell is empty stay unlinked.
    public mutating func linkColumn(_ column: Int, to source: Source, index: (_ row: Int) -> [Int]?) {
        for row in table.rows.indices where column < table.rows[row].count && !table.rows[row][column].isEmpty {
            let value = index(row).map { ValueSource.computed(source, index: $0) } ?? .computed(source)
            linkCell(row: row, column: column, to: value)
        }
    }

    /// Links the cell at `row`, `column` (0-based, body rows) to `source`.
    public mutating func linkCell(row: Int, column: Int, to source: ValueSource) {
        var sources = cellSources ?? table.rows.map { Array(repeating: nil, count: $0.count) }
        while sources.count < table.rows.count { sources.append([]) }
        while sources[row].count <= column { sources[row].append(nil) }
        sources[row][column] = source
        cellSources = sources
    }

    /// The key of cell `row`, `column` of the table placed as `name`, in ``ValueMarkers``.
    public static func cellKey(table name: String, row: Int, column: Int) -> String {
        "table:\(name)/\(row)/\(column)"
    }

    /// The cells with every linked number wrapped in ``ValueMarkers`` under
    /// ``cellKey(table:row:column:)``, and the sources by key, for the table placed as `name`.
    public func marked(name: String) -> (table: MarkdownTable, sources: [String: ValueSource]) {
        guard let cellSources else { return (table, [:]) }
        var marked = table
        var sources: [String: ValueSource] = [:]
        for (row, rowSources) in cellSources.enumerated() where row < marked.rows.count {
            for (column, source) in rowSources.enumerated() where column < marked.rows[row].count {
                guard let source else { continue }
                let key = Self.cellKey(table: name, row: row, column: column)
                marked.rows[row][column] = ValueMarkers.wrap(marked.rows[row][column], key: key)
                sources[key] = source
            }
        }
        return (marked, sources)
    }

    /// The sources of every linked cell of `tables` (placed under their names), for
    /// `paper.html`.
    public static func cellValueSources(_ tables: [String: PaperTable]) -> [String: ValueSource] {
        var sources: [String: ValueSource] = [:]
        for (name, table) in tables {
            sources.merge(table.marked(name: name).sources) { first, _ in first }
        }
        return sources
    }
}
