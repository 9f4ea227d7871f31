/// Checks of a figure's shape and settings before anything is laid out.
extension Figure {
    /// The smallest panel cell, in pixels, that still leaves room for axes and labels.
    static let minimumCellWidth = 160.0
    /// The smallest panel cell height, in pixels.
    static let minimumCellHeight = 120.0

    /// How far, in pixels, estimated text boxes may reach past the canvas edge (rounding
    /// of the estimate) before the text counts as clipped.
    static let canvasTolerance = 0.5

    /// Throws the first mistake found: an empty grid, too many panels, a figure too
    /// small for its grid, an invalid fixed range, coordinate arrays of different
    /// lengths, a style value out of range; then, with the figure laid out, text that
    /// would print under ``PrintColumn/minimumFontPoints`` at column width or that
    /// leaves the canvas. Data values are not checked: unplaceable points are skipped
    /// when drawing.
    public func validate() throws(PlotConfigurationError) {
        try validateConfiguration()
        try validateText()
    }

    /// The checks of the description alone (before layout).
    func validateConfiguration() throws(PlotConfigurationError) {
        guard rows >= 1, columns >= 1 else {
            throw .invalidGrid(rows: rows, columns: columns)
        }
        let (cellCount, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, panels.count <= cellCount else {
            throw .tooManyPanels(panelCount: panels.count, cellCount: overflow ? Int.max : cellCount)
        }
        let titleHeight = title == nil ? 0 : Figure.titleBandHeight
        let cellWidth = width / Double(columns)
        let cellHeight = (height - titleHeight - FigureLegend(figure: self).bandHeight) / Double(rows)
        guard width.isFinite, height.isFinite,
              cellWidth >= Figure.minimumCellWidth, cellHeight >= Figure.minimumCellHeight
        else {
            throw .figureTooSmall(
                width: width, height: height,
                minimumCellWidth: Figure.minimumCellWidth, minimumCellHeight: Figure.minimumCellHeight)
        }
        for (index, panel) in panels.enumerated() {
            try panel.validate(index: index)
        }
    }

    /// Lays the figure out and checks every text it draws: printed size at column width
    /// (``PrintColumn``) and its estimated box (``TextMetrics``) inside the canvas.
    func validateText() throws(PlotConfigurationError) {
        var audit = TextAudit()
        drawValidated(self, into: &audit)
        let name = title ?? "untitled figure"
        let canvas = CanvasRect(x: 0, y: 0, width: width, height: height).expanded(by: Figure.canvasTolerance)
        for entry in audit.entries where !entry.text.isEmpty {
            let points = PrintColumn.printedPoints(fontSize: entry.style.fontSize, figureWidth: width)
            guard points >= PrintColumn.minimumFontPoints else {
                throw .textTooSmall(figure: name, text: entry.text, fontSize: entry.style.fontSize, figureWidth: width)
            }
            let box = entry.bounds
            guard canvas.contains(CanvasPoint(x: box.minX, y: box.minY)), canvas.contains(CanvasPoint(x: box.maxX, y: box.maxY)) else {
                throw .textOutsideCanvas(figure: name, text: entry.text, box: box, width: width, height: height)
            }
        }
    }
}

extension Panel {
    /// Throws the first mistake in this panel; `index` names it in the error.
    func validate(index: Int) throws(PlotConfigurationError) {
        for (axis, name) in [(xAxis, "x"), (yAxis, "y")] {
            if let range = axis.fixedRange {
                let finite = range.lowerBound.isFinite && range.upperBound.isFinite
                let positive = axis.scale != .log10 || range.lowerBound > 0
                guard finite, positive, range.lowerBound < range.upperBound else {
                    throw .invalidFixedRange(
                        panel: index, axis: name, lower: range.lowerBound, upper: range.upperBound)
                }
            }
            try Self.check(axis.padding, in: 0...0.5, field: "\(name)Axis.padding", panel: index, layer: nil)
            if let categories = axis.categories, categories.isEmpty || axis.scale != .linear {
                throw .invalidStyleValue(
                    panel: index, layer: nil, field: "\(name)Axis.categories (count \(categories.count))",
                    value: Double(categories.count), allowed: "at least one category, on a linear axis")
            }
        }
        if hasEqualAspect, xAxis.scale != .linear || yAxis.scale != .linear {
            throw .invalidStyleValue(
                panel: index, layer: nil, field: "hasEqualAspect with a non-linear axis", value: 1,
                allowed: "linear x and y axes")
        }
        for (layerIndex, layer) in layers.enumerated() {
            try layer.validate(panel: index, layer: layerIndex)
        }
    }

    /// Throws unless `value` lies in `allowed`.
    static func check(
        _ value: Double, in allowed: ClosedRange<Double>, field: String, panel: Int, layer: Int?
    ) throws(PlotConfigurationError) {
        guard allowed.contains(value) else {
            throw .invalidStyleValue(
                panel: panel, layer: layer, field: field, value: value,
                allowed: "\(allowed.lowerBound)...\(allowed.upperBound)")
        }
    }
}

extension Layer {
    /// Throws the first mistake in this layer.
    func validate(panel: Int, layer: Int) throws(PlotConfigurationError) {
        func check(_ value: Double, _ allowed: ClosedRange<Double>, _ field: String) throws(PlotConfigurationError) {
            try Panel.check(value, in: allowed, field: field, panel: panel, layer: layer)
        }
        func checkLengths(_ counts: [Int]) throws(PlotConfigurationError) {
            guard Set(counts).count <= 1 else {
                throw .mismatchedLengths(panel: panel, layer: layer, counts: counts)
            }
        }
        func checkDash(_ dash: DashPattern) throws(PlotConfigurationError) {
            for length in dash.lengths {
                try check(length, 0...1000, "dash length")
            }
            guard dash.isSolid || dash.lengths.contains(where: { $0 > 0 }) else {
                throw .invalidStyleValue(
                    panel: panel, layer: layer, field: "dash lengths", value: 0,
                    allowed: "a pattern with at least one positive length")
            }
        }
        switch self {
        case .line(let series):
            try checkLengths([series.x.count, series.y.count])
            try check(series.width, 0...100, "width")
            try check(series.markerSize, 0...100, "markerSize")
            try checkDash(series.dash)
        case .scatter(let series):
            try checkLengths([series.x.count, series.y.count])
            try check(series.size, 0...100, "size")
            try check(series.opacity, 0...1, "opacity")
        case .band(let band):
            try checkLengths([band.x.count, band.lower.count, band.upper.count])
            try check(band.opacity, 0...1, "opacity")
        case .errorBars(let bars):
            try checkLengths([bars.x.count, bars.y.count, bars.lower.count, bars.upper.count])
            try check(bars.width, 0...100, "width")
            try check(bars.capWidth, 0...100, "capWidth")
            try check(bars.markerSize, 0...100, "markerSize")
        case .referenceLine(let line):
            try check(line.width, 0...100, "width")
            try checkDash(line.dash)
        case .annotation(let annotation):
            try check(annotation.fontSize, 1...200, "fontSize")
            try check(annotation.offsetX, -10_000...10_000, "offsetX")
            try check(annotation.offsetY, -10_000...10_000, "offsetY")
        case .pointMarker(let marker):
            try check(marker.size, 0...100, "size")
        }
    }
}
