/// A Markdown (GitHub pipe) table: a header row and body rows of plain cell texts.
/// Cells are escaped so that a `|` or a line break in a value cannot break the table.
struct MarkdownTable: Equatable {
    /// Column headings.
    var header: [String]
    /// Body rows; each has as many cells as `header`.
    var rows: [[String]]

    /// The table as Markdown lines, ending with a newline.
    var markdown: String {
        var lines = [line(header), line(header.map { _ in "---" })]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.map(Self.escape).joined(separator: " | ") + " |"
    }

    static func escape(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
