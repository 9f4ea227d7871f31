/// Geometric clipping of lines and polygons to a rectangle, so that data beyond a
/// fixed axis range never spills over the frame and no coordinate in the output is
/// huge. Done here rather than by the renderer so that every renderer gets it.
enum Clipping {
    /// The part of the segment `a`–`b` inside `rect`, or `nil` when none
    /// (Liang & Barsky, "A new concept and method for line clipping", ACM TOG 3(1), 1984).
    static func clipSegment(_ a: CanvasPoint, _ b: CanvasPoint, to rect: CanvasRect) -> (CanvasPoint, CanvasPoint)? {
        let dx = b.x - a.x
        let dy = b.y - a.y
        var enter = 0.0
        var leave = 1.0
        let conditions: [(Double, Double)] = [
            (-dx, a.x - rect.minX), (dx, rect.maxX - a.x),
            (-dy, a.y - rect.minY), (dy, rect.maxY - a.y),
        ]
        for (p, q) in conditions {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let t = q / p
            if p < 0 {
                enter = max(enter, t)
            } else {
                leave = min(leave, t)
            }
            if enter > leave { return nil }
        }
        let start = CanvasPoint(x: a.x + enter * dx, y: a.y + enter * dy)
        let end = CanvasPoint(x: a.x + leave * dx, y: a.y + leave * dy)
        return (start, end)
    }

    /// The visible pieces of the polyline through `points` inside `rect`: consecutive
    /// clipped segments that join are merged into one polyline.
    static func clipPolyline(_ points: [CanvasPoint], to rect: CanvasRect) -> [[CanvasPoint]] {
        var pieces: [[CanvasPoint]] = []
        var current: [CanvasPoint] = []
        for index in points.indices.dropFirst() {
            guard let (start, end) = clipSegment(points[index - 1], points[index], to: rect) else {
                if current.count >= 2 { pieces.append(current) }
                current = []
                continue
            }
            if let last = current.last, last == start {
                current.append(end)
            } else {
                if current.count >= 2 { pieces.append(current) }
                current = [start, end]
            }
        }
        if current.count >= 2 { pieces.append(current) }
        return pieces
    }

    /// The polygon `points` clipped to `rect` (Sutherland & Hodgman, "Reentrant polygon
    /// clipping", CACM 17(1), 1974); fewer than 3 points when nothing is left.
    static func clipPolygon(_ points: [CanvasPoint], to rect: CanvasRect) -> [CanvasPoint] {
        typealias Edge = (inside: (CanvasPoint) -> Bool, cross: (CanvasPoint, CanvasPoint) -> CanvasPoint)
        func crossX(_ x: Double) -> (CanvasPoint, CanvasPoint) -> CanvasPoint {
            { a, b in CanvasPoint(x: x, y: a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)) }
        }
        func crossY(_ y: Double) -> (CanvasPoint, CanvasPoint) -> CanvasPoint {
            { a, b in CanvasPoint(x: a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y: y) }
        }
        let edges: [Edge] = [
            ({ $0.x >= rect.minX }, crossX(rect.minX)),
            ({ $0.x <= rect.maxX }, crossX(rect.maxX)),
            ({ $0.y >= rect.minY }, crossY(rect.minY)),
            ({ $0.y <= rect.maxY }, crossY(rect.maxY)),
        ]
        var output = points
        for edge in edges {
            guard let last = output.last else { break }
            let input = output
            output = []
            var previous = last
            for point in input {
                if edge.inside(point) {
                    if !edge.inside(previous) { output.append(edge.cross(previous, point)) }
                    output.append(point)
                } else if edge.inside(previous) {
                    output.append(edge.cross(previous, point))
                }
                previous = point
            }
        }
        return output
    }

    /// Whether `point` lies inside the polygon `vertices` (even–odd rule).
    static func polygon(_ vertices: [CanvasPoint], contains point: CanvasPoint) -> Bool {
        guard vertices.count >= 3 else { return false }
        var inside = false
        var previous = vertices[vertices.count - 1]
        for vertex in vertices {
            if (vertex.y > point.y) != (previous.y > point.y) {
                let crossingX = vertex.x + (point.y - vertex.y) * (previous.x - vertex.x) / (previous.y - vertex.y)
                if point.x < crossingX { inside.toggle() }
            }
            previous = vertex
        }
        return inside
    }
}
