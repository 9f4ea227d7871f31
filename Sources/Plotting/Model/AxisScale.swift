/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Hashable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios (decades); values ≤ 0 cannot be placed and are
    /// skipped when drawing.
    case log10

    /// Whether `value` can be placed on an axis of this scale: finite, and positive on a
    /// logarithmic axis.
    public func accepts(_ value: Double) -> Bool {
        switch self {
        case .linear: return value.isFinite
        case .log10: return value.isFinite && value > 0
        }
    }
}
