/// Branch-free, auto-vectorizable elementary functions for the training hot loops.
///
/// Foundation's `exp` is an opaque scalar library call (about 0.3 G evaluations/s,
/// docs/PLATFORM.md "Speed"); these are plain arithmetic that LLVM vectorizes when they are
/// called inside a plain indexed loop. Every operation is IEEE-754 double precision with a
/// fixed order; the polynomial uses explicit fused multiply-adds (`addingProduct`), which
/// are correctly rounded by definition, so the results are the same bits on every x86-64
/// build (a target without FMA hardware calls libm's exact `fma` instead: slower, same bits).
///
/// Method (Cody & Waite reduction, as in fdlibm's `e_exp.c`):
/// `x = k ln2 + r`, `|r| ≤ ln2/2`, with `k = round(x / ln2)` and `ln2 = ln2Hi + ln2Lo`
/// (`ln2Hi` has 32 trailing zero bits, so `k · ln2Hi` is exact for |k| ≤ 2^20); then
/// `exp(r) = 1 + r·s(r)` with a degree-10 near-minimax polynomial s (approximation
/// error below 7e-18 relative on the interval), and `2^k` applied as two exact powers of two
/// so that subnormal results are rounded once. Maximum error measured against
/// Foundation's `exp` over [−745, 709.78]: see `FastExpTests` (≤ 2 ulp).
public enum FastMath {
    @usableFromInline static let log2e = 1.4426950408889634074
    @usableFromInline static let ln2Hi = 6.93147180369123816490e-01
    @usableFromInline static let ln2Lo = 1.90821492927058770002e-10
    /// 1.5 · 2^52: adding it rounds a double of magnitude < 2^51 to an integer held in the
    /// low mantissa bits (the "shifter" trick), without a trapping float→int conversion.
    @usableFromInline static let shifter = 6755399441055744.0
    /// Below this, exp underflows to 0 (exp(−745.14) is half the smallest subnormal).
    @usableFromInline static let lowerClamp = -746.0
    /// Above this, exp overflows to +∞ (ln(Double.greatestFiniteMagnitude) ≈ 709.78).
    @usableFromInline static let upperClamp = 710.0

    /// The pieces `exp(x) = scaleA · scaleB · (1 + q)` with `q = expm1(r)`.
    @inlinable @inline(__always)
    static func reduce(_ x: Double) -> (q: Double, scaleA: Double, scaleB: Double) {
        // Clamp without touching NaN (both comparisons are false for NaN).
        let clamped = x > upperClamp ? upperClamp : (x < lowerClamp ? lowerClamp : x)
        let k = (clamped * log2e + shifter) - shifter
        let r = (clamped - k * ln2Hi) - k * ln2Lo
        // Horner with fused multiply-adds: s(r) ≈ (e^r − 1)/r, degree 10, Chebyshev
        // (near-minimax) fit on [−ln2/2, ln2/2] by mpmath.chebyfit at 40 digits; fit
        // error 1.8e-17, so r·s(r) is off by < 7e-18 (far below half an ulp of e^r).
        var s = 2.510520637395701e-08
        s = 2.7626357241447223e-07.addingProduct(s, r)
        s = 2.7557255425746435e-06.addingProduct(s, r)
        s = 2.4801504346997686e-05.addingProduct(s, r)
        s = 0.00019841269874800493.addingProduct(s, r)
        s = 0.0013888888932488599.addingProduct(s, r)
        s = 0.008333333333326141.addingProduct(s, r)
        s = 0.04166666666657314.addingProduct(s, r)
        s = 0.1666666666666667.addingProduct(s, r)
        s = 0.5000000000000006.addingProduct(s, r)
        s = 1.0.addingProduct(s, r)
        let q = r * s
        // 2^k = 2^kA · 2^kB with kA = ⌊k/2⌋: both factors are normal numbers for every
        // clamped k ∈ [−1077, 1025], so only the last multiplication rounds.
        let kA = (k * 0.5).rounded(.down)
        let kB = k - kA
        return (q, powerOfTwo(kA), powerOfTwo(kB))
    }

