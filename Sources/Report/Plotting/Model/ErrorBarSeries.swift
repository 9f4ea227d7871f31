/// Vertical error bars from `lower[i]` to `upper[i]` at `x[i]`, with caps and an
/// optional marker at the central value `y[i]`.
///
/// Bounds are absolute y values (e.g. the ends of a 95% confidence interval), not
/// distances from `y`; ``init(x:y:error:label:color:)`` builds symmetric bars from
/// distances. A bar whose x or central value cannot be placed is skipped; a bound that
/// cannot be placed (≤ 0 on a logarithmic axis) runs the bar to the frame.
public struct ErrorBarSeries: Sendable, Equatable {
    /// The x coordinates, in data units.
    public var x: [Double]
    /// The central values; as many as `x`.
    public var y: [Double]
    /// The lower ends of the bars; as many as `x`.
    public var lower: [Double]
    /// The upper ends of the bars; as many as `x`.
    public var upper: [Double]
    /// The legend text; `nil` keeps the series out of the legend.
    public var label: String?
    /// The colour; `nil` takes the next colour of `Palette.okabeIto` in the panel.
    public var color: Color?
    /// The bar line width in pixels.
    public var width: Double
    /// The width of the caps in pixels; 0 for none.
    public var capWidth: Double
    /// A marker at the central value, or `nil` for none.
    public var marker: MarkerShape?
    /// The marker's width in pixels.
    public var markerSize: Double

    /// Creates error bars from absolute lower and upper ends.
    public init(
        x: [Double],
        y: [Double],
        lower: [Double],
        upper: [Double],
        label: String? = nil,
        color: Color? = nil,
        width: Double = 1.25,
        capWidth: Double = 6,
        marker: MarkerShape? = .circle,
        markerSize: Double = 5
    ) {
        self.x = x
        self.y = y
        self.lower = lower
        self.upper = upper
        self.label = label
        self.color = color
        self.width = width
        self.capWidth = capWidth
        self.marker = marker
        self.markerSize = markerSize
    }

    /// Creates symmetric error bars `y[i] ± error[i]`. If the arrays differ in length,
    /// the bounds take the shorter length and validation reports the mismatch.
    public init(x: [Double], y: [Double], error: [Double], label: String? = nil, color: Color? = nil) {
        let count = min(y.count, error.count)
        let lower = (0..<count).map { y[$0] - error[$0] }
        let upper = (0..<count).map { y[$0] + error[$0] }
        self.init(x: x, y: y, lower: lower, upper: upper, label: label, color: color)
    }
}
