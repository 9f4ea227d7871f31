import Foundation

/// The asymptotic expansion of I_x(a, b) for large a and b ≤ 1 (DiDonato & Morris 1992,
/// ACM TOMS 18(3), Algorithm 708, §3 "BGRAT"), specialised to b = ½, the case Student's t
/// needs: P(|T| > t) = I_x(ν/2, ½).
///
/// Why: for large a and x near 1 the continued fraction of ``IncompleteBeta`` is evaluated
/// through terms 1 + dₘ with dₘ ≈ −1, which cancel; at ν = 10⁹ that costs eight digits.
/// The expansion has no such cancellation and its first term is already the normal tail.
///
/// With T = a + (b − 1)/2, z = −T ln x, q = Q(b, z) the regularized upper incomplete gamma
/// function and r = e^{−z} z^b / Γ(b):
///   I_x(a, b) = Γ(a + b)/(Γ(a) T^b) · (q + Σₙ≥₁ dₙ Jₙ),
///   J₀ = q,  Jₙ = [(b + 2n − 2)(b + 2n − 1) Jₙ₋₁ + (z + b + 2n − 1) (ln²x / 4)ⁿ⁻¹ r] / (4T²),
///   dₙ = (b − 1)/(2n + 1)! + (1/n) Σᵢ₌₁ⁿ⁻¹ (i b − n) dₙ₋ᵢ/(2i + 1)!.
/// For b = ½, Γ(½) = √π and Q(½, z) = erfc(√z).
enum IncompleteBetaAsymptotic {
    /// The smallest a for which the expansion is used. Measured against 40-digit mpmath it is
    /// accurate to ~1e-14 from a = 15; from 50 on it converges in ≤ 20 terms for every x
    /// whose result does not underflow.
    static let minimumA = 50.0

    /// The most terms summed; convergence needs far fewer in the region where it is used.
    static let maximumTerms = 60

    /// I_x(a, ½) for a ≥ ``minimumA``, given ln x; nil if the series did not converge
    /// (not observed; the caller then falls back to the continued fraction).
    static func lowerWithHalf(a: Double, logX: Double) -> Double? {
        let b = 0.5
        let t = a + (b - 1) / 2
        let z = -t * logX
        if z > 745 { return 0 }  // erfc(√z) and e^{−z} underflow: the value is below 1e-320.
        let rootZ = z.squareRoot()
        let q = erfc(rootZ)
        let r = exp(-z) * rootZ / Double.pi.squareRoot()
        // Γ(a + b)/(Γ(a) T^b) = Γ(b) / (B(a, b) T^b).
        let scale = exp(0.5 * log(Double.pi) - LogBeta.value(a, b) - b * log(t))
        let v = 0.25 / (t * t)
        let halfLogSquared = 0.25 * logX * logX
        var j = q
        var sum = q
        var power = 1.0  // (ln²x / 4)ⁿ⁻¹
        var inverseFactorials: [Double] = []  // cᵢ = 1/(2i + 1)!
        var d: [Double] = []
        var inverseFactorial = 1.0
        for n in 1...maximumTerms {
            let shifted = b + Double(2 * n - 2)
            j = (shifted * (shifted + 1) * j + (z + shifted + 1) * power * r) * v
            power *= halfLogSquared
            inverseFactorial /= Double(2 * n) * Double(2 * n + 1)
            inverseFactorials.append(inverseFactorial)
            var convolution = 0.0
            for i in 1..<n {
                convolution += (Double(i) * b - Double(n)) * inverseFactorials[i - 1] * d[n - i - 1]
            }
            let coefficient = (b - 1) * inverseFactorial + convolution / Double(n)
            d.append(coefficient)
            let term = coefficient * j
            sum += term
            if abs(term) <= Double.ulpOfOne * abs(sum) { return scale * sum }
        }
        return nil
    }
}
