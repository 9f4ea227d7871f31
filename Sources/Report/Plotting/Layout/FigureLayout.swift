/// The division of a figure into a title band and a grid of panel cells, and the
/// resolution of each panel's axis ranges (shared across panels when asked).
enum FigureLayout {
    /// The cell of every grid position in row-major order.
    static func cells(of figure: Figure) -> [CanvasRect] {
        let titleHeight = figure.title == nil ? 0 : Figure.titleBandHeight
        let cellWidth = figure.width / Double(figure.columns)
        let cellHeight = (figure.height - titleHeight - FigureLegend(figure: figure).bandHeight) / Double(figure.rows)
        return (0..<(figure.rows * figure.columns)).map { index in
            let row = index / figure.columns
            let column = index % figure.columns
            return CanvasRect(
                x: Double(column) * cellWidth, y: titleHeight + Double(row) * cellHeight,
                width: cellWidth, height: cellHeight)
        }
    }

    /// The scene of every panel, in panel order. Call only for a validated figure.
    static func scenes(of figure: Figure) -> [PanelScene] {
        let cells = cells(of: figure)
        return figure.panels.enumerated().map { index, described in
            var panel = described
            if figure.sharesLegend { panel.legend = .none }
            let own = DataExtent(layers: panel.layers, xScale: panel.xAxis.scale, yScale: panel.yAxis.scale)
            var xExtent = own.x
            if figure.sharesXRange {
                xExtent = figure.panels.reduce(nil) { union, other in
                    let extent = DataExtent(layers: other.layers, xScale: panel.xAxis.scale, yScale: other.yAxis.scale)
                    return DataExtent.union(union, extent.x)
                }
            }
            var yExtent = own.y
            if figure.sharesYRange {
                yExtent = figure.panels.reduce(nil) { union, other in
                    let extent = DataExtent(layers: other.layers, xScale: other.xAxis.scale, yScale: panel.yAxis.scale)
                    return DataExtent.union(union, extent.y)
                }
            }
            let xRange = AxisRangeResolver.resolve(axis: panel.xAxis, dataExtent: xExtent)
            let yRange = AxisRangeResolver.resolve(axis: panel.yAxis, dataExtent: yExtent)
            return PanelScene(panel: panel, cell: cells[index], xRange: xRange, yRange: yRange)
        }
    }
}
