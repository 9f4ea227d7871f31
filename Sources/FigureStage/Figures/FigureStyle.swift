import Foundation
import Plotting

/// Shared drawing choices of the Mittra figures, so that one series looks the same in
/// every figure.
enum FigureStyle {
    /// The late window (the one that decides chaos, SCIENCE.md §2 E1).
    static let late = Palette.blue
    /// The early window (learning transient).
    static let early = Palette.orange
    /// Opacity of a single 95% band.
    static let bandOpacity = 0.25
    /// Opacity of bands that overlap others (several widths or estimators in a panel).
    static let overlappingBandOpacity = 0.12
    /// Colours for series that are told apart by colour (widths, estimators): the
    /// Okabe–Ito palette without yellow, which is unreadable on white.
    static let seriesColors = [Palette.blue, Palette.vermillion, Palette.bluishGreen, Palette.reddishPurple, Palette.orange, Palette.skyBlue]
    /// Markers that tell series apart in greyscale.
    static let seriesMarkers: [MarkerShape] = [.circle, .square, .triangle, .diamond]

    /// The colour of series `index`.
    static func color(_ index: Int) -> Color { seriesColors[index % seriesColors.count] }
    /// The marker of series `index`.
    static func marker(_ index: Int) -> MarkerShape { seriesMarkers[index % seriesMarkers.count] }

    /// The learning-rate axis of every E1 figure (log scale; η is dimensionless for
    /// full-batch GD on a dimensionless loss).
    static let learningRateAxis = Axis(label: "learning rate η", scale: .log10)

    /// The architecture of a one-hidden-layer network of `width` units, e.g. "2-8-1".
    static func architecture(_ width: Int) -> String { "2-\(width)-1" }

    /// The λ = 0 line.
    static let zeroLine = Layer.referenceLine(ReferenceLine(.horizontal, at: 0, label: "λ = 0"))

    /// A mean line over η with its 95% band beneath, skipping non-finite values.
    static func lambdaWithBand(
        x: [Double], mean: [Double], low: [Double], high: [Double], factor: Double = 1, label: String,
        color: Color, dash: DashPattern = .solid, marker: MarkerShape? = nil, bandOpacity: Double = bandOpacity
    ) -> (band: Layer, line: Layer) {
        (
            .band(BandSeries(x: x, lower: low.map { $0 * factor }, upper: high.map { $0 * factor }, color: color, opacity: bandOpacity)),
            .line(LineSeries(x: x, y: mean.map { $0 * factor }, label: label, color: color, dash: dash, marker: marker, markerSize: 5))
        )
    }
}
