import NumericsCore
import ReportKit
import Statistics

/// A correlation between two per-seed quantities as the results store it: the coefficient,
/// its p-value, its 95 % percentile-bootstrap interval and the number of finite pairs
/// (SCIENCE.md §5: every correlation has a p-value and a bootstrap CI).
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
}
