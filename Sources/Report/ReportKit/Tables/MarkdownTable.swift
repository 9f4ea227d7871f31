/// A Markdown (GitHub pipe) table: a header row and body rows of plain cell texts.
/// Cells are escaped so that a `|` or a line break in a value cannot break the table.
public struct MarkdownTable: Equatable, Codable, Sendable {
    /// Column headings.
    public var header: [String]
    /// Body rows; each has as many cells as `header`.
    public var rows: [[String]]

    /// Creates a table.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The table as Markdown lines, ending with a newline.
    public var markdown: String {
        var lines = [line(header), line(header.map { _ in "---" })]
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.map(Self.escape).joined(separator: " | ") + " |"
    }

    /// `cell` with `|` escaped and line breaks replaced by spaces.
    public static func escape(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
