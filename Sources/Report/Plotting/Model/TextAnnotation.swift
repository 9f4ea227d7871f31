/// A piece of text placed at a data position, shifted by a pixel offset. It is kept
/// inside the plot area horizontally and skipped when its position is outside.
public struct TextAnnotation: Sendable, Equatable {
    /// The x coordinate of the anchor, in data units.
    public var x: Double
    /// The y coordinate of the anchor, in data units.
    public var y: Double
    /// The text.
    public var text: String
    /// The font size in pixels.
    public var fontSize: Double
    /// The text colour.
    public var color: Color
    /// Which end of the text sits at the anchor.
    public var anchor: HorizontalTextAnchor
    /// A shift of the text from the anchor in pixels, rightwards.
    public var offsetX: Double
    /// A shift of the text from the anchor in pixels, downwards (as on screen).
    public var offsetY: Double

    /// Creates an annotation.
    public init(
        x: Double,
        y: Double,
        text: String,
        fontSize: Double = 11,
        color: Color = .black,
        anchor: HorizontalTextAnchor = .start,
        offsetX: Double = 0,
        offsetY: Double = 0
    ) {
        self.x = x
        self.y = y
        self.text = text
        self.fontSize = fontSize
        self.color = color
        self.anchor = anchor
        self.offsetX = offsetX
        self.offsetY = offsetY
    }
}