    /// 2^n for an integral double n ∈ [−1022, 1023], built from the exponent bits.
    @inlinable @inline(__always)
    static func powerOfTwo(_ n: Double) -> Double {
        let integer = (n + shifter).bitPattern &- shifter.bitPattern
        return Double(bitPattern: (integer &+ 1023) << 52)
    }

    /// e^x, correctly handling overflow (+∞), underflow (0, via subnormals) and NaN.
    @inlinable @inline(__always)
    public static func exp(_ x: Double) -> Double {
        let (q, scaleA, scaleB) = reduce(x)
        return ((1.0 + q) * scaleA) * scaleB
    }

    /// e^x − 1, accurate (a few ulp) also for |x| ≪ 1 where `exp(x) − 1` would cancel.
    @inlinable @inline(__always)
    public static func expm1(_ x: Double) -> Double {
        let (q, scaleA, scaleB) = reduce(x)
        // 2^k (1 + q) − 1 = 2^k q + (2^k − 1); for k = 0 this is q itself. Near the
        // overflow threshold 2^k alone overflows although e^x does not; there e^x − 1
        // equals e^x to the last bit, so the exp form is used (a select, not a branch).
        let scale = scaleA * scaleB
        let nearOne = scale * q + (scale - 1.0)
        let large = ((1.0 + q) * scaleA) * scaleB
        return x > 700.0 ? large : nearOne
    }

    /// The logistic sigmoid 1 / (1 + e^{−x}); exact limits 0 and 1, NaN for NaN.
    @inlinable @inline(__always)
    public static func sigmoid(_ x: Double) -> Double {
        1.0 / (1.0 + exp(-x))
    }

    /// tanh x = sign(x) · (−t / (2 + t)) with t = expm1(−2|x|): no cancellation near 0.
    @inlinable @inline(__always)
    public static func tanh(_ x: Double) -> Double {
        let t = expm1(-2.0 * x.magnitude)
        return Double(signOf: x, magnitudeOf: -t / (2.0 + t))
    }

    /// log(1 + e) for e ∈ [0, 1] (what softplus needs: e = e^{−|x|}), NaN for NaN: the
    /// identity log(1 + e) = 2 atanh(s) with s = e / (2 + e) ∈ [0, 1/3] (no cancellation for
    /// small e) and the Taylor series atanh(s)/s = Σ s^{2k}/(2k+1) to k = 16 in Horner form
    /// (truncation below 7e-18 relative for s² ≤ 1/9); ≤ 2 ulp from glibc's log1p on [0, 1]
    /// (`FastExpTests`). Plain arithmetic, so a loop of it vectorizes.
    @inlinable @inline(__always)
    public static func log1pUnit(_ e: Double) -> Double {
        // 2s = 2e / (2 + e): 2e is exact, so one rounding, and a subnormal e gives e itself.
        let twoS = (e + e) / (2.0 + e)
        let z = (twoS * twoS) * 0.25
        var p = 1.0 / 33.0
        p = (1.0 / 31.0).addingProduct(p, z)
        p = (1.0 / 29.0).addingProduct(p, z)
        p = (1.0 / 27.0).addingProduct(p, z)
        p = (1.0 / 25.0).addingProduct(p, z)
        p = (1.0 / 23.0).addingProduct(p, z)
        p = (1.0 / 21.0).addingProduct(p, z)
        p = (1.0 / 19.0).addingProduct(p, z)
        p = (1.0 / 17.0).addingProduct(p, z)
        p = (1.0 / 15.0).addingProduct(p, z)
        p = (1.0 / 13.0).addingProduct(p, z)
        p = (1.0 / 11.0).addingProduct(p, z)
        p = (1.0 / 9.0).addingProduct(p, z)
        p = (1.0 / 7.0).addingProduct(p, z)
        p = (1.0 / 5.0).addingProduct(p, z)
        p = (1.0 / 3.0).addingProduct(p, z)
        // 2 s (1 + z p): the small correction added last.
        return twoS.addingProduct(twoS * z, p)
    }
}
