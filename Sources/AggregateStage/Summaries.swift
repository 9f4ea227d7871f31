import Foundation
import NumericsCore
import Statistics

/// The summary numbers stored for one sample (NaN where undefined).
struct SummaryRow {
    var mean = Double.nan, tLow = Double.nan, tHigh = Double.nan, bootLow = Double.nan, bootHigh = Double.nan
    var median = Double.nan, q25 = Double.nan, q75 = Double.nan
    var count: Int64 = 0

    /// Mean, 95% t and bootstrap intervals, median and quartiles of the finite values.
    init(_ values: [Double], resamples: Int, key: SeedKey) throws {
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

    init() {}
}

/// A correlation with its p-value and bootstrap interval, NaN when undefined (fewer than
/// three pairs, or a constant variable).
func correlation(_ method: CorrelationMethod, _ x: [Double], _ y: [Double], resamples: Int, key: SeedKey) -> [Double] {
    let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
    let n = Double(pairs.count)
    guard let analysis = try? Correlation.analyze(
        method, pairs.map(\.0), pairs.map(\.1), level: 0.95, resamples: resamples, key: key)
    else { return [.nan, .nan, .nan, .nan, n] }
    return [analysis.test.coefficient, analysis.test.pValue, analysis.bootstrap.lower, analysis.bootstrap.upper, n]
}

/// The η at which a series sampled on an ascending log-spaced grid first turns positive
/// (interpolated linearly in log10 η), with the kind of crossing: 0 crossing, 1 always
/// positive, 2 never positive, 3 only downward crossings (NaN η for kinds 1–3).
func onset(learningRates: [Double], values: [Double]) -> (Double, Int64) {
    let points = zip(learningRates, values).filter { $0.1.isFinite }
    guard points.count >= 2, let crossing = try? SignChange.firstUpwardCrossing(x: points.map { log10($0.0) }, y: points.map(\.1))
    else { return (.nan, 2) }
    switch crossing {
    case .crossing(let x): return (pow(10, x), 0)
    case .alwaysPositive: return (.nan, 1)
    case .neverPositive: return (.nan, 2)
    case .onlyDownwardCrossings: return (.nan, 3)
    }
}
