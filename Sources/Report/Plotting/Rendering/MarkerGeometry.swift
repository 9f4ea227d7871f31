/// The outlines of point markers. Sizes are chosen so that the four shapes look about
/// equally heavy at the same nominal size (a square of side `size` looks bigger than a
/// disc of diameter `size`).
enum MarkerGeometry {
    /// cos 30°, for the equilateral triangle.
    private static let cos30 = 0.8660254037844386

    /// The polygon of a non-circular marker centred at `center`; empty for a circle.
    static func vertices(of shape: MarkerShape, at center: CanvasPoint, size: Double) -> [CanvasPoint] {
        let x = center.x
        let y = center.y
        switch shape {
        case .circle:
            return []
        case .square:
            let half = size * 0.44
            return [
                CanvasPoint(x: x - half, y: y - half), CanvasPoint(x: x + half, y: y - half),
                CanvasPoint(x: x + half, y: y + half), CanvasPoint(x: x - half, y: y + half),
            ]
        case .triangle:
            // Circumradius about the centroid, which sits at the centre.
            let radius = size * 0.62
            return [
                CanvasPoint(x: x, y: y - radius),
                CanvasPoint(x: x + radius * cos30, y: y + radius / 2),
                CanvasPoint(x: x - radius * cos30, y: y + radius / 2),
            ]
        case .diamond:
            let half = size * 0.62
            return [
                CanvasPoint(x: x, y: y - half), CanvasPoint(x: x + half, y: y),
                CanvasPoint(x: x, y: y + half), CanvasPoint(x: x - half, y: y),
            ]
        }
    }

    /// Draws a marker with the renderer's circle or polygon primitive.
    static func draw<R: Renderer>(
        _ shape: MarkerShape, at center: CanvasPoint, size: Double,
        fill: FillStyle?, stroke: StrokeStyle?, into renderer: inout R
    ) {
        if shape == .circle {
            renderer.drawCircle(center: center, radius: size / 2, fill: fill, stroke: stroke)
        } else {
            renderer.drawPolygon(vertices(of: shape, at: center, size: size), fill: fill, stroke: stroke)
        }
    }
}
