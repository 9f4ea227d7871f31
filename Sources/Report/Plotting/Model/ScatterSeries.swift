/// Unconnected markers at the points `(x[i], y[i])`. Points that cannot be placed
/// (non-finite, or ≤ 0 on a logarithmic axis) are skipped.
public struct ScatterSeries: Sendable, Equatable {
    /// The x coordinates, in data units.
    public var x: [Double]
    /// The y coordinates, in data units; as many as `x`.
    public var y: [Double]
    /// The legend text; `nil` keeps the series out of the legend.
    public var label: String?
    /// The colour; `nil` takes the next colour of `Palette.okabeIto` in the panel.
    public var color: Color?
    /// The marker shape.
    public var shape: MarkerShape
    /// The marker's width in pixels.
    public var size: Double
    /// The marker fill opacity, below 1 so that overlapping points stay visible.
    public var opacity: Double

    /// Creates a scatter series.
    public init(
        x: [Double],
        y: [Double],
        label: String? = nil,
        color: Color? = nil,
        shape: MarkerShape = .circle,
        size: Double = 6,
        opacity: Double = 0.8
    ) {
        self.x = x
        self.y = y
        self.label = label
        self.color = color
        self.shape = shape
        self.size = size
        self.opacity = opacity
    }
}
