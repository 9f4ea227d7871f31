/// Turns a panel's layers into clipped shapes in canvas pixels.
///
/// Points that an axis cannot place (non-finite, or ≤ 0 on a log axis) are skipped:
/// they split lines and bands, and drop markers and bars. Everything is clipped to the
/// plot area, so data outside a fixed range never crosses the frame.
struct LayerGeometry {
    /// The plot area.
    let plotRect: CanvasRect
    /// Data x to pixels.
    let xTransform: AxisTransform
    /// Data y to pixels.
    let yTransform: AxisTransform

    /// Markers whose centre lies this far outside the plot area are still drawn, so a
    /// point exactly on a fixed range bound is not lost to rounding.
    static let markerTolerance = 0.5

    /// The canvas position of a data point, or `nil` when it cannot be placed.
    func point(_ x: Double, _ y: Double) -> CanvasPoint? {
        guard let px = xTransform.pixel(x), let py = yTransform.pixel(y) else { return nil }
        return CanvasPoint(x: px, y: py)
    }

    /// The shapes of every layer, in layer order; point-marker captions go where they
    /// cover the least of the other shapes.
    func shapes(of layers: [Layer], colors: [Color]) -> [PlotShape] {
        var shapes: [PlotShape] = []
        var captions: [(marker: PointMarker, center: CanvasPoint)] = []
        for (layer, color) in zip(layers, colors) {
            switch layer {
            case .line(let series): shapes += lineShapes(series, color: color)
            case .scatter(let series): shapes += scatterShapes(series, color: color)
            case .band(let band): shapes += bandShapes(band, color: color)
            case .errorBars(let bars): shapes += errorBarShapes(bars, color: color)
            case .referenceLine(let line): shapes += referenceLineShapes(line)
            case .annotation(let annotation): shapes += annotationShapes(annotation)
            case .pointMarker(let marker):
                guard let center = point(marker.x, marker.y),
                      plotRect.contains(center, tolerance: Self.markerTolerance)
                else { continue }
                shapes.append(.marker(
                    center, marker.shape, size: marker.size,
                    fill: FillStyle(color: marker.color),
                    stroke: StrokeStyle(color: .black, width: 1)))
                captions.append((marker, center))
            }
        }
        for (marker, center) in captions {
            if let caption = captionShape(marker, center: center, avoiding: shapes) {
                shapes.append(caption)
            }
        }
        return shapes
    }

