/// One thing drawn in a panel's plot area. Layers are drawn in the order the panel
/// lists them (later layers on top), so a band listed before its line sits beneath it.
public enum Layer: Sendable, Equatable {
    /// A curve through points.
    case line(LineSeries)
    /// Unconnected markers.
    case scatter(ScatterSeries)
    /// A filled region between two curves.
    case band(BandSeries)
    /// Vertical error bars.
    case errorBars(ErrorBarSeries)
    /// A horizontal or vertical line across the plot.
    case referenceLine(ReferenceLine)
    /// Text at a data position.
    case annotation(TextAnnotation)
    /// A highlighted special point with a caption.
    case pointMarker(PointMarker)
}
