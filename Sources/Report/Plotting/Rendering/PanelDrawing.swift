/// Draws one laid-out panel: grid, data, frame, ticks, labels, title, legend.
enum PanelDrawing {
    /// Draws `scene` into `renderer`, data beneath the frame and the legend on top.
    static func draw<R: Renderer>(_ scene: PanelScene, into renderer: inout R) {
        typealias M = LayoutMetrics
        let layout = scene.layout
        let plot = layout.plotRect
        let xPixels = layout.xTicks.values.compactMap(layout.xTransform.pixel)
        let yPixels = layout.yTicks.values.compactMap(layout.yTransform.pixel)

        if scene.panel.showsGrid {
            let grid = StrokeStyle(color: .gridGray, width: M.gridWidth)
            for x in xPixels {
                renderer.drawPolyline([CanvasPoint(x: x, y: plot.minY), CanvasPoint(x: x, y: plot.maxY)], stroke: grid)
            }
            for y in yPixels {
                renderer.drawPolyline([CanvasPoint(x: plot.minX, y: y), CanvasPoint(x: plot.maxX, y: y)], stroke: grid)
            }
        }

        for shape in scene.shapes {
            shape.draw(into: &renderer)
        }

        let axisStroke = StrokeStyle(color: .black, width: M.frameWidth)
        renderer.drawRect(plot, fill: nil, stroke: axisStroke)
        drawTicks(layout, into: &renderer)
        drawAxisLabels(scene, into: &renderer)

        // Title lines stack upwards from just above the plot area.
        let titleStyle = TextStyle(fontSize: M.panelTitleFontSize, isBold: true, anchor: .middle)
        let titleLineHeight = TextWrapping.lineSpacingEm * M.panelTitleFontSize
        for (index, line) in layout.titleLines.reversed().enumerated() {
            let position = CanvasPoint(x: plot.midX, y: plot.minY - M.titleGap - Double(index) * titleLineHeight)
            let clamped = TextBox.clamp(line, at: position, style: titleStyle, into: layout.cell, margin: M.outerPadding)
            renderer.drawText(line, at: clamped, style: titleStyle)
        }
        if let rect = scene.legendRect {
            LegendDrawing.draw(scene.legendEntries, in: rect, into: &renderer)
        }
    }

    /// Outward tick marks on the bottom and left edges, with their labels.
    private static func drawTicks<R: Renderer>(_ layout: PanelLayout, into renderer: inout R) {
        typealias M = LayoutMetrics
        let plot = layout.plotRect
        let stroke = StrokeStyle(color: .black, width: M.frameWidth)
        let labelStyleX = TextStyle(fontSize: M.tickFontSize, anchor: .middle, verticalAlignment: .top)
        let labelStyleY = TextStyle(fontSize: M.tickFontSize, anchor: .end, verticalAlignment: .middle)

        for value in layout.xTicks.minor {
            guard let x = layout.xTransform.pixel(value) else { continue }
            renderer.drawPolyline(
                [CanvasPoint(x: x, y: plot.maxY), CanvasPoint(x: x, y: plot.maxY + M.minorTickLength)], stroke: stroke)
        }
        for tick in layout.xTicks.major {
            guard let x = layout.xTransform.pixel(tick.value) else { continue }
            renderer.drawPolyline(
                [CanvasPoint(x: x, y: plot.maxY), CanvasPoint(x: x, y: plot.maxY + M.majorTickLength)], stroke: stroke)
            let labelY = plot.maxY + M.majorTickLength + M.tickLabelGap
            renderer.drawText(tick.label, at: CanvasPoint(x: x, y: labelY), style: labelStyleX)
        }
        for value in layout.yTicks.minor {
            guard let y = layout.yTransform.pixel(value) else { continue }
            renderer.drawPolyline(
                [CanvasPoint(x: plot.minX - M.minorTickLength, y: y), CanvasPoint(x: plot.minX, y: y)], stroke: stroke)
        }
        for tick in layout.yTicks.major {
            guard let y = layout.yTransform.pixel(tick.value) else { continue }
            renderer.drawPolyline(
                [CanvasPoint(x: plot.minX - M.majorTickLength, y: y), CanvasPoint(x: plot.minX, y: y)], stroke: stroke)
            let labelX = plot.minX - M.majorTickLength - M.tickLabelGap
            renderer.drawText(tick.label, at: CanvasPoint(x: labelX, y: y), style: labelStyleY)
        }
    }

    /// The axis labels, wrapped as the layout decided: centred below the x tick labels,
    /// and rotated to read upwards at the left edge of the cell.
    private static func drawAxisLabels<R: Renderer>(_ scene: PanelScene, into renderer: inout R) {
        typealias M = LayoutMetrics
        let plot = scene.layout.plotRect
        let lineHeight = TextWrapping.lineSpacingEm * M.axisLabelFontSize
        let xStyle = TextStyle(fontSize: M.axisLabelFontSize, anchor: .middle, verticalAlignment: .top)
        let xTop = plot.maxY + M.majorTickLength + M.tickLabelGap + M.tickFontSize * TextMetrics.capHeightEm
            + M.axisLabelGap
        for (index, line) in scene.layout.xLabelLines.enumerated() {
            let wanted = CanvasPoint(x: plot.midX, y: xTop + Double(index) * lineHeight)
            let clamped = TextBox.clamp(line, at: wanted, style: xStyle, into: scene.layout.cell, margin: M.outerPadding)
            renderer.drawText(line, at: clamped, style: xStyle)
        }
        // Rotated by −90°, a line's baseline is vertical and its letters rise leftwards
        // from it; further lines follow to the right. Each line is centred on the plot
        // area and kept within its height when it fits.
        let cell = scene.layout.cell
        let yStyle = TextStyle(fontSize: M.axisLabelFontSize, anchor: .middle, rotationDegrees: -90)
        let firstBaseline = cell.minX + M.outerPadding + M.axisLabelFontSize * TextMetrics.capHeightEm
        for (index, line) in scene.layout.yLabelLines.enumerated() {
            let halfLength = TextMetrics.width(of: line, fontSize: M.axisLabelFontSize) / 2
            var y = plot.midY
            if 2 * halfLength <= plot.height {
                y = min(max(y, plot.minY + halfLength), plot.maxY - halfLength)
            }
            let x = firstBaseline + Double(index) * lineHeight
            renderer.drawText(line, at: CanvasPoint(x: x, y: y), style: yStyle)
        }
    }
}
