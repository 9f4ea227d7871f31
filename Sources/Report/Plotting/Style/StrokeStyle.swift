/// How the outline of a primitive is drawn: colour, width, dashes and opacity.
public struct StrokeStyle: Sendable, Hashable {
    /// The stroke colour.
    public var color: Color
    /// The stroke width in pixels.
    public var width: Double
    /// The dash pattern; `.solid` for a continuous stroke.
    public var dash: DashPattern
    /// The opacity, 0 (invisible) to 1 (opaque).
    public var opacity: Double

    /// Creates a stroke style.
    public init(color: Color, width: Double = 1, dash: DashPattern = .solid, opacity: Double = 1) {
        self.color = color
        self.width = width
        self.dash = dash
        self.opacity = opacity
    }
}
