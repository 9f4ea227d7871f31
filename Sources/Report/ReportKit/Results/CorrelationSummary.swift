/// A correlation coefficient with its p-value and 95% percentile-bootstrap interval, as
/// results files store it (`[coefficient, p, boot_low, boot_high]`, optionally followed by
/// the number of pairs `n`; docs/PROTOCOL.md §5: every correlation has a p-value and a
/// bootstrap CI).
public struct CorrelationSummary: Sendable, Equatable {
    /// Pearson r or Spearman ρ.
    public var coefficient: Double
    /// The two-sided p-value of "no correlation".
    public var pValue: Double
    /// The lower end of the 95% bootstrap interval.
    public var bootLow: Double
    /// The upper end of the 95% bootstrap interval.
    public var bootHigh: Double
    /// The number of pairs, when stored (NaN otherwise).
    public var count: Double

    /// Creates a summary.
    public init(coefficient: Double, pValue: Double, bootLow: Double, bootHigh: Double, count: Double = .nan) {
        self.coefficient = coefficient
        self.pValue = pValue
        self.bootLow = bootLow
        self.bootHigh = bootHigh
        self.count = count
    }

    /// Reads `[coefficient, p, boot_low, boot_high(, n)]`.
    public init(_ values: [Double]) {
        self.init(
            coefficient: values[0], pValue: values[1], bootLow: values[2], bootHigh: values[3],
            count: values.count > 4 ? values[4] : .nan)
    }

    /// `[coefficient, p, boot_low, boot_high]`, the stored form without `n`.
    public var storedWithoutCount: [Double] { [coefficient, pValue, bootLow, bootHigh] }

    /// `[coefficient, p, boot_low, boot_high, n]`, the stored form with `n`.
    public var storedWithCount: [Double] { storedWithoutCount + [count] }
}
