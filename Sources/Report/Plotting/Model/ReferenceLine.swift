/// A straight line across the whole plot area at a fixed data value: horizontal (e.g.
/// λ = 0) or vertical (e.g. a marked η).
public struct ReferenceLine: Sendable, Equatable {
    /// The direction of the line.
    public enum Orientation: Sendable, Hashable {
        /// A line of constant y.
        case horizontal
        /// A line of constant x.
        case vertical
    }

    /// The direction of the line.
    public var orientation: Orientation
    /// The constant coordinate, in data units. The automatic range of the axis it
    /// belongs to includes it, so the line is always visible.
    public var value: Double
    /// The legend text; `nil` keeps the line out of the legend.
    public var label: String?
    /// The colour.
    public var color: Color
    /// The line width in pixels.
    public var width: Double
    /// The dash pattern.
    public var dash: DashPattern

    /// Creates a reference line.
    public init(
        _ orientation: Orientation,
        at value: Double,
        label: String? = nil,
        color: Color = .referenceGray,
        width: Double = 1,
        dash: DashPattern = .dashed
    ) {
        self.orientation = orientation
        self.value = value
        self.label = label
        self.color = color
        self.width = width
        self.dash = dash
    }
}
