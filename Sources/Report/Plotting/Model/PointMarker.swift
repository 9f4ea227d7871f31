/// A prominent marker for one special point, with a caption beside it, e.g. the point
/// where λ first becomes positive. The caption is placed on the side of the point that
/// faces the centre of the plot, so it is not cut off by the frame.
public struct PointMarker: Sendable, Equatable {
    /// The x coordinate, in data units.
    public var x: Double
    /// The y coordinate, in data units.
    public var y: Double
    /// The caption beside the point; `nil` for none.
    public var caption: String?
    /// The legend text; `nil` keeps the marker out of the legend.
    public var label: String?
    /// The marker shape.
    public var shape: MarkerShape
    /// The marker's width in pixels.
    public var size: Double
    /// The marker's fill colour (its outline is black).
    public var color: Color

    /// Creates a point marker.
    public init(
        x: Double,
        y: Double,
        caption: String? = nil,
        label: String? = nil,
        shape: MarkerShape = .diamond,
        size: Double = 11,
        color: Color = Palette.vermillion
    ) {
        self.x = x
        self.y = y
        self.caption = caption
        self.label = label
        self.shape = shape
        self.size = size
        self.color = color
    }
}
