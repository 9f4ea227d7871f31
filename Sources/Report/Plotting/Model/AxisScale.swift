import Foundation

/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Hashable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios (decades); values ≤ 0 cannot be placed and are
    /// skipped when drawing.
    case log10
    /// The symmetric logarithm (matplotlib's "symlog", Webber 2013, Meas. Sci. Technol.
    /// 24, 027001): position sign(x) · log10(1 + |x|/c) with c = `linearThreshold` > 0.
    /// Linear within about ±c, logarithmic beyond, defined for every finite value, so
    /// that 0, 1e-4 and 0.5 are all visible on one axis.
    case symmetricLog(linearThreshold: Double)

    /// Whether `value` can be placed on an axis of this scale: finite, and positive on a
    /// logarithmic axis.
    public func accepts(_ value: Double) -> Bool {
        switch self {
        case .linear, .symmetricLog: return value.isFinite
        case .log10: return value.isFinite && value > 0
        }
    }

    /// The coordinate in which the axis is linear in pixels: x, log10 x, or the symmetric log.
    public func position(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log10: return Foundation.log10(value)
        case .symmetricLog(let c): return (value < 0 ? -1 : 1) * Foundation.log10(1 + abs(value) / c)
        }
    }

    /// The inverse of ``position(_:)``.
    public func value(atPosition position: Double) -> Double {
        switch self {
        case .linear: return position
        case .log10: return pow(10, position)
        case .symmetricLog(let c): return (position < 0 ? -1 : 1) * c * (pow(10, abs(position)) - 1)
        }
    }
}
