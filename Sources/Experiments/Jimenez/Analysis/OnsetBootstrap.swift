import Foundation
import NumericsCore
import Statistics

/// The bootstrap distribution of an integer statistic (a grid index, or a difference of
/// grid indices): how many resamples gave each value, how many left it undefined, and a
/// percentile interval.
public struct ResampledIndexDistribution: Sendable, Equatable {
    /// Resamples per value of the statistic.
    public let counts: [Int: Int]
    /// Resamples on which the statistic was undefined (no onset, or no median τ reached).
    public let undefinedCount: Int
    /// B, all resamples.
    public let resampleCount: Int
    /// The coverage of ``interval``.
    public let level: Double
    /// The percentile interval: the type-1 (inverse empirical distribution) quantiles at
    /// α/2 and 1 − α/2 of the defined values, α = 1 − level, so that both ends are values
    /// the statistic took (grid indices stay on the grid). `nil` when more than α/2 of the
    /// resamples are undefined: they could lie beyond either end, so no end is known.
    public let interval: ClosedRange<Int>?

    /// The distribution of `values`, one per resample (`nil` = undefined), with an interval
    /// at coverage `level` (strictly between 0 and 1); at least one value.
    public init(_ values: [Int?], level: Double) {
        let defined = values.compactMap { $0 }.sorted()
        counts = defined.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        undefinedCount = values.count - defined.count
        resampleCount = values.count
        self.level = level
        let tail = (1 - level) / 2
        // The small allowance keeps ⌈p·m⌉ exact where p·m is an integer in exact arithmetic
        // ((1 − 0.95)/2 · 2000 evaluates to 50.00000000000004).
        func quantile(_ p: Double) -> Int {
            let rank = Int((p * Double(defined.count) - 1e-9).rounded(.up))
            return defined[min(max(rank, 1), defined.count) - 1]
        }
        interval = defined.isEmpty || Double(undefinedCount) > tail * Double(values.count) + 1e-9
            ? nil : quantile(tail)...quantile(1 - tail)
    }

    /// The fraction of all resamples that gave `value`.
    public func fraction(of value: Int) -> Double {
        Double(counts[value] ?? 0) / Double(resampleCount)
    }

    /// The fraction of resamples on which the statistic was undefined.
    public var undefinedFraction: Double { Double(undefinedCount) / Double(resampleCount) }
}

/// The paired bootstrap over initialisations of the onset η and of the argmin of the
/// median τ (docs/PROTOCOL.md §3: "the uncertainty of both the argmin and the onset from a
/// bootstrap over initialisations").
///
/// Every initialisation is trained at every η, so the design is paired: resample `b`
/// draws n initialisation indices with replacement from `key.derive("initialisations", b)`
/// and uses the *same* rows for λ and τ at every η. On it the onset is recomputed exactly
/// as ``ChaosOnset`` defines it — including its own bootstrap interval of each median,
/// with `innerResampleCount` resamples seeded by `key.derive("onset", b)` (a nested
/// bootstrap; the inner count is smaller than the point estimate's only for cost) — and
/// the argmin by ``TrainingTimeAnalysis/argminOfMedian(_:)`` with the accuracy threshold
/// held fixed. Reported: the distribution of each, and of their difference
/// `argmin − onset` on the resamples where both exist (the paired quantity the verdict
/// uses, ``TransientChaosVerdict``).
public struct OnsetBootstrap: Sendable, Equatable {
    /// The onset grid index per resample.
    public let onset: ResampledIndexDistribution
    /// The argmin of the median τ per resample.
    public let argmin: ResampledIndexDistribution
    /// `argmin − onset` per resample (in grid steps).
    public let difference: ResampledIndexDistribution
    /// The onset grid index of every resample in order (`nil`: none), for statistics of
    /// the pair other than the difference of indices (``LogDistanceVerdict``).
    public let resampledOnsets: [Int?]
    /// The argmin grid index of every resample in order (`nil`: none).
    public let resampledArgmins: [Int?]

    /// The default B of the outer bootstrap.
    public static let defaultResampleCount = 2000
    /// The default B of the inner bootstrap (the onset's interval on each resample).
    public static let defaultInnerResampleCount = 200

    /// The bootstrap of `exponents[i][j]` (λ or `nil`, as for ``ChaosOnset``) and
    /// `trainingTimes[i][j]` (``TrainingTimeAnalysis/times``): the same initialisations
    /// `i` and grid `j` in both.
    public init(
        exponents: [[Double?]], trainingTimes: [[TrainingTime]], onsetRule: OnsetRule = OnsetRule(),
        resampleCount: Int = defaultResampleCount, innerResampleCount: Int = defaultInnerResampleCount,
        level: Double = 0.95, key: SeedKey
    ) throws(JimenezAnalysisError) {
        let columns = try JimenezAnalysisError.requireMatrix(exponents, "exponents")
        let timeColumns = try JimenezAnalysisError.requireMatrix(trainingTimes, "training times")
        try JimenezAnalysisError.require(
            trainingTimes.count == exponents.count && timeColumns == columns, "trainingTimes",
            "\(trainingTimes.count)×\(timeColumns)",
            "it must have the shape of exponents (\(exponents.count)×\(columns)): the same initialisations and grid")
        try JimenezAnalysisError.require(resampleCount >= 1, "resampleCount", resampleCount, "it must be at least 1")
        try JimenezAnalysisError.require(level > 0 && level < 1, "level", level, "it must lie strictly between 0 and 1")
        var innerRule = onsetRule
        innerRule.resampleCount = innerResampleCount
        try innerRule.validate()

        let n = exponents.count
        var onsets: [Int?] = []
        var argmins: [Int?] = []
        for b in 0..<resampleCount {
            var stream = key.derive("initialisations", b).stream()
            let rows = (0..<n).map { _ in stream.index(below: n) }
            onsets.append(try ChaosOnset.onsetIndex(exponents: rows.map { exponents[$0] }, rule: innerRule, key: key.derive("onset", b)))
            argmins.append(try TrainingTimeAnalysis.argminOfMedian(rows.map { trainingTimes[$0] }))
        }
        (resampledOnsets, resampledArgmins) = (onsets, argmins)
        onset = ResampledIndexDistribution(onsets, level: level)
        argmin = ResampledIndexDistribution(argmins, level: level)
        difference = ResampledIndexDistribution(
            zip(onsets, argmins).map { onset, argmin in onset.flatMap { o in argmin.map { $0 - o } } }, level: level)
    }
}
