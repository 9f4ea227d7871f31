import ReportKit

/// Columns of a table that hold the same value in every row say one thing many times
/// (issue #21, "say each thing once"): they leave the table and are stated once in its caption.
enum ConstantColumns {
    /// `table` without its constant columns among `candidates` (column indices), and the
    /// sentence that states them ("" when none is constant or the table has fewer than two rows).
    static func fold(_ table: MarkdownTable, candidates: [Int]) -> (table: MarkdownTable, sentence: String) {
        guard table.rows.count > 1 else { return (table, "") }
        let constant = candidates.filter { c in
            c < table.header.count && Set(table.rows.map { c < $0.count ? $0[c] : "" }).count == 1
        }
        guard !constant.isEmpty else { return (table, "") }
        let keep = table.header.indices.filter { !constant.contains($0) }
        let folded = MarkdownTable(header: keep.map { table.header[$0] }, rows: table.rows.map { row in keep.map { row[$0] } })
        let parts = constant.map { "\(table.header[$0]): \(table.rows[0][$0])" }
        return (folded, " The same in every row, so not a column: " + parts.joined(separator: "; ") + ".")
    }
}
