import Statistics

/// The amended "more robust" rule of the E5 verdicts (docs/PROTOCOL.md §4, amended after the
/// referee of issue #20 showed that comparing two standard deviations of 10 seeds as point
/// values cannot tell noise from a difference: by it, LaLa with equal temperatures — which
/// is Langevin with other seeds — was "more robust" than Langevin's baseline when Langevin
/// was not): the one-sided F-test of the variance ratio. With s²_m the method's and s²_b the
/// baseline's sample variance of the final test accuracy over n_m and n_b seeds,
/// F = s²_b / s²_m has the F(n_b − 1, n_m − 1) distribution when the variances are equal;
/// the method is more robust when P(F(n_b − 1, n_m − 1) ≥ F) < α.
public enum VarianceRatioTest {
    /// The outcome of one method against one baseline.
    public struct Outcome: Sendable, Equatable {
        /// s_m / s_b, the ratio of the standard deviations (< 1: the method spreads less).
        public var standardDeviationRatio: Double
        /// The one-sided p-value; NaN when either variance is undefined (fewer than 2 finite values) or both are zero.
        public var pValue: Double
        /// p < α.
        public var moreRobust: Bool
    }

    /// P(X ≥ f) for X ~ F(d1, d2): I_{d2/(d2 + d1 f)}(d2/2, d1/2); 0 for f = +∞.
    public static func upperTail(_ f: Double, d1: Double, d2: Double) -> Double {
        guard f.isFinite else { return f > 0 ? 0 : .nan }
        guard f > 0 else { return f == 0 ? 1 : .nan }
        let x = d2 / (d2 + d1 * f), y = d1 * f / (d2 + d1 * f)
        return (try? IncompleteBeta.regularized(a: d2 / 2, b: d1 / 2, x: x, complement: y).lower) ?? .nan
    }

    /// The finite values of `method` against those of `baseline` at level `alpha`.
    public static func compare(_ method: [Double], against baseline: [Double], alpha: Double) -> Outcome {
        let (m, b) = (method.filter(\.isFinite), baseline.filter(\.isFinite))
        guard m.count >= 2, b.count >= 2, let vm = try? Descriptive.sampleVariance(m), let vb = try? Descriptive.sampleVariance(b),
            vm > 0 || vb > 0
        else { return Outcome(standardDeviationRatio: .nan, pValue: .nan, moreRobust: false) }
        let p = upperTail(vm == 0 ? .infinity : vb / vm, d1: Double(b.count - 1), d2: Double(m.count - 1))
        return Outcome(standardDeviationRatio: (vm / vb).squareRoot(), pValue: p, moreRobust: p < alpha)
    }
}
