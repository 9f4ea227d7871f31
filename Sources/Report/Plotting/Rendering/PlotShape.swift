/// A piece of a panel's data drawing in canvas pixels, already clipped to the plot
/// area. Layers become shapes once; the same shapes are scored for legend and caption
/// placement and then drawn.
enum PlotShape: Sendable, Equatable {
    /// An open polyline.
    case polyline([CanvasPoint], StrokeStyle)
    /// A filled polygon.
    case polygon([CanvasPoint], FillStyle)
    /// A point marker.
    case marker(CanvasPoint, MarkerShape, size: Double, fill: FillStyle, stroke: StrokeStyle?)
    /// A line of text.
    case text(String, CanvasPoint, TextStyle)

    /// Sends the shape to a renderer.
    func draw<R: Renderer>(into renderer: inout R) {
        switch self {
        case let .polyline(points, stroke):
            renderer.drawPolyline(points, stroke: stroke)
        case let .polygon(points, fill):
            renderer.drawPolygon(points, fill: fill, stroke: nil)
        case let .marker(center, shape, size, fill, stroke):
            MarkerGeometry.draw(shape, at: center, size: size, fill: fill, stroke: stroke, into: &renderer)
        case let .text(text, position, style):
            renderer.drawText(text, at: position, style: style)
        }
    }
}
