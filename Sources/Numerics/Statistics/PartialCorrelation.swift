/// The first-order partial correlation of x and y given z: the Pearson correlation of x
/// and y after the linear effect of z is removed from both (Fisher 1924; e.g. Kendall &
/// Stuart, Vol. 2, §27.5),
///
///     r_xy·z = (r_xy − r_xz r_yz) / √((1 − r_xz²)(1 − r_yz²)),
///
/// equal to the Pearson r of the residuals of x ~ z and y ~ z. Its test of zero uses
/// t = r √((n − 3)/(1 − r²)) with ν = n − 3 (one degree of freedom fewer than Pearson's,
/// for the conditioning variable); the p-value is exact under multivariate normality and
/// agrees with R's `ppcor::pcor.test` (method "pearson").
///
/// Used for claim 3 (docs/PROTOCOL.md §2): λ against the final loss *given* the initial loss,
/// since where the networks barely learn the final loss is mostly the initial loss.
public enum PartialCorrelation {
    /// 1 − r² below this counts as |r| = 1 (z determines x or y to round-off).
    public static let determinedTolerance = 1e-12

    /// r_xy·z from the three pairwise correlations; NaN when |r_xz| or |r_yz| is 1 (to
    /// within ``determinedTolerance`` in 1 − r²).
    public static func coefficient(rxy: Double, rxz: Double, ryz: Double) -> Double {
        let (ux, uy) = (1 - rxz * rxz, 1 - ryz * ryz)
        guard ux > determinedTolerance, uy > determinedTolerance else { return .nan }
        let denominator = (ux * uy).squareRoot()
        return max(-1, min(1, (rxy - rxz * ryz) / denominator))
    }

    /// The partial correlation of n ≥ 4 finite triples with its two-sided test. Throws
    /// ``StatisticsError/zeroVariance(quantity:variable:)`` when a variable is constant.
    public static func test(_ x: [Double], _ y: [Double], given z: [Double]) throws(StatisticsError) -> CorrelationTest {
        let quantity = "partial correlation"
        try InputValidation.requirePairs(x, y, minimum: 4, quantity: quantity)
        try InputValidation.requirePairs(x, z, minimum: 4, quantity: quantity + " (x and z)")
        for (values, name) in [(x, "x"), (y, "y"), (z, "z")] where Correlation.isConstant(values) {
            throw .zeroVariance(quantity: quantity, variable: name)
        }
        let r = coefficient(
            rxy: Correlation.pearsonCoefficient(x, y), rxz: Correlation.pearsonCoefficient(x, z),
            ryz: Correlation.pearsonCoefficient(y, z))
        guard r.isFinite else {
            throw .undefinedStatistic(quantity: quantity, detail: "z determines x or y exactly (|r| = 1)")
        }
        let nu = x.count - 3
        let t = r * (Double(nu) / ((1 - r) * (1 + r))).squareRoot()
        let p = try StudentTDistribution(degreesOfFreedom: Double(nu)).twoSidedPValue(t)
        return CorrelationTest(method: .pearson, coefficient: r, count: x.count, tStatistic: t, degreesOfFreedom: nu, pValue: p)
    }
}
