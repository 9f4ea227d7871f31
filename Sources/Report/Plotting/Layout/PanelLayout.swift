/// Where everything of one panel goes inside its grid cell: the plot area, the axis
/// transforms and the ticks.
///
/// Margins are computed from the sizes of what they hold (estimated text widths), so
/// tick labels, axis labels and titles are neither clipped nor overlapping; the number
/// of ticks shrinks until neighbouring labels keep their distance.
struct PanelLayout: Sendable {
    /// The cell of the figure grid the panel owns.
    let cell: CanvasRect
    /// The area inside the frame where data is drawn.
    let plotRect: CanvasRect
    /// Data x to pixels.
    let xTransform: AxisTransform
    /// Data y to pixels.
    let yTransform: AxisTransform
    /// The ticks of the x axis.
    let xTicks: AxisTicks
    /// The ticks of the y axis.
    let yTicks: AxisTicks
    /// The panel title broken into lines that fit the cell.
    let titleLines: [String]
    /// The x-axis label broken into lines that fit the cell.
    let xLabelLines: [String]
    /// The y-axis label broken into lines that fit the cell's height.
    let yLabelLines: [String]

    /// Lays out `panel` in `cell` for the given data ranges, leaving
    /// `reservedRightWidth` pixels right of the plot area for an outside legend.
    init(
        panel: Panel, cell: CanvasRect, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        reservedRightWidth: Double
    ) {
        typealias M = LayoutMetrics
        self.cell = cell
        let innerWidth = cell.width - 2 * M.outerPadding
        let titleLines = TextWrapping.lines(
            of: panel.title ?? "", fontSize: M.panelTitleFontSize, isBold: true, maximumWidth: innerWidth)
        let xLabelLines = TextWrapping.lines(
            of: panel.xAxis.displayLabel, fontSize: M.axisLabelFontSize, maximumWidth: innerWidth)
        self.titleLines = titleLines
        self.xLabelLines = xLabelLines

        let titleHeight = titleLines.isEmpty
            ? 0 : TextWrapping.height(ofLines: titleLines.count, fontSize: M.panelTitleFontSize) + M.titleGap
        // Half a tick label fits above the top y tick without a title.
        let top = cell.minY + M.outerPadding + max(titleHeight, M.tickFontSize / 2)
        let xLabelHeight = xLabelLines.isEmpty
            ? 0 : M.axisLabelGap + TextWrapping.height(ofLines: xLabelLines.count, fontSize: M.axisLabelFontSize)
        let bottomMargin = M.majorTickLength + M.tickLabelGap + M.tickFontSize * TextMetrics.capHeightEm
            + xLabelHeight + M.outerPadding
        let plotHeight = max(M.minimumPlotSide, cell.maxY - bottomMargin - top)
        // The y label stays within the height of the plot area, clear of the title
        // above and the x label below.
        let yLabelLines = TextWrapping.lines(
            of: panel.yAxis.displayLabel, fontSize: M.axisLabelFontSize, maximumWidth: plotHeight)
        self.yLabelLines = yLabelLines

        let yTicks = PanelLayout.fittingTicks(axis: panel.yAxis, range: yRange) { ticks in
            let transform = AxisTransform(
                scale: panel.yAxis.scale, range: yRange,
                pixelAtLower: top + plotHeight, pixelAtUpper: top)
            let positions = ticks.values.compactMap(transform.pixel)
            return zip(positions, positions.dropFirst()).allSatisfy {
                abs($1 - $0) >= M.yTickLabelSpacingEm * M.tickFontSize
            }
        }
        let yLabelWidth = yTicks.labels.map { TextMetrics.width(of: $0, fontSize: M.tickFontSize) }.max() ?? 0
        let yTitleWidth = yLabelLines.isEmpty
            ? 0 : TextWrapping.height(ofLines: yLabelLines.count, fontSize: M.axisLabelFontSize) + M.axisLabelGap
        let baseLeft = M.outerPadding + yTitleWidth + yLabelWidth + M.tickLabelGap + M.majorTickLength

        var chosen: (ticks: AxisTicks, plot: CanvasRect)?
        for maximumCount in stride(from: NiceTicks.defaultMaximumCount, through: 2, by: -1) {
            let ticks = PanelLayout.ticks(axis: panel.xAxis, range: xRange, maximumCount: maximumCount)
            let widths = ticks.labels.map { TextMetrics.width(of: $0, fontSize: M.tickFontSize) }
            // The first and last labels are centred on their ticks and may overhang
            // the frame by half their width.
            let left = max(baseLeft, M.outerPadding + (widths.first ?? 0) / 2)
            let right = max(M.outerPadding + reservedRightWidth, M.outerPadding + (widths.last ?? 0) / 2)
            let plotWidth = max(M.minimumPlotSide, cell.width - left - right)
            let plot = CanvasRect(x: cell.minX + left, y: top, width: plotWidth, height: plotHeight)
            let transform = AxisTransform(
                scale: panel.xAxis.scale, range: xRange,
                pixelAtLower: plot.minX, pixelAtUpper: plot.maxX)
            chosen = (ticks, plot)
            let positions = ticks.values.compactMap(transform.pixel)
            let fits = positions.indices.dropFirst().allSatisfy { index in
                positions[index] - positions[index - 1]
                    >= (widths[index] + widths[index - 1]) / 2 + M.xTickLabelGap
            }
            if fits { break }
        }
        var plot = chosen?.plot ?? CanvasRect(x: cell.minX + baseLeft, y: top, width: M.minimumPlotSide, height: plotHeight)
        if panel.hasEqualAspect {
            plot = PanelLayout.equalAspect(plot, xSpan: xRange.upperBound - xRange.lowerBound, ySpan: yRange.upperBound - yRange.lowerBound)
        }
        self.plotRect = plot
        self.xTicks = chosen?.ticks ?? .empty
        self.yTicks = yTicks
        self.xTransform = AxisTransform(
            scale: panel.xAxis.scale, range: xRange,
            pixelAtLower: plot.minX, pixelAtUpper: plot.maxX)
        self.yTransform = AxisTransform(
            scale: panel.yAxis.scale, range: yRange,
            pixelAtLower: plot.maxY, pixelAtUpper: plot.minY)
    }

