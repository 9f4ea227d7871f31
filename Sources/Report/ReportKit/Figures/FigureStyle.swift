import Foundation
import Plotting

/// Shared drawing choices of every experiment's figures, so that one kind of series looks
/// the same in every figure of the paper.
public enum FigureStyle {
    /// The width of every figure: the text column (``PrintColumn/widthPixels``), so that
    /// the layout's 11 px labels print at 8 pt or more.
    public static let columnWidth = PrintColumn.widthPixels
    /// The height of one panel cell in a grid of panels.
    public static let panelHeight = 240.0
    /// The late window (the one that decides chaos, docs/PROTOCOL.md §2 E1).
    public static let late = Palette.blue
    /// The early window (learning transient).
    public static let early = Palette.orange
    /// Opacity of a single 95% band.
    public static let bandOpacity = 0.25
    /// Opacity of bands that overlap others (several widths or estimators in a panel).
    public static let overlappingBandOpacity = 0.12
    /// Colours for series that are told apart by colour (widths, estimators): the
    /// Okabe–Ito palette without yellow, which is unreadable on white.
    public static let seriesColors = [Palette.blue, Palette.vermillion, Palette.bluishGreen, Palette.reddishPurple, Palette.orange, Palette.skyBlue]
    /// Markers that tell series apart in greyscale.
    public static let seriesMarkers: [MarkerShape] = [.circle, .square, .triangle, .diamond]

    /// The colour of series `index`.
    public static func color(_ index: Int) -> Color { seriesColors[index % seriesColors.count] }
    /// The marker of series `index`.
    public static func marker(_ index: Int) -> MarkerShape { seriesMarkers[index % seriesMarkers.count] }

    /// The colours of `count` ordered values (learning rates, widths…), darkest first,
    /// on the sequential viridis scale.
    public static func orderedColors(_ count: Int) -> [Color] { SequentialScale.lineColors(count: count) }

    /// A learning-rate axis (log scale; η is dimensionless for full-batch GD on a
    /// dimensionless loss).
    public static let learningRateAxis = Axis(label: "learning rate η", scale: .log10)

    /// The λ = 0 line.
    public static let zeroLine = Layer.referenceLine(ReferenceLine(.horizontal, at: 0, label: "λ = 0"))

    /// A mean line over η with its 95% band beneath, skipping non-finite values.
    public static func meanWithBand(
        x: [Double], mean: [Double], low: [Double], high: [Double], factor: Double = 1, label: String,
        color: Color, dash: DashPattern = .solid, marker: MarkerShape? = nil, bandOpacity: Double = bandOpacity,
        lineWidth: Double = 1.75
    ) -> (band: Layer, line: Layer) {
        (
            .band(BandSeries(x: x, lower: low.map { $0 * factor }, upper: high.map { $0 * factor }, color: color, opacity: bandOpacity)),
            .line(LineSeries(x: x, y: mean.map { $0 * factor }, label: label, color: color, width: lineWidth, dash: dash, marker: marker, markerSize: 5))
        )
    }
}
