/// A two-sided confidence interval [lower, upper] at a stated confidence level.
public struct ConfidenceInterval: Sendable, Equatable {
    /// The lower end point.
    public let lower: Double
    /// The upper end point.
    public let upper: Double
    /// The nominal coverage, e.g. 0.95.
    public let level: Double

    /// An interval with the given end points and level (no checks: callers construct it
    /// from computed end points).
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }

    /// The Student t interval for the mean of a normal sample:
    /// x̄ ± t_{(1+level)/2, n−1} · s/√n (e.g. Casella & Berger 2002, Example 9.2.16); n ≥ 2.
    public static func studentT(
        forMeanOf values: [Double], level: Double = 0.95
    ) throws(StatisticsError) -> ConfidenceInterval {
        try InputValidation.requireLevel(level)
        try InputValidation.requireSample(values, minimum: 2, quantity: "t confidence interval for the mean")
        let mean = Descriptive.uncheckedMean(values)
        let standardError = Descriptive.uncheckedStandardError(values)
        let t = try StudentTDistribution(degreesOfFreedom: Double(values.count - 1))
            .quantile(0.5 + 0.5 * level)
        return ConfidenceInterval(lower: mean - t * standardError, upper: mean + t * standardError, level: level)
    }
}