    /// Runs of consecutive placeable points, split at every point that is not.
    private func runs<Sample>(count: Int, _ position: (Int) -> Sample?) -> [[Sample]] {
        var result: [[Sample]] = []
        var current: [Sample] = []
        for index in 0..<count {
            if let p = position(index) {
                current.append(p)
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private func markers(
        at points: [CanvasPoint], shape: MarkerShape, size: Double, fill: FillStyle, stroke: StrokeStyle?
    ) -> [PlotShape] {
        points.filter { plotRect.contains($0, tolerance: Self.markerTolerance) }
            .map { .marker($0, shape, size: size, fill: fill, stroke: stroke) }
    }

    private func lineShapes(_ series: LineSeries, color: Color) -> [PlotShape] {
        let count = min(series.x.count, series.y.count)
        let pieces = runs(count: count) { point(series.x[$0], series.y[$0]) }
        let stroke = StrokeStyle(color: color, width: series.width, dash: series.dash)
        var shapes: [PlotShape] = pieces.flatMap { piece in
            Clipping.clipPolyline(piece, to: plotRect).map { PlotShape.polyline(PolylineSimplification.simplify($0), stroke) }
        }
        if let shape = series.marker {
            shapes += markers(
                at: pieces.flatMap { $0 }, shape: shape, size: series.markerSize,
                fill: FillStyle(color: color), stroke: nil)
        }
        return shapes
    }

    private func scatterShapes(_ series: ScatterSeries, color: Color) -> [PlotShape] {
        let count = min(series.x.count, series.y.count)
        let points = (0..<count).compactMap { point(series.x[$0], series.y[$0]) }
        return markers(
            at: points, shape: series.shape, size: series.size,
            fill: FillStyle(color: color, opacity: series.opacity),
            stroke: StrokeStyle(color: color, width: 0.75))
    }

    private func bandShapes(_ band: BandSeries, color: Color) -> [PlotShape] {
        let count = min(band.x.count, band.lower.count, band.upper.count)
        let pairs = runs(count: count) { index -> BandSample? in
            guard let low = point(band.x[index], band.lower[index]),
                  let high = yTransform.pixel(band.upper[index])
            else { return nil }
            return BandSample(x: low.x, lowerY: low.y, upperY: high)
        }
        let fill = FillStyle(color: color, opacity: band.opacity)
        return pairs.compactMap { run -> PlotShape? in
            guard run.count >= 2 else { return nil }
            let upperEdge = run.map { CanvasPoint(x: $0.x, y: $0.upperY) }
            let lowerEdge = run.reversed().map { CanvasPoint(x: $0.x, y: $0.lowerY) }
            let clipped = Clipping.clipPolygon(upperEdge + lowerEdge, to: plotRect)
            return clipped.count >= 3 ? .polygon(clipped, fill) : nil
        }
    }

    private func errorBarShapes(_ bars: ErrorBarSeries, color: Color) -> [PlotShape] {
        let count = min(bars.x.count, bars.y.count, bars.lower.count, bars.upper.count)
        let stroke = StrokeStyle(color: color, width: bars.width)
        var shapes: [PlotShape] = []
        var centers: [CanvasPoint] = []
        for index in 0..<count {
            guard let center = point(bars.x[index], bars.y[index]) else { continue }
            centers.append(center)
            let low = boundPixel(bars.lower[index]) ?? center.y
            let high = boundPixel(bars.upper[index]) ?? center.y
            let bottom = CanvasPoint(x: center.x, y: low)
            let top = CanvasPoint(x: center.x, y: high)
            guard let (start, end) = Clipping.clipSegment(bottom, top, to: plotRect) else { continue }
            if start != end {
                shapes.append(.polyline([start, end], stroke))
            }
            guard bars.capWidth > 0 else { continue }
            for end in [bottom, top] where end != center && plotRect.contains(end) {
                let half = bars.capWidth / 2
                shapes.append(.polyline(
                    [CanvasPoint(x: end.x - half, y: end.y), CanvasPoint(x: end.x + half, y: end.y)], stroke))
            }
        }
        if let shape = bars.marker {
            shapes += markers(at: centers, shape: shape, size: bars.markerSize, fill: FillStyle(color: color), stroke: nil)
        }
        return shapes
    }

    /// The pixel y of an error-bar end: its position, or just below the frame for a
    /// value ≤ 0 on a log axis (the bar runs off the bottom), or `nil` when not finite.
    private func boundPixel(_ value: Double) -> Double? {
        if let pixel = yTransform.pixel(value) { return pixel }
        guard value.isFinite, yTransform.scale == .log10 else { return nil }
        return plotRect.maxY + 1
    }

    private func referenceLineShapes(_ line: ReferenceLine) -> [PlotShape] {
        let stroke = StrokeStyle(color: line.color, width: line.width, dash: line.dash)
        switch line.orientation {
        case .horizontal:
            guard let y = yTransform.pixel(line.value), y >= plotRect.minY - 0.5, y <= plotRect.maxY + 0.5
            else { return [] }
            return [.polyline([CanvasPoint(x: plotRect.minX, y: y), CanvasPoint(x: plotRect.maxX, y: y)], stroke)]
        case .vertical:
            guard let x = xTransform.pixel(line.value), x >= plotRect.minX - 0.5, x <= plotRect.maxX + 0.5
            else { return [] }
            return [.polyline([CanvasPoint(x: x, y: plotRect.minY), CanvasPoint(x: x, y: plotRect.maxY)], stroke)]
        }
    }

    /// An annotation at its anchor plus offset; when the text would stick out of the
    /// plot area sideways but fits mirrored to the other side of the anchor (anchor
    /// start ↔ end, horizontal offset negated), it goes there, else it is pushed inside.
    private func annotationShapes(_ annotation: TextAnnotation) -> [PlotShape] {
        guard let anchor = point(annotation.x, annotation.y), plotRect.contains(anchor) else { return [] }
        func placement(mirrored: Bool) -> (CanvasPoint, TextStyle) {
            var textAnchor = annotation.anchor
            if mirrored {
                textAnchor = textAnchor == .start ? .end : textAnchor == .end ? .start : .middle
            }
            let style = TextStyle(fontSize: annotation.fontSize, color: annotation.color, anchor: textAnchor)
            let dx = mirrored ? -annotation.offsetX : annotation.offsetX
            return (CanvasPoint(x: anchor.x + dx, y: anchor.y + annotation.offsetY), style)
        }
        func fitsSideways(_ position: CanvasPoint, _ style: TextStyle) -> Bool {
            let box = TextBox.bounds(of: annotation.text, at: position, style: style)
            return box.minX >= plotRect.minX && box.maxX <= plotRect.maxX
        }
        var (position, style) = placement(mirrored: false)
        if !fitsSideways(position, style) {
            let (mirroredPosition, mirroredStyle) = placement(mirrored: true)
            if fitsSideways(mirroredPosition, mirroredStyle) {
                (position, style) = (mirroredPosition, mirroredStyle)
            }
        }
        let clamped = TextBox.clamp(annotation.text, at: position, style: style, into: plotRect)
        return [.text(annotation.text, clamped, style)]
    }

    /// The caption of a point marker at whichever of its four diagonal neighbourhoods
    /// (above right, above left, below right, below left, in that order of preference)
    /// covers the least of `others`.
    private func captionShape(_ marker: PointMarker, center: CanvasPoint, avoiding others: [PlotShape]) -> PlotShape? {
        guard let caption = marker.caption, !caption.isEmpty else { return nil }
        let offset = marker.size / 2 + 3
        let candidates: [(dx: Double, dy: Double, anchor: HorizontalTextAnchor, alignment: VerticalTextAlignment)] = [
            (offset, -offset, .start, .baseline), (-offset, -offset, .end, .baseline),
            (offset, offset, .start, .top), (-offset, offset, .end, .top),
        ]
        var best: (shape: PlotShape, score: Int)?
        for candidate in candidates {
            let style = TextStyle(
                fontSize: LayoutMetrics.captionFontSize, anchor: candidate.anchor,
                verticalAlignment: candidate.alignment)
            let wanted = CanvasPoint(x: center.x + candidate.dx, y: center.y + candidate.dy)
            let position = TextBox.clamp(caption, at: wanted, style: style, into: plotRect)
            let box = TextBox.bounds(of: caption, at: position, style: style)
            // Moving the text to fit the frame counts against a candidate, as does
            // sitting on the marker itself.
            let moved = position == wanted ? 0 : 3
            let score = Occupancy.score(of: box, against: others) + moved
            if best == nil || score < best!.score {
                best = (.text(caption, position, style), score)
            }
        }
        return best?.shape
    }
}

/// One placeable position of a band: its pixel x and the pixel y of both edges.
private struct BandSample {
    var x: Double
    var lowerY: Double
    var upperY: Double
}
