/// An axis-aligned rectangle on the canvas, in pixels.
public struct CanvasRect: Sendable, Hashable {
    /// The left edge.
    public var x: Double
    /// The top edge.
    public var y: Double
    /// The width, ≥ 0.
    public var width: Double
    /// The height, ≥ 0.
    public var height: Double

    /// Creates a rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The left edge.
    public var minX: Double { x }
    /// The right edge.
    public var maxX: Double { x + width }
    /// The top edge.
    public var minY: Double { y }
    /// The bottom edge.
    public var maxY: Double { y + height }
    /// The horizontal centre.
    public var midX: Double { x + width / 2 }
    /// The vertical centre.
    public var midY: Double { y + height / 2 }

    /// Whether `point` lies inside or on the border, allowing `tolerance` pixels outside.
    public func contains(_ point: CanvasPoint, tolerance: Double = 0) -> Bool {
        point.x >= minX - tolerance && point.x <= maxX + tolerance
            && point.y >= minY - tolerance && point.y <= maxY + tolerance
    }

    /// The rectangle grown by `amount` pixels on every side (shrunk when negative).
    public func expanded(by amount: Double) -> CanvasRect {
        CanvasRect(x: x - amount, y: y - amount, width: width + 2 * amount, height: height + 2 * amount)
    }

    /// Whether the two rectangles overlap (touching borders count).
    public func intersects(_ other: CanvasRect) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The four corners: top left, top right, bottom right, bottom left.
    var corners: [CanvasPoint] {
        [
            CanvasPoint(x: minX, y: minY), CanvasPoint(x: maxX, y: minY),
            CanvasPoint(x: maxX, y: maxY), CanvasPoint(x: minX, y: maxY),
        ]
    }
}
