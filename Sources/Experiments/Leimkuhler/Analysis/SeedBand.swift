import Statistics

/// The band over seeds that every E5 curve and table carries (docs/PROTOCOL.md §4, "mean and
/// band over ≥ 10 seeds"): the mean and the 95 % Student-t interval of the mean, over the
/// finite values only (a diverged seed is left out and counted).
public struct SeedBand: Sendable, Equatable {
    /// The mean over the finite values (NaN when there are none).
    public var mean: Double
    /// The lower end of the 95 % Student-t interval of the mean (NaN with fewer than 2 values).
    public var low: Double
    /// The upper end.
    public var high: Double
    /// The sample standard deviation over seeds (the spread of the robustness rule; NaN below 2 values).
    public var standardDeviation: Double
    /// How many finite values entered.
    public var count: Int

    /// A band with the given members (as read back from a results file).
    public init(mean: Double, low: Double, high: Double, standardDeviation: Double, count: Int) {
        (self.mean, self.low, self.high, self.standardDeviation, self.count) = (mean, low, high, standardDeviation, count)
    }

    /// The band of `values`, skipping non-finite ones.
    public init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        count = finite.count
        mean = finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        if finite.count >= 2, let interval = try? ConfidenceInterval.studentT(forMeanOf: finite),
            let deviation = try? Descriptive.sampleStandardDeviation(finite)
        {
            (low, high, standardDeviation) = (interval.lower, interval.upper, deviation)
        } else {
            (low, high, standardDeviation) = (.nan, .nan, .nan)
        }
    }

    /// Whether this band lies wholly above `other` (both intervals finite, no overlap).
    public func isAbove(_ other: SeedBand) -> Bool {
        low.isFinite && other.high.isFinite && low > other.high
    }
}
