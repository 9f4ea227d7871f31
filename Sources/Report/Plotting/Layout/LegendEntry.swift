/// One row of a legend: a small sample of how a layer looks, and its label.
struct LegendEntry: Sendable, Equatable {
    /// How the sample is drawn.
    enum Sample: Sendable, Equatable {
        /// A short line, with a marker in its middle when the series has markers.
        case line(StrokeStyle, marker: MarkerShape?, markerSize: Double)
        /// A single marker.
        case marker(MarkerShape, size: Double, fill: FillStyle, stroke: StrokeStyle?)
        /// A filled swatch.
        case band(FillStyle)
        /// A short vertical bar with caps, and a marker at its centre if the series has one.
        case errorBar(StrokeStyle, marker: MarkerShape?, markerSize: Double)
    }

    /// The entry text.
    var label: String
    /// The sample drawn before it.
    var sample: Sample

    /// The entries of the labelled layers, in layer order.
    static func entries(of layers: [Layer], colors: [Color]) -> [LegendEntry] {
        zip(layers, colors).compactMap { layer, color in
            switch layer {
            case .line(let series):
                guard let label = series.label else { return nil }
                let stroke = StrokeStyle(color: color, width: series.width, dash: series.dash)
                return LegendEntry(label: label, sample: .line(stroke, marker: series.marker, markerSize: series.markerSize))
            case .scatter(let series):
                guard let label = series.label else { return nil }
                return LegendEntry(label: label, sample: .marker(
                    series.shape, size: series.size,
                    fill: FillStyle(color: color, opacity: series.opacity),
                    stroke: StrokeStyle(color: color, width: 0.75)))
            case .band(let band):
                guard let label = band.label else { return nil }
                return LegendEntry(label: label, sample: .band(FillStyle(color: color, opacity: band.opacity)))
            case .errorBars(let bars):
                guard let label = bars.label else { return nil }
                let stroke = StrokeStyle(color: color, width: bars.width)
                return LegendEntry(label: label, sample: .errorBar(stroke, marker: bars.marker, markerSize: bars.markerSize))
            case .referenceLine(let line):
                guard let label = line.label else { return nil }
                let stroke = StrokeStyle(color: line.color, width: line.width, dash: line.dash)
                return LegendEntry(label: label, sample: .line(stroke, marker: nil, markerSize: 0))
            case .annotation:
                return nil
            case .pointMarker(let marker):
                guard let label = marker.label else { return nil }
                return LegendEntry(label: label, sample: .marker(
                    marker.shape, size: marker.size, fill: FillStyle(color: marker.color),
                    stroke: StrokeStyle(color: .black, width: 1)))
            }
        }
    }

    /// The size of the legend box holding `entries`.
    static func boxSize(of entries: [LegendEntry]) -> (width: Double, height: Double) {
        let textWidth = entries.map { TextMetrics.width(of: $0.label, fontSize: LayoutMetrics.legendFontSize) }.max() ?? 0
        let width = 2 * LayoutMetrics.legendPadding + LayoutMetrics.legendSwatchWidth
            + LayoutMetrics.legendSwatchGap + textWidth
        let height = 2 * LayoutMetrics.legendPadding + Double(entries.count) * LayoutMetrics.legendRowHeight
        return (width, height)
    }
}
