import Plotting

/// Arranges one panel per compared thing (activation, optimizer…): a single row up to
/// three panels, then rows of two (four panels make a 2 × 2 grid) or three.
public enum PanelGrid {
    /// Rows and columns for `count` panels.
    public static func shape(for count: Int) -> (rows: Int, columns: Int) {
        switch count {
        case ...3: return (1, max(count, 1))
        case 4: return (2, 2)
        default: return ((count + 2) / 3, 3)
        }
    }

    /// A figure holding `panels` in the grid for their number, with cells of the
    /// default size, or wider ones when the legends sit outside the plots.
    public static func figure(title: String, panels: [Panel], cellWidth: Double = Figure.defaultCellWidth) -> Figure {
        let (rows, columns) = shape(for: panels.count)
        return Figure(
            title: title, rows: rows, columns: columns, panels: panels,
            width: cellWidth * Double(columns),
            height: Figure.defaultCellHeight * Double(rows) + Figure.titleBandHeight)
    }
}
