import Lyapunov
import NumericsCore
import Statistics

/// How the onset of chaos is decided (docs/PROTOCOL.md §3: "the smallest grid η whose median λ
/// is > 0 with an interval that excludes 0"), with the interval stated.
public struct OnsetRule: Sendable, Hashable {
    /// The coverage of the interval of the median (default 0.95).
    public var level: Double
    /// B, the resamples of the percentile bootstrap of the median (default 2000,
    /// ``Bootstrap/defaultResampleCount``: the 2.5 % and 97.5 % points then rest on 50
    /// resamples beyond each).
    public var resampleCount: Int
    /// The least fraction of initialisations whose fit must be accepted for an η's median
    /// to be reported (default ½). Rejected fits (R² ≤ 0.9, saturated, diverged) are not
    /// a random subset — flat, trendless curves near λ = 0 fail the R² test most — so a
    /// median of a minority would be a median of the selected.
    public var minimumAcceptedFraction: Double
    /// δ, the λ (nats/step) the median and its interval's lower end must exceed: 0 in the
    /// rule of docs/PROTOCOL.md; the post-hoc sensitivity rows of the aggregate use δ > 0.
    public var threshold: Double

    /// The rule with the stated defaults.
    public init(
        level: Double = 0.95, resampleCount: Int = Bootstrap.defaultResampleCount, minimumAcceptedFraction: Double = 0.5,
        threshold: Double = 0
    ) {
        self.level = level
        self.resampleCount = resampleCount
        self.minimumAcceptedFraction = minimumAcceptedFraction
        self.threshold = threshold
    }

    func validate() throws(JimenezAnalysisError) {
        try JimenezAnalysisError.require(level > 0 && level < 1, "level", level, "it must lie strictly between 0 and 1")
        try JimenezAnalysisError.require(resampleCount >= 1, "resampleCount", resampleCount, "it must be at least 1")
        try JimenezAnalysisError.require(
            minimumAcceptedFraction > 0 && minimumAcceptedFraction <= 1, "minimumAcceptedFraction",
            minimumAcceptedFraction, "it must lie in (0, 1]")
        try JimenezAnalysisError.require(threshold >= 0 && threshold.isFinite, "threshold", threshold, "it must be finite and ≥ 0")
    }
}

/// The median λ over initialisations at one grid η, with its bootstrap interval.
public struct MedianExponent: Sendable, Equatable {
    /// Initialisations whose fit was accepted.
    public let acceptedCount: Int
    /// Initialisations whose fit was not (counted, not hidden).
    public let rejectedCount: Int
    /// The median of the accepted λ with its percentile-bootstrap interval, or `nil` when
    /// fewer than ``OnsetRule/minimumAcceptedFraction`` of the fits were accepted.
    public let median: BootstrapInterval?

    /// Whether the median is > 0 with an interval that excludes 0 (lower end > 0).
    public var isPositive: Bool { exceeds(0) }

    /// Whether the median and the lower end of its interval are both > `threshold`.
    public func exceeds(_ threshold: Double) -> Bool {
        guard let median else { return false }
        return median.estimate > threshold && median.lower > threshold
    }
}

/// The onset of chaos on the η grid (docs/PROTOCOL.md §3, Outputs), from λ per run.
///
/// Input `exponents[i][j]`: the divergence-fit λ of initialisation `i` at grid learning
/// rate `j` (ascending η), or `nil` when the fit was not accepted
/// (``acceptedExponent(_:)``). Run it once per averaging convention.
///
/// Per η: the median of the accepted λ and its percentile-bootstrap interval over
/// initialisations (``Bootstrap/percentileInterval(of:level:resamples:key:statistic:)``,
/// B = ``OnsetRule/resampleCount``, seed `key.derive("median-exponent", j)`). The onset
/// is the smallest grid index whose median ``MedianExponent/isPositive`` (with a
/// ``OnsetRule/threshold`` δ > 0: ``MedianExponent/exceeds(_:)`` δ); `nil` when no η
/// qualifies ("no onset on the grid").
public struct ChaosOnset: Sendable, Equatable {
    /// The rule applied.
    public let rule: OnsetRule
    /// The median λ per grid learning rate.
    public let medians: [MedianExponent]
    /// The grid index of the onset, or `nil`.
    public let onsetIndex: Int?

    /// The onset of `exponents` under `rule`; `key` seeds the bootstraps (e.g.
    /// `root.derive("jimenez").derive("onset")`).
    public init(exponents: [[Double?]], rule: OnsetRule = OnsetRule(), key: SeedKey) throws(JimenezAnalysisError) {
        let columns = try JimenezAnalysisError.requireMatrix(exponents, "exponents")
        try rule.validate()
        self.rule = rule
        var medians: [MedianExponent] = []
        for j in 0..<columns {
            medians.append(try Self.medianExponent(exponents.map { $0[j] }, column: j, rule: rule, key: key))
        }
        self.medians = medians
        onsetIndex = medians.firstIndex { $0.exceeds(rule.threshold) }
    }

    /// The λ an estimate contributes: its exponent when the fit was accepted (status ok),
    /// `nil` otherwise — the source's `R² > 0.9` filter, and no exponent from a saturated,
    /// diverged or degenerate curve.
    public static func acceptedExponent(_ estimate: LyapunovEstimate) -> Double? {
        estimate.status.isOK ? estimate.maximalExponent : nil
    }

    /// The onset alone, scanning η upward and stopping at the first positive median; the
    /// same result as `ChaosOnset(…).onsetIndex` (the same per-η keys), for the bootstrap
    /// over initialisations, which recomputes it on every resample.
    static func onsetIndex(exponents: [[Double?]], rule: OnsetRule, key: SeedKey) throws(JimenezAnalysisError) -> Int? {
        let columns = try JimenezAnalysisError.requireMatrix(exponents, "exponents")
        for j in 0..<columns {
            let column = exponents.map { $0[j] }
            let accepted = column.compactMap { $0 }
            // Skip the bootstrap where the median is not even positive.
            guard accepted.count >= 1,
                try statistics({ () throws(StatisticsError) in try Quantiles.median(accepted) }) > rule.threshold
            else { continue }
            if try medianExponent(column, column: j, rule: rule, key: key).exceeds(rule.threshold) { return j }
        }
        return nil
    }

    static func medianExponent(_ column: [Double?], column j: Int, rule: OnsetRule, key: SeedKey) throws(JimenezAnalysisError) -> MedianExponent {
        let accepted = column.compactMap { $0 }
        let enough = !accepted.isEmpty && Double(accepted.count) >= rule.minimumAcceptedFraction * Double(column.count)
        var median: BootstrapInterval?
        if enough {
            median = try statistics { () throws(StatisticsError) -> BootstrapInterval in
                try Bootstrap.percentileInterval(
                    of: accepted, level: rule.level, resamples: rule.resampleCount, key: key.derive("median-exponent", j)
                ) { (try? Quantiles.median($0)) ?? .nan }
            }
        }
        return MedianExponent(acceptedCount: accepted.count, rejectedCount: column.count - accepted.count, median: median)
    }
}
