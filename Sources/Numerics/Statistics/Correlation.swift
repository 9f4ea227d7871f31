import NumericsCore

/// Which correlation coefficient to compute.
public enum CorrelationMethod: String, Sendable, CaseIterable {
    /// Pearson's product-moment r.
    case pearson
    /// Spearman's ρ: Pearson's r of the average ranks (ties share their mean rank).
    case spearman

    /// The coefficient of finite, equal-length x and y, or NaN where it is undefined
    /// (fewer than two pairs, or x or y constant). Meant as a bootstrap statistic.
    public func coefficient(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count, x.count >= 2 else { return .nan }
        switch self {
        case .pearson:
            return Correlation.pearsonCoefficient(x, y)
        case .spearman:
            return Correlation.pearsonCoefficient(
                Ranking.uncheckedAverageRanks(x), Ranking.uncheckedAverageRanks(y))
        }
    }
}

/// A correlation coefficient with its two-sided test of zero correlation.
public struct CorrelationTest: Sendable, Equatable {
    /// The method that produced the coefficient.
    public let method: CorrelationMethod
    /// r (or ρ), in [−1, 1].
    public let coefficient: Double
    /// n, the number of pairs.
    public let count: Int
    /// The test statistic t = r √((n − 2)/(1 − r²)); ±∞ when |r| = 1.
    public let tStatistic: Double
    /// ν = n − 2.
    public let degreesOfFreedom: Int
    /// The two-sided p-value P(|T_ν| ≥ |t|).
    public let pValue: Double
}

/// A correlation test together with a paired percentile bootstrap interval of the coefficient.
public struct CorrelationAnalysis: Sendable, Equatable {
    /// The coefficient and its t-test.
    public let test: CorrelationTest
    /// The paired bootstrap interval of the coefficient.
    public let bootstrap: BootstrapInterval
}

/// Pearson and Spearman correlation with t-test p-values and bootstrap intervals.
///
/// The p-value uses t = r √((n − 2)/(1 − r²)) with ν = n − 2 for both methods. For
/// Pearson under bivariate normality this is exact, and equals scipy.stats.pearsonr's
/// Beta-distribution p-value; for Spearman it is the large-sample approximation that
/// scipy.stats.spearmanr uses (Kendall & Stuart, Vol. 2, §31.19).
public enum Correlation {
    /// The coefficient and two-sided t-test p-value for n ≥ 3 finite pairs.
    /// Throws ``StatisticsError/zeroVariance(quantity:variable:)`` when x or y is constant.
    public static func test(
        _ method: CorrelationMethod, _ x: [Double], _ y: [Double]
    ) throws(StatisticsError) -> CorrelationTest {
        let quantity = "\(method.rawValue) correlation"
        try InputValidation.requirePairs(x, y, minimum: 3, quantity: quantity)
        if isConstant(x) { throw .zeroVariance(quantity: quantity, variable: "x") }
        if isConstant(y) { throw .zeroVariance(quantity: quantity, variable: "y") }
        let r = method.coefficient(x, y)
        let nu = x.count - 2
        let t = r * (Double(nu) / ((1 - r) * (1 + r))).squareRoot()
        let p = try StudentTDistribution(degreesOfFreedom: Double(nu)).twoSidedPValue(t)
        return CorrelationTest(
            method: method, coefficient: r, count: x.count, tStatistic: t, degreesOfFreedom: nu, pValue: p)
    }

    /// The paired percentile bootstrap interval of the coefficient (resampling pairs;
    /// see ``Bootstrap/pairedPercentileInterval(x:y:level:resamples:key:statistic:)``).
    public static func bootstrapInterval(
        _ method: CorrelationMethod,
        _ x: [Double],
        _ y: [Double],
        level: Double = 0.95,
        resamples: Int = Bootstrap.defaultResampleCount,
        key: SeedKey
    ) throws(StatisticsError) -> BootstrapInterval {
        try Bootstrap.pairedPercentileInterval(
            x: x, y: y, level: level, resamples: resamples, key: key, statistic: method.coefficient)
    }

    /// ``test(_:_:_:)`` and ``bootstrapInterval(_:_:_:level:resamples:key:)`` together.
    public static func analyze(
        _ method: CorrelationMethod,
        _ x: [Double],
        _ y: [Double],
        level: Double = 0.95,
        resamples: Int = Bootstrap.defaultResampleCount,
        key: SeedKey
    ) throws(StatisticsError) -> CorrelationAnalysis {
        CorrelationAnalysis(
            test: try test(method, x, y),
            bootstrap: try bootstrapInterval(method, x, y, level: level, resamples: resamples, key: key))
    }

    /// r = Σ dxᵢ dyᵢ / √(Σ dxᵢ² Σ dyᵢ²) with deviations from the means, clamped to [−1, 1];
    /// NaN when x or y is constant (tested exactly, since a rounded mean can leave
    /// deviations of a constant sample at ~1 ulp instead of 0).
    static func pearsonCoefficient(_ x: [Double], _ y: [Double]) -> Double {
        if isConstant(x) || isConstant(y) { return .nan }
        let meanX = Descriptive.uncheckedMean(x)
        let meanY = Descriptive.uncheckedMean(y)
        var sxx = 0.0, syy = 0.0, sxy = 0.0
        for i in x.indices {
            let dx = x[i] - meanX
            let dy = y[i] - meanY
            sxx += dx * dx
            syy += dy * dy
            sxy += dx * dy
        }
        return max(-1, min(1, sxy / (sxx.squareRoot() * syy.squareRoot())))
    }

    static func isConstant(_ values: [Double]) -> Bool {
        values.allSatisfy { $0 == values[0] }
    }
}
