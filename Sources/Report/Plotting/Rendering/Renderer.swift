/// The drawing primitives a figure is made of, in canvas pixels.
///
/// Figures and panels know nothing of output formats (as in swiftplot): ``draw(_:into:)`` lays a figure out and calls only these methods.
/// ``SVGRenderer`` is the one implementation; another format needs only another
/// conformance. Implementations must be deterministic: the same calls, the same output.
public protocol Renderer {
    /// Draws an axis-aligned rectangle; `nil` fill or stroke leaves that part unpainted.
    mutating func drawRect(_ rect: CanvasRect, fill: FillStyle?, stroke: StrokeStyle?)
    /// Draws an open polyline through `points` in order.
    mutating func drawPolyline(_ points: [CanvasPoint], stroke: StrokeStyle)
    /// Draws a closed polygon through `points`; `nil` fill or stroke leaves that part
    /// unpainted.
    mutating func drawPolygon(_ points: [CanvasPoint], fill: FillStyle?, stroke: StrokeStyle?)
    /// Draws a circle; `nil` fill or stroke leaves that part unpainted.
    mutating func drawCircle(center: CanvasPoint, radius: Double, fill: FillStyle?, stroke: StrokeStyle?)
    /// Draws a single line of text anchored at `position` as `style` describes.
    mutating func drawText(_ text: String, at position: CanvasPoint, style: TextStyle)
}