    /// `plot` shrunk along one axis so that a unit of x and of y span the same pixels,
    /// centred in the room it had.
    static func equalAspect(_ plot: CanvasRect, xSpan: Double, ySpan: Double) -> CanvasRect {
        guard xSpan > 0, ySpan > 0, plot.width > 0, plot.height > 0 else { return plot }
        let pixelsPerUnit = min(plot.width / xSpan, plot.height / ySpan)
        let width = xSpan * pixelsPerUnit, height = ySpan * pixelsPerUnit
        return CanvasRect(x: plot.midX - width / 2, y: plot.midY - height / 2, width: width, height: height)
    }

    /// The ticks of `axis` over `range` with at most `maximumCount` labels.
    static func ticks(axis: Axis, range: ClosedRange<Double>, maximumCount: Int) -> AxisTicks {
        if let categories = axis.categories {
            return AxisTicks(major: categories.enumerated()
                .filter { range.contains(Double($0.offset)) }
                .map { Tick(value: Double($0.offset), label: $0.element) })
        }
        switch axis.scale {
        case .linear:
            return NiceTicks.linear(lower: range.lowerBound, upper: range.upperBound, maximumCount: maximumCount)
        case .log10:
            return NiceTicks.logarithmic(lower: range.lowerBound, upper: range.upperBound, maximumCount: maximumCount)
        case .symmetricLog(let threshold):
            return NiceTicks.symmetricLog(
                lower: range.lowerBound, upper: range.upperBound, linearThreshold: threshold, maximumCount: maximumCount)
        }
    }

    /// The ticks with the most labels (at most the default maximum) that `fits` accepts,
    /// or the two-label ticks when none is accepted.
    static func fittingTicks(axis: Axis, range: ClosedRange<Double>, fits: (AxisTicks) -> Bool) -> AxisTicks {
        var ticks = AxisTicks.empty
        for maximumCount in stride(from: NiceTicks.defaultMaximumCount, through: 2, by: -1) {
            ticks = self.ticks(axis: axis, range: range, maximumCount: maximumCount)
            if fits(ticks) { break }
        }
        return ticks
    }
}
