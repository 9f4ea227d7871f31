/// Sample quantiles by linear interpolation between order statistics: Hyndman & Fan
/// (1996) definition 7, which is R's default `type = 7` and numpy's default
/// `method = "linear"`.
///
/// For sorted values x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ (0-based) and probability p ∈ [0, 1]:
/// h = (n − 1) p, j = ⌊h⌋, γ = h − j, and Q(p) = x₍ⱼ₎ + γ (x₍ⱼ₊₁₎ − x₍ⱼ₎)
/// (Q(1) = x₍ₙ₋₁₎). The interpolation is evaluated as numpy's `_lerp` does, from the
/// nearer end point, so Q is exact at the order statistics and monotone in p.
public enum Quantiles {
    /// The type-7 quantile of `values` at probability `probability` ∈ [0, 1]; n ≥ 1.
    public static func quantile(_ values: [Double], _ probability: Double) throws(StatisticsError) -> Double {
        try quantiles(values, [probability])[0]
    }

    /// Type-7 quantiles of `values` at each of `probabilities` (sorting once); n ≥ 1.
    public static func quantiles(
        _ values: [Double], _ probabilities: [Double]
    ) throws(StatisticsError) -> [Double] {
        try InputValidation.requireSample(values, minimum: 1, quantity: "quantile")
        for p in probabilities where !(p >= 0 && p <= 1) {
            throw .probabilityOutOfRange(quantity: "quantile", value: p)
        }
        let sorted = values.sorted()
        return probabilities.map { sortedQuantile(sorted, $0) }
    }

    /// The median, Q(0.5) (the mean of the two middle values when n is even); n ≥ 1.
    public static func median(_ values: [Double]) throws(StatisticsError) -> Double {
        try quantile(values, 0.5)
    }

    /// The inter-quartile range Q(0.75) − Q(0.25) with type-7 quartiles; n ≥ 1.
    public static func interquartileRange(_ values: [Double]) throws(StatisticsError) -> Double {
        let q = try quantiles(values, [0.25, 0.75])
        return q[1] - q[0]
    }

    /// Type-7 quantile of already sorted, finite, non-empty values; p ∈ [0, 1].
    static func sortedQuantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lowerIndex = Int(h.rounded(.down))
        guard lowerIndex < sorted.count - 1 else { return sorted[sorted.count - 1] }
        let gamma = h - Double(lowerIndex)
        let lower = sorted[lowerIndex]
        let upper = sorted[lowerIndex + 1]
        let difference = upper - lower
        return gamma < 0.5 ? lower + difference * gamma : upper - difference * (1 - gamma)
    }
}
