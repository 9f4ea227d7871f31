/// Which point of a text's box its anchor position denotes, horizontally.
public enum HorizontalTextAnchor: Sendable, Hashable {
    /// The anchor is the left end of the text.
    case start
    /// The anchor is the horizontal centre of the text.
    case middle
    /// The anchor is the right end of the text.
    case end
}

/// Which point of a text's box its anchor position denotes, vertically (in the text's
/// own, possibly rotated, frame).
public enum VerticalTextAlignment: Sendable, Hashable {
    /// The anchor lies on the baseline.
    case baseline
    /// The anchor lies halfway up the digits and capitals.
    case middle
    /// The anchor lies at the top of the digits and capitals.
    case top
}

/// How a piece of text is drawn. The font family is the renderer's affair (the SVG
/// renderer names fonts that exist offline); the figure only chooses sizes.
public struct TextStyle: Sendable, Hashable {
    /// The font size in pixels.
    public var fontSize: Double
    /// The text colour.
    public var color: Color
    /// Whether the text is bold.
    public var isBold: Bool
    /// The horizontal meaning of the anchor position.
    public var anchor: HorizontalTextAnchor
    /// The vertical meaning of the anchor position.
    public var verticalAlignment: VerticalTextAlignment
    /// A rotation about the anchor position, in degrees, clockwise on screen
    /// (−90 turns text to read bottom-to-top, as y-axis labels do).
    public var rotationDegrees: Double

    /// Creates a text style.
    public init(
        fontSize: Double,
        color: Color = .black,
        isBold: Bool = false,
        anchor: HorizontalTextAnchor = .start,
        verticalAlignment: VerticalTextAlignment = .baseline,
        rotationDegrees: Double = 0
    ) {
        self.fontSize = fontSize
        self.color = color
        self.isBold = isBold
        self.anchor = anchor
        self.verticalAlignment = verticalAlignment
        self.rotationDegrees = rotationDegrees
    }
}
