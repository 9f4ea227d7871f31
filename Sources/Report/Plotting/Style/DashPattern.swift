/// The dash pattern of a stroked line, as alternating dash and gap lengths in pixels
/// (SVG's `stroke-dasharray`). An empty pattern is a solid line.
public struct DashPattern: Sendable, Hashable {
    /// Alternating dash and gap lengths in pixels; empty for a solid line.
    public var lengths: [Double]

    /// Creates a pattern from alternating dash and gap lengths in pixels.
    public init(_ lengths: [Double]) {
        self.lengths = lengths
    }

    /// Whether the line is drawn without gaps.
    public var isSolid: Bool { lengths.isEmpty }

    /// A continuous line.
    public static let solid = DashPattern([])
    /// Long dashes: 6 px on, 4 px off.
    public static let dashed = DashPattern([6, 4])
    /// Dots: 1.5 px on, 3 px off.
    public static let dotted = DashPattern([1.5, 3])
    /// Dash–dot: 6 px, gap, 1.5 px, gap.
    public static let dashDot = DashPattern([6, 3, 1.5, 3])
}
