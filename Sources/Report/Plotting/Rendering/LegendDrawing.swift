/// Draws a legend box: a white, slightly translucent background with a light border,
/// then one row per entry with its sample and label.
enum LegendDrawing {
    /// The border colour of the legend box.
    static let borderColor = Color(hex: 0xB3B3B3)

    /// Draws `entries` in `rect`.
    static func draw<R: Renderer>(_ entries: [LegendEntry], in rect: CanvasRect, into renderer: inout R) {
        typealias M = LayoutMetrics
        renderer.drawRect(
            rect, fill: FillStyle(color: .white, opacity: 0.9), stroke: StrokeStyle(color: borderColor, width: 0.8))
        let textStyle = TextStyle(fontSize: M.legendFontSize, verticalAlignment: .middle)
        for (row, entry) in entries.enumerated() {
            let centerY = rect.minY + M.legendPadding + (Double(row) + 0.5) * M.legendRowHeight
            let swatchLeft = rect.minX + M.legendPadding
            let swatch = CanvasRect(
                x: swatchLeft, y: centerY - M.legendRowHeight / 2, width: M.legendSwatchWidth, height: M.legendRowHeight)
            drawSample(entry.sample, in: swatch, into: &renderer)
            let textX = swatchLeft + M.legendSwatchWidth + M.legendSwatchGap
            renderer.drawText(entry.label, at: CanvasPoint(x: textX, y: centerY), style: textStyle)
        }
    }

    /// Draws a figure's shared legend in the band of `height` pixels at the bottom of a
    /// canvas `width` × `canvasHeight`: each row centred, entries left to right.
    static func draw<R: Renderer>(_ legend: FigureLegend, width: Double, canvasHeight: Double, into renderer: inout R) {
        typealias M = LayoutMetrics
        let textStyle = TextStyle(fontSize: M.legendFontSize, verticalAlignment: .middle)
        let top = canvasHeight - legend.bandHeight + M.legendPadding
        for (index, row) in legend.rows.enumerated() {
            let centerY = top + (Double(index) + 0.5) * M.legendRowHeight
            var x = max(M.outerPadding, (width - FigureLegend.width(ofRow: row)) / 2)
            for entry in row {
                let swatch = CanvasRect(
                    x: x, y: centerY - M.legendRowHeight / 2, width: M.legendSwatchWidth, height: M.legendRowHeight)
                drawSample(entry.sample, in: swatch, into: &renderer)
                renderer.drawText(
                    entry.label, at: CanvasPoint(x: x + M.legendSwatchWidth + M.legendSwatchGap, y: centerY), style: textStyle)
                x += FigureLegend.width(of: entry) + FigureLegend.entryGap
            }
        }
    }

    /// Draws a sample centred in `swatch`.
    private static func drawSample<R: Renderer>(_ sample: LegendEntry.Sample, in swatch: CanvasRect, into renderer: inout R) {
        let center = CanvasPoint(x: swatch.midX, y: swatch.midY)
        switch sample {
        case let .line(stroke, marker, markerSize):
            renderer.drawPolyline(
                [CanvasPoint(x: swatch.minX, y: center.y), CanvasPoint(x: swatch.maxX, y: center.y)], stroke: stroke)
            if let marker {
                MarkerGeometry.draw(marker, at: center, size: markerSize, fill: FillStyle(color: stroke.color), stroke: nil, into: &renderer)
            }
        case let .marker(shape, size, fill, stroke):
            MarkerGeometry.draw(shape, at: center, size: min(size, swatch.height - 4), fill: fill, stroke: stroke, into: &renderer)
        case let .band(fill):
            let box = CanvasRect(x: swatch.minX, y: swatch.minY + 3, width: swatch.width, height: swatch.height - 6)
            renderer.drawRect(box, fill: fill, stroke: nil)
        case let .errorBar(stroke, marker, markerSize):
            let half = swatch.height / 2 - 2
            let top = CanvasPoint(x: center.x, y: center.y - half)
            let bottom = CanvasPoint(x: center.x, y: center.y + half)
            renderer.drawPolyline([top, bottom], stroke: stroke)
            for end in [top, bottom] {
                renderer.drawPolyline([CanvasPoint(x: end.x - 3, y: end.y), CanvasPoint(x: end.x + 3, y: end.y)], stroke: stroke)
            }
            if let marker {
                MarkerGeometry.draw(marker, at: center, size: markerSize, fill: FillStyle(color: stroke.color), stroke: nil, into: &renderer)
            }
        }
    }
}
