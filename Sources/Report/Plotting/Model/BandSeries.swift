/// A translucent filled region between a lower and an upper curve over the same x
/// values, e.g. a 95% confidence band around a mean.
///
/// A position where x, lower or upper cannot be placed (non-finite, or ≤ 0 on a
/// logarithmic axis) splits the band into separate pieces.
public struct BandSeries: Sendable, Equatable {
    /// The x coordinates, in data units.
    public var x: [Double]
    /// The lower curve's y coordinates; as many as `x`.
    public var lower: [Double]
    /// The upper curve's y coordinates; as many as `x`.
    public var upper: [Double]
    /// The legend text; `nil` keeps the band out of the legend.
    public var label: String?
    /// The colour; `nil` takes the next colour of `Palette.okabeIto` in the panel. To
    /// match a line, give both the same colour.
    public var color: Color?
    /// The fill opacity, 0–1.
    public var opacity: Double

    /// Creates a band.
    public init(
        x: [Double],
        lower: [Double],
        upper: [Double],
        label: String? = nil,
        color: Color? = nil,
        opacity: Double = 0.25
    ) {
        self.x = x
        self.lower = lower
        self.upper = upper
        self.label = label
        self.color = color
        self.opacity = opacity
    }
}
