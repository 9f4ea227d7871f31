import Foundation

/// The amended verdict rule of E4 (docs/PROTOCOL.md §3.6, "Resolution"): "at the onset" as a
/// distance in log η, so that refining the grid does not change what the claim means.
///
/// With `Δ = ln η_argmin − ln η_onset`, `Δ̂` its value on all initialisations, `[L, U]` the
/// percentile interval of Δ over the paired-bootstrap resamples (type-1 quantiles at α/2
/// and 1 − α/2 of the resamples where both exist; undefined when more than α/2 lack one)
/// and tolerance `ln r` (r = 2.5: the widest source-grid step between 0.5 and 5):
/// *reproduced* when `|Δ̂| ≤ ln r` and `[L, U] ⊆ [−ln r, ln r]`; *not reproduced* when they
/// are disjoint; *inconclusive* otherwise, or when the onset, the argmin or the interval is
/// undefined — the rule of ``TransientChaosVerdict`` with a distance in place of a count of
/// grid steps.
public struct LogDistanceVerdict: Sendable, Equatable {
    /// `Δ̂ = ln(η_argmin / η_onset)` on all initialisations, `nil` without onset or argmin.
    public let distance: Double?
    /// `[L, U]`, or `nil` when too many resamples lack an onset or an argmin.
    public let interval: ClosedRange<Double>?
    /// The verdict.
    public let verdict: TransientChaosVerdict

    /// The verdict for grid `learningRates` (ascending), the point estimates and the paired
    /// resamples of `bootstrap`, with tolerance `ln toleranceRatio` (`toleranceRatio > 1`).
    public init(
        learningRates: [Double], onsetIndex: Int?, argminIndex: Int?, bootstrap: OnsetBootstrap, level: Double,
        toleranceRatio: Double
    ) throws(JimenezAnalysisError) {
        try JimenezAnalysisError.require(toleranceRatio > 1, "toleranceRatio", toleranceRatio, "it must exceed 1 (a factor in η)")
        func distance(_ onset: Int?, _ argmin: Int?) -> Double? {
            guard let onset, let argmin else { return nil }
            return log(learningRates[argmin]) - log(learningRates[onset])
        }
        let values = zip(bootstrap.resampledOnsets, bootstrap.resampledArgmins).map { distance($0, $1) }
        let defined = values.compactMap { $0 }.sorted()
        let tail = (1 - level) / 2
        // Type-1 quantiles, as ResampledIndexDistribution: both ends are values Δ took.
        func quantile(_ p: Double) -> Double {
            let rank = Int((p * Double(defined.count) - 1e-9).rounded(.up))
            return defined[min(max(rank, 1), defined.count) - 1]
        }
        let undefined = Double(values.count - defined.count)
        let interval = defined.isEmpty || undefined > tail * Double(values.count) + 1e-9 ? nil : quantile(tail)...quantile(1 - tail)
        self.distance = distance(onsetIndex, argminIndex)
        self.interval = interval
        self.verdict = Self.decide(
            onsetIndex: onsetIndex, argminIndex: argminIndex, distance: self.distance, interval: interval, tolerance: log(toleranceRatio))
    }

    /// The rule on its inputs (see the type's documentation).
    public static func decide(
        onsetIndex: Int?, argminIndex: Int?, distance: Double?, interval: ClosedRange<Double>?, tolerance: Double
    ) -> TransientChaosVerdict {
        guard onsetIndex != nil else { return .inconclusive(.noOnset) }
        guard argminIndex != nil, let distance else { return .inconclusive(.noTrainingTime) }
        guard let interval else { return .inconclusive(.differenceUndefined) }
        let accepted = -tolerance...tolerance
        // A relative allowance, so that a distance of exactly ln r (an argmin one factor r
        // away) counts as inside despite rounding of the two logarithms.
        let slack = 1e-12 * tolerance
        let inside = { (value: Double) in value >= -tolerance - slack && value <= tolerance + slack }
        if inside(distance), inside(interval.lowerBound), inside(interval.upperBound) { return .reproduced }
        if interval.upperBound < accepted.lowerBound - slack || interval.lowerBound > accepted.upperBound + slack {
            return .notReproduced
        }
        return .inconclusive(.unresolved)
    }
}
