/// Dropping the vertices of a drawn polyline that change it by less than a fraction of a
/// pixel (Ramer 1972; Douglas & Peucker, "Algorithms for the reduction of the number of
/// points required to represent a digitized line or its caricature", Cartographica
/// 10(2), 1973), so that dense curves such as contour lines stay small in the SVG
/// without a visible change.
enum PolylineSimplification {
    /// The largest distance, in pixels, between a dropped vertex and the drawn line.
    static let tolerance = 0.4

    /// `points` without the vertices that lie within `tolerance` of the line that
    /// replaces them; the first and last points are always kept.
    static func simplify(_ points: [CanvasPoint], tolerance: Double = tolerance) -> [CanvasPoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var pending = [(0, points.count - 1)]
        while let (first, last) = pending.popLast() {
            guard last > first + 1 else { continue }
            var farthest = first
            var distance = 0.0
            for index in (first + 1)..<last {
                let d = distanceFrom(points[index], toSegment: points[first], points[last])
                if d > distance {
                    (farthest, distance) = (index, d)
                }
            }
            if distance > tolerance {
                keep[farthest] = true
                pending.append((first, farthest))
                pending.append((farthest, last))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// The distance from `p` to the segment `a`–`b`.
    static func distanceFrom(_ p: CanvasPoint, toSegment a: CanvasPoint, _ b: CanvasPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared == 0 ? 0 : min(1, max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
        let ex = p.x - (a.x + t * dx), ey = p.y - (a.y + t * dy)
        return (ex * ex + ey * ey).squareRoot()
    }
}
