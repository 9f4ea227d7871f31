import Foundation

/// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), accurate also when a or b is large.
///
/// Subtracting three large `lgamma` values loses about log₁₀(ln Γ(a + b)) digits
/// (eight digits at a + b = 10⁸). Following R's `lbeta` (nmath/lbeta.c, after the SLATEC
/// routine DLBETA), the leading Stirling terms are combined analytically and only the
/// small remainders δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] are subtracted.
enum LogBeta {
    /// ln B(a, b) for a, b > 0.
    static func value(_ a: Double, _ b: Double) -> Double {
        let p = min(a, b)
        let q = max(a, b)
        let halfLogTwoPi = 0.918_938_533_204_672_741_780_329_736_406
        if p >= 10 {
            let correction = stirlingRemainder(p) + stirlingRemainder(q) - stirlingRemainder(p + q)
            let ratio = p / (p + q)
            return -0.5 * log(q) + halfLogTwoPi + correction
                + (p - 0.5) * log(ratio) + q * log1p(-ratio)
        }
        if q >= 10 {
            let correction = stirlingRemainder(q) - stirlingRemainder(p + q)
            return lgamma(p) + correction + p - p * log(p + q) + (q - 0.5) * log1p(-p / (p + q))
        }
        return lgamma(p) + lgamma(q) - lgamma(p + q)
    }

    /// δ(x) = ln Γ(x) − (x − ½) ln x + x − ½ ln 2π for x ≥ 10, by the Stirling series
    /// Σₖ B₂ₖ / (2k (2k − 1) x²ᵏ⁻¹) (Abramowitz & Stegun 6.1.40) truncated after eight
    /// terms: the first omitted term is below 3·10⁻¹⁷ · δ(10) at x = 10.
    static func stirlingRemainder(_ x: Double) -> Double {
        let inverse = 1 / x
        let s = inverse * inverse
        // Horner form of 1/12 − s/360 + s²/1260 − s³/1680 + s⁴/1188 − 691 s⁵/360360
        // + s⁶/156 − 3617 s⁷/122400, multiplied by 1/x.
        var sum = -3617.0 / 122_400
        sum = sum * s + 1.0 / 156
        sum = sum * s - 691.0 / 360_360
        sum = sum * s + 1.0 / 1188
        sum = sum * s - 1.0 / 1680
        sum = sum * s + 1.0 / 1260
        sum = sum * s - 1.0 / 360
        sum = sum * s + 1.0 / 12
        return sum * inverse
    }
}
