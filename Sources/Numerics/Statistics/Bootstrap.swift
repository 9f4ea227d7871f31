import NumericsCore

/// A percentile bootstrap interval together with the point estimate it brackets.
public struct BootstrapInterval: Sendable, Equatable {
    /// The statistic evaluated on the original sample.
    public let estimate: Double
    /// The percentile interval of the resampled statistics.
    public let interval: ConfidenceInterval
    /// B, the number of resamples drawn.
    public let resampleCount: Int
    /// How many resamples gave a non-finite statistic (e.g. a correlation of a resample in
    /// which x is constant); they are left out of the percentiles.
    public let undefinedResampleCount: Int

    /// The lower end point of ``interval``.
    public var lower: Double { interval.lower }
    /// The upper end point of ``interval``.
    public var upper: Double { interval.upper }
}

/// The nonparametric percentile bootstrap (Efron & Tibshirani 1993, §13.3).
///
/// Resample b (0 ≤ b < B) draws n indices with replacement from its own stream
/// `key.derive("bootstrap", b)`, so each resample depends only on the key and on b: the
/// interval does not depend on evaluation order, and two statistics computed with the
/// same key see the same resamples. The interval end points are the type-7 quantiles
/// (see ``Quantiles``) of the finite resampled statistics at (1 − level)/2 and (1 + level)/2.
public enum Bootstrap {
    /// The default number of resamples B.
    public static let defaultResampleCount = 2000

    /// The percentile interval of `statistic` over one sample (n ≥ 1, finite values).
    ///
    /// `statistic` returns a non-finite value where it is undefined; such resamples are
    /// counted in ``BootstrapInterval/undefinedResampleCount`` and skipped.
    public static func percentileInterval(
        of values: [Double],
        level: Double = 0.95,
        resamples: Int = defaultResampleCount,
        key: SeedKey,
        statistic: ([Double]) -> Double
    ) throws(StatisticsError) -> BootstrapInterval {
        let quantity = "bootstrap interval"
        try InputValidation.requireLevel(level)
        try InputValidation.requireSample(values, minimum: 1, quantity: quantity)
        guard resamples >= 1 else { throw .invalidResampleCount(resamples) }
        let estimate = statistic(values)
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        var resample = [Double](repeating: 0, count: values.count)
        for b in 0..<resamples {
            var stream = key.derive("bootstrap", b).stream()
            for i in 0..<values.count {
                resample[i] = values[stream.index(below: values.count)]
            }
            replicates.append(statistic(resample))
        }
        return try summarize(estimate: estimate, replicates: replicates, level: level, quantity: quantity)
    }

    /// The percentile interval of a two-sample `statistic` (e.g. a correlation) over
    /// paired data: each resample draws n pair indices with replacement and keeps the
    /// pairs (xᵢ, yᵢ) together.
    public static func pairedPercentileInterval(
        x: [Double],
        y: [Double],
        level: Double = 0.95,
        resamples: Int = defaultResampleCount,
        key: SeedKey,
        statistic: ([Double], [Double]) -> Double
    ) throws(StatisticsError) -> BootstrapInterval {
        let quantity = "paired bootstrap interval"
        try InputValidation.requireLevel(level)
        try InputValidation.requirePairs(x, y, minimum: 1, quantity: quantity)
        guard resamples >= 1 else { throw .invalidResampleCount(resamples) }
        let estimate = statistic(x, y)
        var replicates: [Double] = []
        replicates.reserveCapacity(resamples)
        var resampleX = [Double](repeating: 0, count: x.count)
        var resampleY = [Double](repeating: 0, count: y.count)
        for b in 0..<resamples {
            var stream = key.derive("bootstrap", b).stream()
            for i in 0..<x.count {
                let j = stream.index(below: x.count)
                resampleX[i] = x[j]
                resampleY[i] = y[j]
            }
            replicates.append(statistic(resampleX, resampleY))
        }
        return try summarize(estimate: estimate, replicates: replicates, level: level, quantity: quantity)
    }

    private static func summarize(
        estimate: Double, replicates: [Double], level: Double, quantity: String
    ) throws(StatisticsError) -> BootstrapInterval {
        guard estimate.isFinite else {
            throw .undefinedStatistic(
                quantity: quantity,
                detail: "the statistic is \(estimate) on the original sample; check that it is defined "
                    + "for these data (e.g. a correlation needs non-constant x and y).")
        }
        let defined = replicates.filter { $0.isFinite }.sorted()
        guard !defined.isEmpty else {
            throw .undefinedStatistic(
                quantity: quantity,
                detail: "the statistic was non-finite on all \(replicates.count) resamples; "
                    + "the sample is too small or too degenerate to bootstrap.")
        }
        let alpha = 1 - level
        let interval = ConfidenceInterval(
            lower: Quantiles.sortedQuantile(defined, alpha / 2),
            upper: Quantiles.sortedQuantile(defined, 1 - alpha / 2),
            level: level)
        return BootstrapInterval(
            estimate: estimate, interval: interval, resampleCount: replicates.count,
            undefinedResampleCount: replicates.count - defined.count)
    }
}
