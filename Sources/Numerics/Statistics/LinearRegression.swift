/// One point of the confidence band of a fitted line.
public struct ConfidenceBandPoint: Sendable, Equatable {
    /// The abscissa.
    public let x: Double
    /// The fitted mean response ŷ = a + b x.
    public let fitted: Double
    /// The lower end of the band at x.
    public let lower: Double
    /// The upper end of the band at x.
    public let upper: Double
}

/// The ordinary least-squares line y = a + b x with the usual normal-theory standard
/// errors (e.g. Draper & Smith 1998, §1.4 and §3.1); the quantities agree with
/// scipy.stats.linregress.
///
/// With x̄, ȳ the means, Sxx = Σ (xᵢ − x̄)², Sxy = Σ (xᵢ − x̄)(yᵢ − ȳ):
/// b = Sxy/Sxx, a = ȳ − b x̄, s² = Σ (yᵢ − a − b xᵢ)² / (n − 2),
/// se(b) = s/√Sxx, se(a) = s √(1/n + x̄²/Sxx), R² = 1 − SSE/Syy.
public struct LinearFit: Sendable, Equatable {
    /// n, the number of points.
    public let count: Int
    /// a, the intercept.
    public let intercept: Double
    /// b, the slope.
    public let slope: Double
    /// se(a).
    public let interceptStandardError: Double
    /// se(b).
    public let slopeStandardError: Double
    /// R², the coefficient of determination (equal to Pearson's r²).
    public let rSquared: Double
    /// s = √(SSE/(n − 2)), the residual standard deviation.
    public let residualStandardDeviation: Double
    /// x̄, the mean of the x values.
    public let meanX: Double
    /// Sxx = Σ (xᵢ − x̄)².
    public let sumOfSquaresX: Double

    /// Fits the line to n ≥ 3 finite pairs. Throws
    /// ``StatisticsError/zeroVariance(quantity:variable:)`` when x is constant (no slope)
    /// or y is constant (R² undefined).
    public init(x: [Double], y: [Double]) throws(StatisticsError) {
        let quantity = "linear regression"
        try InputValidation.requirePairs(x, y, minimum: 3, quantity: quantity)
        if Correlation.isConstant(x) { throw .zeroVariance(quantity: quantity, variable: "x") }
        if Correlation.isConstant(y) { throw .zeroVariance(quantity: quantity, variable: "y") }
        let n = Double(x.count)
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
        let slope = sxy / sxx
        let intercept = meanY - slope * meanX
        var sse = 0.0
        for i in x.indices {
            // Residual about the centred line: identical to yᵢ − a − b xᵢ in exact arithmetic,
            // without the cancellation of a large intercept.
            let residual = (y[i] - meanY) - slope * (x[i] - meanX)
            sse += residual * residual
        }
        let s = (sse / (n - 2)).squareRoot()
        self.count = x.count
        self.intercept = intercept
        self.slope = slope
        self.slopeStandardError = s / sxx.squareRoot()
        self.interceptStandardError = s * (1 / n + meanX * meanX / sxx).squareRoot()
        self.rSquared = max(0, min(1, 1 - sse / syy))
        self.residualStandardDeviation = s
        self.meanX = meanX
        self.sumOfSquaresX = sxx
    }

    /// The fitted mean response a + b x.
    public func predict(_ x: Double) -> Double {
        intercept + slope * x
    }

    /// The pointwise confidence band for the mean response at each of `xs`:
    /// ŷ ± t_{(1+level)/2, n−2} · s · √(1/n + (x − x̄)²/Sxx) (Draper & Smith 1998, Eq. 3.1.5).
    public func confidenceBand(
        at xs: [Double], level: Double = 0.95
    ) throws(StatisticsError) -> [ConfidenceBandPoint] {
        try InputValidation.requireLevel(level)
        try InputValidation.requireFinite(xs, quantity: "regression confidence band")
        let t = try StudentTDistribution(degreesOfFreedom: Double(count - 2)).quantile(0.5 + 0.5 * level)
        let n = Double(count)
        return xs.map { x in
            let dx = x - meanX
            let halfWidth = t * residualStandardDeviation * (1 / n + dx * dx / sumOfSquaresX).squareRoot()
            let fitted = predict(x)
            return ConfidenceBandPoint(x: x, fitted: fitted, lower: fitted - halfWidth, upper: fitted + halfWidth)
        }
    }
}
