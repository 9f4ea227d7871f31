/// How the interior of a closed primitive is painted: colour and opacity.
public struct FillStyle: Sendable, Hashable {
    /// The fill colour.
    public var color: Color
    /// The opacity, 0 (invisible) to 1 (opaque).
    public var opacity: Double

    /// Creates a fill style.
    public init(color: Color, opacity: Double = 1) {
        self.color = color
        self.opacity = opacity
    }
}
