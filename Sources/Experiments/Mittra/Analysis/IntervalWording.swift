/// How the paper words a 95 % interval of λ against λ = 0 (docs/PROTOCOL.md §2): "consistent
/// with λ = 0" only when the interval contains 0 AND lies within ±`negligible` (the chaos
/// threshold: a λ the claim-1 rule would not call positive). An interval that contains 0 but
/// reaches beyond that does not exclude a positive (or negative) λ, and is worded so.
public enum IntervalWording: Equatable, Sendable {
    /// The interval lies above 0.
    case positive
    /// The interval lies below 0.
    case negative
    /// The interval contains 0 and lies within ±negligible.
    case consistentWithZero
    /// The interval contains 0 but reaches above +negligible (and maybe below −negligible).
    case wideAboveZero
    /// The interval contains 0 but reaches below −negligible only.
    case wideBelowZero

    /// The wording of the interval [`low`, `high`] with the margin `negligible` ≥ 0; NaN
    /// bounds give ``wideAboveZero`` (nothing is excluded).
    public static func of(low: Double, high: Double, negligible: Double) -> IntervalWording {
        guard low.isFinite, high.isFinite else { return .wideAboveZero }
        if low > 0 { return .positive }
        if high < 0 { return .negative }
        if high > negligible { return .wideAboveZero }
        if low < -negligible { return .wideBelowZero }
        return .consistentWithZero
    }

    /// The wording in the paper; `negligible` and `high`/`low` are printed by the caller's
    /// formatter.
    public func sentence(low: String, high: String, negligible: String) -> String {
        switch self {
        case .positive: return "above λ = 0"
        case .negative: return "below λ = 0"
        case .consistentWithZero: return "consistent with λ = 0 (the interval lies within ±\(negligible))"
        case .wideAboveZero:
            return "the interval includes 0 but is wide: the data do not exclude a positive λ up to \(high)"
        case .wideBelowZero:
            return "the interval includes 0 but is wide: the data do not exclude a negative λ down to \(low)"
        }
    }
}
