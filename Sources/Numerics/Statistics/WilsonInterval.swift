/// The Wilson score interval for a binomial proportion (Wilson 1927, J. Am. Stat. Assoc.
/// 22, 209–212; method 3 of Newcombe 1998, Stat. Med. 17, 857–872): with p̂ = k/n and
/// z the (1 + level)/2 normal quantile,
///
///     centre = (p̂ + z²/2n) / (1 + z²/n),
///     half width = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
///
/// Unlike the Wald interval p̂ ± z√(p̂(1 − p̂)/n) it stays inside [0, 1] and does not
/// collapse to a point at k = 0 or k = n, which is why it describes the fraction of
/// chaotic seeds per cell (docs/PROTOCOL.md §2, "Lessons from the first full run").
public struct WilsonInterval: Sendable, Equatable {
    /// k, the number of successes.
    public let successes: Int
    /// n, the number of trials.
    public let trials: Int
    /// The lower end of the interval.
    public let lower: Double
    /// The upper end of the interval.
    public let upper: Double

    /// The interval for `successes` of `trials` at confidence `level` (default 95 %).
    /// Throws unless 0 ≤ successes ≤ trials, trials ≥ 1 and 0 < level < 1.
    public init(successes: Int, trials: Int, level: Double = 0.95) throws(StatisticsError) {
        try InputValidation.requireLevel(level)
        guard trials >= 1 else { throw .tooFewValues(quantity: "Wilson interval", required: 1, actual: trials) }
        guard successes >= 0, successes <= trials else {
            throw .invalidParameter(quantity: "Wilson interval", name: "successes", value: Double(successes))
        }
        let z = try NormalDistribution.standard.quantile(0.5 + 0.5 * level)
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        self.successes = successes
        self.trials = trials
        // At k = 0 (k = n) the lower (upper) end is 0 (1) exactly; clamp the round-off.
        lower = successes == 0 ? 0 : max(0, centre - half)
        upper = successes == trials ? 1 : min(1, centre + half)
    }

    /// k/n, the observed proportion.
    public var proportion: Double { Double(successes) / Double(trials) }
}
