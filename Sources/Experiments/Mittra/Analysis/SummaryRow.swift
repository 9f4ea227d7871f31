import Foundation
import NumericsCore
import Statistics

/// The summary numbers stored for one sample of per-seed values (NaN where undefined):
/// mean, 95 % Student-t and percentile-bootstrap intervals of the mean, median, quartiles
/// and the number of finite values (docs/PROTOCOL.md §5: every mean carries an interval).
public struct SummaryRow: Sendable, Equatable {
    /// The mean of the finite values.
    public var mean = Double.nan
    /// The 95 % Student-t interval of the mean, lower end.
    public var tLow = Double.nan
    /// The 95 % Student-t interval of the mean, upper end.
    public var tHigh = Double.nan
    /// The 95 % percentile-bootstrap interval of the mean, lower end.
    public var bootLow = Double.nan
    /// The 95 % percentile-bootstrap interval of the mean, upper end.
    public var bootHigh = Double.nan
    /// The median.
    public var median = Double.nan
    /// The lower quartile.
    public var q25 = Double.nan
    /// The upper quartile.
    public var q75 = Double.nan
    /// The number of finite values.
    public var count: Int64 = 0

    /// Summarizes the finite `values`, the bootstrap drawing from `key`. One value gives
    /// its mean, median and quartiles but no intervals.
    public init(_ values: [Double], resamples: Int, key: SeedKey) throws {
        let finite = values.filter(\.isFinite)
        count = Int64(finite.count)
        if finite.count == 1 { mean = finite[0]; median = finite[0]; q25 = finite[0]; q75 = finite[0] }
        guard case .summary(let summary) = try SampleSummary.summarize(
            finite, nonFinite: .drop, level: 0.95, bootstrapResamples: resamples, key: key)
        else { return }
        mean = summary.mean
        tLow = summary.tInterval.lower
        tHigh = summary.tInterval.upper
        bootLow = summary.bootstrapInterval.lower
        bootHigh = summary.bootstrapInterval.upper
        median = summary.median
        q25 = summary.lowerQuartile
        q75 = summary.upperQuartile
    }

    /// An empty row (every number NaN, count 0).
    public init() {}
}
