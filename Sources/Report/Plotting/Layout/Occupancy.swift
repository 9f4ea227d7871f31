/// How much of a panel's drawn data a rectangle would cover: the score by which
/// legends and captions choose where to go. Each marker centre, polyline segment or
/// polygon edge that meets the rectangle counts 1; each corner or the centre of the
/// rectangle inside a filled polygon counts 1; text in the way counts 5 (covering
/// words is worse than covering a point).
enum Occupancy {
    /// The score of `rect` against `shapes`; 0 means it covers nothing.
    static func score(of rect: CanvasRect, against shapes: [PlotShape]) -> Int {
        var total = 0
        for shape in shapes {
            switch shape {
            case let .polyline(points, _):
                total += segmentsMeeting(rect, points: points, closed: false)
            case let .polygon(points, _):
                total += segmentsMeeting(rect, points: points, closed: true)
                let probes = rect.corners + [CanvasPoint(x: rect.midX, y: rect.midY)]
                total += probes.filter { Clipping.polygon(points, contains: $0) }.count
            case let .marker(center, _, size, _, _):
                if rect.contains(center, tolerance: size / 2) { total += 1 }
            case let .text(text, position, style):
                if rect.intersects(TextBox.bounds(of: text, at: position, style: style)) { total += 5 }
            }
        }
        return total
    }

    /// The number of segments of the polyline (or closed polygon) that meet `rect`.
    private static func segmentsMeeting(_ rect: CanvasRect, points: [CanvasPoint], closed: Bool) -> Int {
        guard points.count >= 2 else { return 0 }
        var count = 0
        for index in points.indices.dropFirst() where Clipping.clipSegment(points[index - 1], points[index], to: rect) != nil {
            count += 1
        }
        if closed, let first = points.first, let last = points.last,
           Clipping.clipSegment(last, first, to: rect) != nil {
            count += 1
        }
        return count
    }
}
