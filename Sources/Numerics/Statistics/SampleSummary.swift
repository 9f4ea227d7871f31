import NumericsCore

/// What to do with NaN and ±∞ entries of a sample.
public enum NonFiniteHandling: Sendable, Equatable {
    /// Leave them out and report how many were left out.
    case drop
    /// Throw ``StatisticsError/nonFiniteValue(quantity:index:value:)`` at the first one.
    case reject
}

/// The usual description of one sample (e.g. λ over initializations): location, spread,
/// two confidence intervals for the mean, and the quartiles.
public struct SampleSummary: Sendable, Equatable {
    /// n, the number of finite values summarized.
    public let count: Int
    /// How many non-finite entries were dropped before summarizing.
    public let droppedNonFiniteCount: Int
    /// The sample mean x̄.
    public let mean: Double
    /// The sample standard deviation s (denominator n − 1).
    public let standardDeviation: Double
    /// The standard error of the mean s/√n.
    public let standardError: Double
    /// The Student t interval for the mean (``ConfidenceInterval/studentT(forMeanOf:level:)``).
    public let tInterval: ConfidenceInterval
    /// The percentile bootstrap interval for the mean.
    public let bootstrapInterval: BootstrapInterval
    /// The median (type-7 quantile at ½).
    public let median: Double
    /// The first quartile Q(0.25), type 7.
    public let lowerQuartile: Double
    /// The third quartile Q(0.75), type 7.
    public let upperQuartile: Double

    /// Q(0.75) − Q(0.25).
    public var interquartileRange: Double { upperQuartile - lowerQuartile }
}

/// A summary, or the reason there is none.
public enum SampleSummaryResult: Sendable, Equatable {
    /// At least two finite values: the full summary.
    case summary(SampleSummary)
    /// Fewer than two finite values remain, so the spread and the intervals are undefined.
    case tooFewValues(finiteCount: Int, droppedNonFiniteCount: Int)
}

extension SampleSummary {
    /// Summarizes `values`, with explicit handling of non-finite entries.
    ///
    /// - Parameters:
    ///   - values: the sample, possibly with NaN or ±∞ entries.
    ///   - nonFinite: drop them (and count them) or reject the sample.
    ///   - level: the confidence level of both intervals.
    ///   - bootstrapResamples: B for the bootstrap interval of the mean.
    ///   - key: the seed of the bootstrap (resample b uses `key.derive("bootstrap", b)`).
    /// - Returns: ``SampleSummaryResult/tooFewValues(finiteCount:droppedNonFiniteCount:)`` when
    ///   fewer than two finite values remain, never a crash or NaN.
    public static func summarize(
        _ values: [Double],
        nonFinite: NonFiniteHandling,
        level: Double = 0.95,
        bootstrapResamples: Int = Bootstrap.defaultResampleCount,
        key: SeedKey
    ) throws(StatisticsError) -> SampleSummaryResult {
        try InputValidation.requireLevel(level)
        guard bootstrapResamples >= 1 else { throw .invalidResampleCount(bootstrapResamples) }
        if nonFinite == .reject {
            try InputValidation.requireFinite(values, quantity: "sample summary")
        }
        let finite = values.filter { $0.isFinite }
        let dropped = values.count - finite.count
        guard finite.count >= 2 else {
            return .tooFewValues(finiteCount: finite.count, droppedNonFiniteCount: dropped)
        }
        let variance = Descriptive.uncheckedSampleVariance(finite)
        let quartiles = try Quantiles.quantiles(finite, [0.25, 0.5, 0.75])
        return .summary(
            SampleSummary(
                count: finite.count,
                droppedNonFiniteCount: dropped,
                mean: Descriptive.uncheckedMean(finite),
                standardDeviation: variance.squareRoot(),
                standardError: (variance / Double(finite.count)).squareRoot(),
                tInterval: try ConfidenceInterval.studentT(forMeanOf: finite, level: level),
                bootstrapInterval: try Bootstrap.percentileInterval(
                    of: finite, level: level, resamples: bootstrapResamples, key: key,
                    statistic: Descriptive.uncheckedMean),
                median: quartiles[1],
                lowerQuartile: quartiles[0],
                upperQuartile: quartiles[2]))
    }
}
