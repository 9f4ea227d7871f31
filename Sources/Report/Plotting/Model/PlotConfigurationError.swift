/// A figure that cannot be drawn as described. Data values (NaN, ±∞, values ≤ 0 on a
/// logarithmic axis) are never errors — such points are skipped — but shapes and
/// settings that make no sense are, so that a mistake is reported instead of drawn.
public enum PlotConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The grid has fewer than one row or column.
    case invalidGrid(rows: Int, columns: Int)
    /// More panels than grid cells.
    case tooManyPanels(panelCount: Int, cellCount: Int)
    /// The figure is too small (or not finite) for its grid.
    case figureTooSmall(width: Double, height: Double, minimumCellWidth: Double, minimumCellHeight: Double)
    /// A fixed axis range is not a finite interval of positive length (or not positive
    /// on a logarithmic axis).
    case invalidFixedRange(panel: Int, axis: String, lower: Double, upper: Double)
    /// The coordinate arrays of a layer differ in length.
    case mismatchedLengths(panel: Int, layer: Int, counts: [Int])
    /// A style value (width, size, opacity, padding, dash length, font size) is out of
    /// its allowed range.
    case invalidStyleValue(panel: Int, layer: Int?, field: String, value: Double, allowed: String)
    /// Text of the figure named `figure` (its title) would print under
    /// ``PrintColumn/minimumFontPoints`` when the figure is shown at column width.
    case textTooSmall(figure: String, text: String, fontSize: Double, figureWidth: Double)
    /// Text of the figure named `figure` reaches beyond the canvas (it would be clipped).
    case textOutsideCanvas(figure: String, text: String, box: CanvasRect, width: Double, height: Double)

    /// What is wrong and what to do about it.
    public var description: String {
        switch self {
        case let .invalidGrid(rows, columns):
            return "figure grid is \(rows) × \(columns); give at least 1 row and 1 column"
        case let .tooManyPanels(panelCount, cellCount):
            return "figure has \(panelCount) panels but only \(cellCount) grid cells; add rows or columns, or remove panels"
        case let .figureTooSmall(width, height, minimumCellWidth, minimumCellHeight):
            return "figure of \(width) × \(height) px leaves cells smaller than \(minimumCellWidth) × \(minimumCellHeight) px; make the figure larger or the grid smaller"
        case let .invalidFixedRange(panel, axis, lower, upper):
            return "panel \(panel): fixed \(axis) range \(lower)...\(upper) is not a finite interval with lower < upper (and lower > 0 on a log axis); fix the range or set it to nil for an automatic one"
        case let .mismatchedLengths(panel, layer, counts):
            return "panel \(panel), layer \(layer): coordinate arrays have lengths \(counts); give every array of a layer the same length"
        case let .invalidStyleValue(panel, layer, field, value, allowed):
            let place = layer.map { "panel \(panel), layer \($0)" } ?? "panel \(panel)"
            return "\(place): \(field) = \(value) is outside \(allowed); use a value in that range"
        case let .textTooSmall(figure, text, fontSize, figureWidth):
            let printed = PrintColumn.printedPoints(fontSize: fontSize, figureWidth: figureWidth)
            let widest = fontSize * PrintColumn.widthPoints / PrintColumn.minimumFontPoints
            return "figure '\(figure)': the text '\(text)' is \(Self.rounded(fontSize)) px in a figure \(Self.rounded(figureWidth)) px wide, "
                + "so it prints at \(Self.rounded(printed)) pt when the figure fills the 17 cm text column, under the "
                + "\(Self.rounded(PrintColumn.minimumFontPoints)) pt minimum; draw the figure at most \(Self.rounded(widest)) px wide "
                + "(PrintColumn.widthPixels = \(Self.rounded(PrintColumn.widthPixels))) or enlarge the text"
        case let .textOutsideCanvas(figure, text, box, width, height):
            return "figure '\(figure)': the text '\(text)' spans x \(Self.rounded(box.minX))…\(Self.rounded(box.maxX)), "
                + "y \(Self.rounded(box.minY))…\(Self.rounded(box.maxY)) px, beyond the \(Self.rounded(width)) × \(Self.rounded(height)) px "
                + "canvas, so it would be clipped; shorten the text or give it more room"
        }
    }

    /// `value` to one decimal, without a trailing ".0".
    private static func rounded(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() && abs(tenths) < 1e15 ? String(Int(tenths)) : String(tenths)
    }
}
