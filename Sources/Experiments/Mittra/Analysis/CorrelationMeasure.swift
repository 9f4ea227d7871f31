import NumericsCore
import ReportKit
import Statistics

/// A correlation between two per-seed quantities as the results store it: the coefficient,
/// its p-value, its 95 % percentile-bootstrap interval and the number of finite pairs
/// (docs/PROTOCOL.md §5: every correlation has a p-value and a bootstrap CI).
public enum CorrelationMeasure {
    /// The correlation of the pairs of `x` and `y` that are both finite; coefficient, p and
    /// interval are NaN when undefined (fewer than three pairs, or a constant variable).
    public static func measure(_ method: CorrelationMethod, _ x: [Double], _ y: [Double], resamples: Int, key: SeedKey) -> CorrelationSummary {
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        let n = Double(pairs.count)
        guard let analysis = try? Correlation.analyze(
            method, pairs.map(\.0), pairs.map(\.1), level: 0.95, resamples: resamples, key: key)
        else { return CorrelationSummary(coefficient: .nan, pValue: .nan, bootLow: .nan, bootHigh: .nan, count: n) }
        return CorrelationSummary(
            coefficient: analysis.test.coefficient, pValue: analysis.test.pValue, bootLow: analysis.bootstrap.lower,
            bootHigh: analysis.bootstrap.upper, count: n)
    }

    /// The partial correlation of x and y given z over the triples that are all finite, with
    /// its p-value (``Statistics/PartialCorrelation``); no bootstrap interval (NaN), since
    /// the paired bootstrap resamples pairs, not triples.
    public static func partial(_ x: [Double], _ y: [Double], given z: [Double]) -> CorrelationSummary {
        let keep = x.indices.filter { x[$0].isFinite && y[$0].isFinite && z[$0].isFinite }
        let n = Double(keep.count)
        guard let test = try? PartialCorrelation.test(keep.map { x[$0] }, keep.map { y[$0] }, given: keep.map { z[$0] }) else {
            return CorrelationSummary(coefficient: .nan, pValue: .nan, bootLow: .nan, bootHigh: .nan, count: n)
        }
        return CorrelationSummary(coefficient: test.coefficient, pValue: test.pValue, bootLow: .nan, bootHigh: .nan, count: n)
    }
}
