/// Where a sampled series first turns positive, e.g. the learning rate at which the
/// Lyapunov exponent λ(η) crosses zero (docs/PROTOCOL.md §3, "the chaos-onset η").
public enum ZeroCrossing: Sendable, Equatable {
    /// The series goes from ≤ 0 at x₍ᵢ₋₁₎ to > 0 at x₍ᵢ₎ for the first time, crossing zero at `x`
    /// (linear interpolation between the two grid points; x₍ᵢ₋₁₎ itself when y₍ᵢ₋₁₎ = 0).
    case crossing(x: Double)
    /// Every value is > 0: the series is positive over the whole grid.
    case alwaysPositive
    /// Every value is ≤ 0: the series never becomes positive on the grid.
    case neverPositive
    /// The series starts > 0 and later falls to ≤ 0 without ever rising above 0 again, so
    /// there is no upward crossing although the series is not of one sign.
    case onlyDownwardCrossings
}

/// Detects the first upward zero crossing of a series sampled on an ascending grid.
public enum SignChange {
    /// The first x at which `y` goes from ≤ 0 to > 0.
    ///
    /// Scanning i = 1, 2, … for the first pair with y₍ᵢ₋₁₎ ≤ 0 < y₍ᵢ₎, the crossing is the
    /// root of the chord: x₍ᵢ₋₁₎ + (x₍ᵢ₎ − x₍ᵢ₋₁₎) · (−y₍ᵢ₋₁₎)/(y₍ᵢ₎ − y₍ᵢ₋₁₎). If the
    /// interpolation should happen in another coordinate (e.g. log η), pass x in that
    /// coordinate and transform the result back.
    ///
    /// - Parameters:
    ///   - x: the grid, strictly increasing, finite, at least one point.
    ///   - y: the series at each grid point, finite, same length as `x`.
    public static func firstUpwardCrossing(x: [Double], y: [Double]) throws(StatisticsError) -> ZeroCrossing {
        let quantity = "first upward zero crossing"
        try InputValidation.requirePairs(x, y, minimum: 1, quantity: quantity)
        for i in x.indices.dropFirst() where !(x[i] > x[i - 1]) {
            throw .gridNotIncreasing(quantity: quantity, index: i)
        }
        for i in y.indices.dropFirst() where y[i - 1] <= 0 && y[i] > 0 {
            let fraction = -y[i - 1] / (y[i] - y[i - 1])
            return .crossing(x: x[i - 1] + (x[i] - x[i - 1]) * fraction)
        }
        if y.allSatisfy({ $0 > 0 }) { return .alwaysPositive }
        if y.allSatisfy({ $0 <= 0 }) { return .neverPositive }
        return .onlyDownwardCrossings
    }
}
