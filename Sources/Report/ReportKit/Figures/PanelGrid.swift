import Plotting

/// Arranges one panel per compared thing (activation, optimizer…) in a figure as wide as
/// the text column: a single row up to three panels, then rows of two (four panels
/// make a 2 × 2 grid) or three.
public enum PanelGrid {
    /// Rows and columns for `count` panels.
    public static func shape(for count: Int) -> (rows: Int, columns: Int) {
        switch count {
        case ...3: return (1, max(count, 1))
        case 4: return (2, 2)
        default: return ((count + 2) / 3, 3)
        }
    }

    /// A figure ``FigureStyle/columnWidth`` wide holding `panels` (one per compared thing,
    /// so on one x variable: the x ranges are shared) in the grid for their number, each
    /// cell `cellHeight` high; with `sharesLegend` the panels' legends are drawn once
    /// below the grid (the figure grows by the legend's height); with `sharesYRange` the
    /// panels take one y range.
    public static func figure(
        title: String?, panels: [Panel], cellHeight: Double = FigureStyle.panelHeight, sharesLegend: Bool = false,
        sharesYRange: Bool = false
    ) -> Figure {
        let (rows, columns) = shape(for: panels.count)
        return grid(
            title: title, rows: rows, columns: columns, panels: panels, cellHeight: cellHeight, sharesLegend: sharesLegend,
            sharesXRange: true, sharesYRange: sharesYRange)
    }

    /// A figure ``FigureStyle/columnWidth`` wide holding `panels` row-major in a
    /// `rows` × `columns` grid of cells `cellHeight` high, with a shared legend below
    /// when `sharesLegend` and common x or y ranges when asked (panels that show one
    /// variable on one scale).
    public static func grid(
        title: String?, rows: Int, columns: Int, panels: [Panel], cellHeight: Double = FigureStyle.panelHeight,
        sharesLegend: Bool = false, sharesXRange: Bool = false, sharesYRange: Bool = false
    ) -> Figure {
        var figure = Figure(
            title: title, rows: rows, columns: columns, panels: panels, width: FigureStyle.columnWidth,
            height: cellHeight * Double(rows) + (title == nil ? 0 : Figure.titleBandHeight),
            sharesXRange: sharesXRange, sharesLegend: sharesLegend, sharesYRange: sharesYRange)
        figure.height += figure.sharedLegendHeight
        return figure
    }
}
