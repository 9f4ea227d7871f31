/// The extent of the data of a panel's layers along each axis: what an automatic axis
/// range must include.
///
/// A point counts only when both of its coordinates can be placed (a point skipped in
/// drawing must not stretch the axes); a reference line constrains only its own axis.
struct DataExtent: Sendable, Equatable {
    /// The smallest and largest placeable x, or `nil` when there is none.
    var x: ClosedRange<Double>?
    /// The smallest and largest placeable y, or `nil` when there is none.
    var y: ClosedRange<Double>?

    /// The extent of `layers` on axes of the given scales.
    init(layers: [Layer], xScale: AxisScale, yScale: AxisScale) {
        var xBounds = Bounds()
        var yBounds = Bounds()
        for layer in layers {
            for anchor in DataExtent.anchors(of: layer) {
                let xOK = anchor.x.map(xScale.accepts) ?? true
                let yOK = anchor.y.map(yScale.accepts) ?? true
                guard xOK, yOK else { continue }
                if let value = anchor.x { xBounds.include(value) }
                if let value = anchor.y { yBounds.include(value) }
            }
        }
        self.x = xBounds.range
        self.y = yBounds.range
    }

    /// The union of two optional ranges.
    static func union(_ a: ClosedRange<Double>?, _ b: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }

    /// The positions of a layer that must be visible; a `nil` coordinate leaves that
    /// axis unconstrained.
    static func anchors(of layer: Layer) -> [(x: Double?, y: Double?)] {
        switch layer {
        case .line(let series):
            return zip(series.x, series.y).map { ($0, $1) }
        case .scatter(let series):
            return zip(series.x, series.y).map { ($0, $1) }
        case .band(let band):
            let count = min(band.x.count, band.lower.count, band.upper.count)
            return (0..<count).flatMap { [(band.x[$0], band.lower[$0]), (band.x[$0], band.upper[$0])] }
        case .errorBars(let bars):
            let count = min(bars.x.count, bars.y.count, bars.lower.count, bars.upper.count)
            return (0..<count).flatMap {
                [(bars.x[$0], bars.y[$0]), (bars.x[$0], bars.lower[$0]), (bars.x[$0], bars.upper[$0])]
            }
        case .referenceLine(let line):
            return line.orientation == .horizontal ? [(nil, line.value)] : [(line.value, nil)]
        case .annotation(let annotation):
            return [(annotation.x, annotation.y)]
        case .pointMarker(let marker):
            return [(marker.x, marker.y)]
        }
    }
}

/// A running minimum and maximum.
private struct Bounds {
    var low = Double.infinity
    var high = -Double.infinity

    mutating func include(_ value: Double) {
        low = min(low, value)
        high = max(high, value)
    }

    var range: ClosedRange<Double>? { low <= high ? low...high : nil }
}
