/// Moments of a sample: mean, sample variance, standard deviation and standard error.
///
/// All functions take finite values only and throw ``StatisticsError`` otherwise;
/// drop NaN entries explicitly first (``SampleSummary/summarize(_:nonFinite:level:bootstrapResamples:key:)``
/// does this and reports the count). Sums run left to right in index order, so results
/// are bit-identical across runs.
public enum Descriptive {
    /// The arithmetic mean x̄ = (1/n) Σ xᵢ, n ≥ 1.
    ///
    /// Computed in two passes: the naive mean m, then m + (1/n) Σ (xᵢ − m), which removes
    /// most of the rounding error of the first sum (Higham 2002, §1.9 and §4).
    public static func mean(_ values: [Double]) throws(StatisticsError) -> Double {
        try InputValidation.requireSample(values, minimum: 1, quantity: "mean")
        return uncheckedMean(values)
    }

    /// The unbiased sample variance s² = Σ (xᵢ − x̄)² / (n − 1), n ≥ 2.
    ///
    /// Corrected two-pass algorithm (Chan, Golub & LeVeque 1983, Eq. 1.7):
    /// s² = (Σ dᵢ² − (Σ dᵢ)²/n) / (n − 1) with dᵢ = xᵢ − x̄.
    public static func sampleVariance(_ values: [Double]) throws(StatisticsError) -> Double {
        try InputValidation.requireSample(values, minimum: 2, quantity: "sample variance")
        return uncheckedSampleVariance(values)
    }

    /// The sample standard deviation s = √s² (with the n − 1 denominator), n ≥ 2.
    public static func sampleStandardDeviation(_ values: [Double]) throws(StatisticsError) -> Double {
        try InputValidation.requireSample(values, minimum: 2, quantity: "sample standard deviation")
        return uncheckedSampleVariance(values).squareRoot()
    }

    /// The standard error of the mean s/√n, n ≥ 2.
    public static func standardError(_ values: [Double]) throws(StatisticsError) -> Double {
        try InputValidation.requireSample(values, minimum: 2, quantity: "standard error of the mean")
        return uncheckedStandardError(values)
    }

    // MARK: Unchecked kernels (callers have validated count and finiteness)

    static func uncheckedMean(_ values: [Double]) -> Double {
        let n = Double(values.count)
        var sum = 0.0
        for value in values { sum += value }
        let first = sum / n
        var correction = 0.0
        for value in values { correction += value - first }
        return first + correction / n
    }

    static func uncheckedSampleVariance(_ values: [Double]) -> Double {
        let m = uncheckedMean(values)
        var sumSquares = 0.0
        var sumDeviations = 0.0
        for value in values {
            let d = value - m
            sumSquares += d * d
            sumDeviations += d
        }
        let n = Double(values.count)
        return max(0, (sumSquares - sumDeviations * sumDeviations / n) / (n - 1))
    }

    static func uncheckedStandardError(_ values: [Double]) -> Double {
        (uncheckedSampleVariance(values) / Double(values.count)).squareRoot()
    }
}
