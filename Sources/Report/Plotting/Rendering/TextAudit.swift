/// A ``Renderer`` that draws nothing and records every text it is given, so that
/// ``Figure/validate()`` can check the laid-out text of a figure: its printed size and
/// whether it stays on the canvas.
struct TextAudit: Renderer {
    /// One recorded text.
    struct Entry: Equatable {
        /// The text.
        var text: String
        /// Where it was drawn.
        var position: CanvasPoint
        /// How it was drawn.
        var style: TextStyle

        /// The estimated box the text covers, rotated as drawn (the axis-aligned bounds of
        /// the rotated ``TextBox``).
        var bounds: CanvasRect {
            let box = TextBox.bounds(of: text, at: position, style: style)
            guard style.rotationDegrees != 0 else { return box }
            let (sine, cosine) = SVGRenderer.sineCosine(degrees: style.rotationDegrees)
            let turned = box.corners.map { corner -> CanvasPoint in
                let dx = corner.x - position.x, dy = corner.y - position.y
                return CanvasPoint(x: position.x + dx * cosine - dy * sine, y: position.y + dx * sine + dy * cosine)
            }
            let xs = turned.map(\.x), ys = turned.map(\.y)
            let minX = xs.min() ?? position.x, minY = ys.min() ?? position.y
            return CanvasRect(x: minX, y: minY, width: (xs.max() ?? minX) - minX, height: (ys.max() ?? minY) - minY)
        }
    }

    /// The texts in drawing order.
    private(set) var entries: [Entry] = []

    mutating func drawRect(_ rect: CanvasRect, fill: FillStyle?, stroke: StrokeStyle?) {}
    mutating func drawPolyline(_ points: [CanvasPoint], stroke: StrokeStyle) {}
    mutating func drawPolygon(_ points: [CanvasPoint], fill: FillStyle?, stroke: StrokeStyle?) {}
    mutating func drawCircle(center: CanvasPoint, radius: Double, fill: FillStyle?, stroke: StrokeStyle?) {}
    mutating func drawText(_ text: String, at position: CanvasPoint, style: TextStyle) {
        entries.append(Entry(text: text, position: position, style: style))
    }
}
