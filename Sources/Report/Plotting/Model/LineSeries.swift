/// A curve through the points `(x[i], y[i])` in order, optionally dashed and with
/// markers at the points.
///
/// A point with a non-finite coordinate (or a coordinate ≤ 0 on a logarithmic axis)
/// is skipped and splits the curve in two: no segment is drawn across it.
public struct LineSeries: Sendable, Equatable {
    /// The x coordinates, in data units.
    public var x: [Double]
    /// The y coordinates, in data units; as many as `x`.
    public var y: [Double]
    /// The legend text; `nil` keeps the series out of the legend.
    public var label: String?
    /// The colour; `nil` takes the next colour of `Palette.okabeIto` in the panel.
    public var color: Color?
    /// The line width in pixels.
    public var width: Double
    /// The dash pattern.
    public var dash: DashPattern
    /// A marker drawn at every point, or `nil` for none.
    public var marker: MarkerShape?
    /// The marker's width in pixels.
    public var markerSize: Double

    /// Creates a line series.
    public init(
        x: [Double],
        y: [Double],
        label: String? = nil,
        color: Color? = nil,
        width: Double = 1.75,
        dash: DashPattern = .solid,
        marker: MarkerShape? = nil,
        markerSize: Double = 6
    ) {
        self.x = x
        self.y = y
        self.label = label
        self.color = color
        self.width = width
        self.dash = dash
        self.marker = marker
        self.markerSize = markerSize
    }
}
