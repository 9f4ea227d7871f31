import Foundation

/// The normal distribution N(μ, σ²).
///
/// The distribution function uses the C library's `erfc`:
/// Φ(z) = ½ erfc(−z/√2), accurate in both tails. The quantile function is Wichura's
/// algorithm AS 241 (PPND16; Applied Statistics 37(3), 477–484, 1988), rational
/// approximations with relative error about 1e-16.
public struct NormalDistribution: Sendable, Equatable {
    /// μ, the mean.
    public let mean: Double
    /// σ, the standard deviation.
    public let standardDeviation: Double

    /// The standard normal distribution N(0, 1).
    public static let standard = NormalDistribution(uncheckedMean: 0, standardDeviation: 1)

    /// N(`mean`, `standardDeviation`²); the mean must be finite and σ finite and positive.
    public init(mean: Double, standardDeviation: Double) throws(StatisticsError) {
        guard mean.isFinite else {
            throw .invalidParameter(quantity: "normal distribution", name: "mean", value: mean)
        }
        guard standardDeviation > 0, standardDeviation.isFinite else {
            throw .invalidParameter(
                quantity: "normal distribution", name: "standard deviation", value: standardDeviation)
        }
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    private init(uncheckedMean mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The distribution function P(X ≤ x) = ½ erfc(−(x − μ)/(σ√2)); NaN gives NaN.
    public func cdf(_ x: Double) -> Double {
        0.5 * erfc(-(x - mean) / (standardDeviation * 2.0.squareRoot()))
    }

    /// The survival function P(X > x) = ½ erfc((x − μ)/(σ√2)), accurate in the upper tail.
    public func survival(_ x: Double) -> Double {
        0.5 * erfc((x - mean) / (standardDeviation * 2.0.squareRoot()))
    }

    /// The density exp(−(x − μ)²/(2σ²)) / (σ√(2π)).
    public func density(_ x: Double) -> Double {
        let z = (x - mean) / standardDeviation
        return exp(-0.5 * z * z) / (standardDeviation * (2 * Double.pi).squareRoot())
    }

    /// The quantile function: the x with P(X ≤ x) = `probability`; 0 and 1 give −∞ and +∞.
    public func quantile(_ probability: Double) throws(StatisticsError) -> Double {
        guard probability >= 0, probability <= 1 else {
            throw .probabilityOutOfRange(quantity: "normal quantile", value: probability)
        }
        return mean + standardDeviation * NormalDistribution.standardQuantile(probability)
    }

    /// AS 241 (PPND16) for p ∈ [0, 1]: the standard normal z with Φ(z) = p.
    static func standardQuantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * polynomial(centralNumerator, r) / polynomial(centralDenominator, r)
        }
        let tail = q < 0 ? p : 1 - p
        var r = (-log(tail)).squareRoot()
        let magnitude: Double
        if r <= 5 {
            r -= 1.6
            magnitude = polynomial(intermediateNumerator, r) / polynomial(intermediateDenominator, r)
        } else {
            r -= 5
            magnitude = polynomial(farNumerator, r) / polynomial(farDenominator, r)
        }
        return q < 0 ? -magnitude : magnitude
    }

    /// Σ cₖ rᵏ by Horner's rule; coefficients in increasing order of degree.
    private static func polynomial(_ coefficients: [Double], _ r: Double) -> Double {
        var sum = 0.0
        for c in coefficients.reversed() { sum = sum * r + c }
        return sum
    }

    // AS 241 coefficients (Wichura 1988, PPND16), increasing degree.
    private static let centralNumerator: [Double] = [
        3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3,
        1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4,
        3.3430575583588128105e4, 2.5090809287301226727e3,
    ]
    private static let centralDenominator: [Double] = [
        1, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3,
        2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4,
        5.2264952788528545610e3,
    ]
    private static let intermediateNumerator: [Double] = [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
        3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
        2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ]
    private static let intermediateDenominator: [Double] = [
        1, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
        1.05075007164441684324e-9,
    ]
    private static let farNumerator: [Double] = [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
        2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
        2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ]
    private static let farDenominator: [Double] = [
        1, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
        2.04426310338993978564e-15,
    ]
}
