/// The colour of every layer of a panel: its own colour if it has one, otherwise the
/// next colour of ``Palette/okabeIto`` in layer order. Only data series (lines,
/// scatters, bands, error bars) without a colour take palette colours, so reference
/// lines and annotations do not shift the series colours.
enum SeriesColors {
    /// One colour per layer, in layer order.
    static func resolve(_ layers: [Layer]) -> [Color] {
        var nextPaletteIndex = 0
        func next(_ explicit: Color?) -> Color {
            if let explicit { return explicit }
            defer { nextPaletteIndex += 1 }
            return Palette.color(at: nextPaletteIndex)
        }
        return layers.map { layer in
            switch layer {
            case .line(let series): return next(series.color)
            case .scatter(let series): return next(series.color)
            case .band(let band): return next(band.color)
            case .errorBars(let bars): return next(bars.color)
            case .referenceLine(let line): return line.color
            case .annotation(let annotation): return annotation.color
            case .pointMarker(let marker): return marker.color
            }
        }
    }
}
