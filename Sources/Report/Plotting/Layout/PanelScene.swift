/// Everything needed to draw one panel: its layout, its data as clipped shapes, and
/// its legend with the place chosen for it.
struct PanelScene: Sendable {
    /// The panel as described.
    let panel: Panel
    /// Plot area, transforms and ticks.
    let layout: PanelLayout
    /// The layers as shapes, in layer order.
    let shapes: [PlotShape]
    /// The legend rows; empty for no legend.
    let legendEntries: [LegendEntry]
    /// The legend box, or `nil` for no legend.
    let legendRect: CanvasRect?

    /// The inside corners in the order in which ``LegendPlacement/best`` prefers them
    /// when they cover equally little.
    static let cornerPreference: [LegendPlacement] = [.topRight, .topLeft, .bottomRight, .bottomLeft]

    /// Lays out `panel` in `cell` for the given ranges and places its legend.
    init(panel: Panel, cell: CanvasRect, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
        let colors = SeriesColors.resolve(panel.layers)
        let entries = panel.legend == .none ? [] : LegendEntry.entries(of: panel.layers, colors: colors)
        let size = LegendEntry.boxSize(of: entries)

        func layout(outside: Bool) -> PanelLayout {
            PanelLayout(
                panel: panel, cell: cell, xRange: xRange, yRange: yRange,
                reservedRightWidth: outside ? size.width + LayoutMetrics.legendOutsideGap : 0)
        }
        func shapes(_ layout: PanelLayout) -> [PlotShape] {
            LayerGeometry(plotRect: layout.plotRect, xTransform: layout.xTransform, yTransform: layout.yTransform)
                .shapes(of: panel.layers, colors: colors)
        }
        func outsideRect(_ layout: PanelLayout) -> CanvasRect {
            CanvasRect(
                x: layout.plotRect.maxX + LayoutMetrics.legendOutsideGap, y: layout.plotRect.minY,
                width: size.width, height: size.height)
        }

        guard !entries.isEmpty else {
            let inside = layout(outside: false)
            self.init(panel: panel, layout: inside, shapes: shapes(inside), entries: [], legendRect: nil)
            return
        }
        switch panel.legend {
        case .none:
            let inside = layout(outside: false)
            self.init(panel: panel, layout: inside, shapes: shapes(inside), entries: [], legendRect: nil)
        case .outsideRight:
            let outside = layout(outside: true)
            self.init(panel: panel, layout: outside, shapes: shapes(outside), entries: entries, legendRect: outsideRect(outside))
        case .topLeft, .topRight, .bottomLeft, .bottomRight:
            let inside = layout(outside: false)
            let rect = PanelScene.cornerRect(panel.legend, in: inside.plotRect, width: size.width, height: size.height)
            self.init(panel: panel, layout: inside, shapes: shapes(inside), entries: entries, legendRect: rect)
        case .best:
            let inside = layout(outside: false)
            let insideShapes = shapes(inside)
            let plot = inside.plotRect
            let fits = size.width <= plot.width - 2 * LayoutMetrics.legendInset
                && size.height <= plot.height - 2 * LayoutMetrics.legendInset
            var best: (rect: CanvasRect, score: Int)?
            if fits {
                for corner in PanelScene.cornerPreference {
                    let rect = PanelScene.cornerRect(corner, in: plot, width: size.width, height: size.height)
                    let score = Occupancy.score(of: rect, against: insideShapes)
                    if best == nil || score < best!.score {
                        best = (rect, score)
                    }
                }
            }
            if let best, best.score == 0 {
                self.init(panel: panel, layout: inside, shapes: insideShapes, entries: entries, legendRect: best.rect)
            } else {
                let outside = layout(outside: true)
                self.init(panel: panel, layout: outside, shapes: shapes(outside), entries: entries, legendRect: outsideRect(outside))
            }
        }
    }

    private init(panel: Panel, layout: PanelLayout, shapes: [PlotShape], entries: [LegendEntry], legendRect: CanvasRect?) {
        self.panel = panel
        self.layout = layout
        self.shapes = shapes
        self.legendEntries = entries
        self.legendRect = legendRect
    }

    /// The legend box in an inside corner of `plot`.
    static func cornerRect(_ corner: LegendPlacement, in plot: CanvasRect, width: Double, height: Double) -> CanvasRect {
        let inset = LayoutMetrics.legendInset
        let left = plot.minX + inset
        let right = plot.maxX - inset - width
        let top = plot.minY + inset
        let bottom = plot.maxY - inset - height
        switch corner {
        case .topLeft: return CanvasRect(x: left, y: top, width: width, height: height)
        case .bottomLeft: return CanvasRect(x: left, y: bottom, width: width, height: height)
        case .bottomRight: return CanvasRect(x: right, y: bottom, width: width, height: height)
        default: return CanvasRect(x: right, y: top, width: width, height: height)
        }
    }
}
