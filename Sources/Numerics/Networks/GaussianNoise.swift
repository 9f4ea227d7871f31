import NumericsCore

/// Standard normal deviates in bulk for the Langevin-family optimizers' noise (one call
/// per tensor and sub-step; docs/PROTOCOL.md §4): the Box–Muller transform with *both* outputs
/// of each pair of uniforms, and a logarithm and sine/cosine that are plain arithmetic
/// (LLVM vectorizes the loop), so a deviate costs a few nanoseconds instead of a libm
/// `log` and `cos` call each (``RandomStream/normal()``).
///
/// Definition (fixed, tested): pair j draws `u1 = 1 − uniform()` ∈ (0, 1] and then
/// `u2 = uniform()` ∈ [0, 1) from the stream, `r = √(−2 ln u1)`, and writes
/// `z_{2j} = r cos 2πu2`, `z_{2j+1} = r sin 2πu2`; an odd count drops the last sine.
/// The same stream state gives the same numbers on every x86-64 build (no fused
/// multiply-adds; every operation IEEE double).
extension RandomStream {
    /// Fills `out[0..<count]` with standard normals as defined on this extension.
    public mutating func fillStandardNormals(_ out: UnsafeMutablePointer<Double>, count: Int) {
        let chunk = 64
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * chunk) { buffer in
            // u1 is overwritten by the cosines, u2 by the sines (one vectorized loop).
            let first = buffer.baseAddress!, second = first + chunk
            var done = 0
            while done < count {
                let pairs = min(chunk, (count - done + 1) / 2)
                for j in 0..<pairs {
                    first[j] = 1.0 - uniform()
                    second[j] = uniform()
                }
                for j in 0..<pairs {
                    let r = (-2.0 * GaussianNoise.logarithm(first[j])).squareRoot()
                    let (c, s) = GaussianNoise.cosineAndSineOfTwoPi(second[j])
                    first[j] = r * c
                    second[j] = r * s
                }
                let n = min(2 * pairs, count - done), z = out + done
                for j in 0..<(n / 2) {
                    z[2 * j] = first[j]
                    z[2 * j + 1] = second[j]
                }
                if n % 2 == 1 { z[n - 1] = first[n / 2] }
                done += n
            }
        }
    }

    /// `count` standard normals as defined on this extension.
    public mutating func standardNormals(_ count: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { fillStandardNormals(buffer.baseAddress!, count: count) }
            initialized = count
        }
    }
}

/// The elementary functions of ``RandomStream/fillStandardNormals(_:count:)``.
enum GaussianNoise {
    /// ln x for a positive normal x (here x ∈ [2⁻⁵³, 1]), fdlibm's `e_log.c` method:
    /// x = 2^k m with m ∈ [√½, √2), f = m − 1, s = f / (2 + f), and
    /// ln(1 + f) = f − f²/2 + s (f²/2 + R(s²)) with fdlibm's minimax R (error < 2^−58.45);
    /// k ln 2 in two parts. Within 1 ulp of glibc's `log` (tested).
    @inline(__always)
    static func logarithm(_ x: Double) -> Double {
        let bits = x.bitPattern
        let exponent = Double(Int64(bitPattern: bits >> 52) &- 1023)
        let mantissa = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        let high = mantissa > 1.4142135623730951
        let m = high ? 0.5 * mantissa : mantissa
        let k = high ? exponent + 1.0 : exponent
        let f = m - 1.0
        let s = f / (2.0 + f)
        let z = s * s, w = z * z
        let t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01))
        let t2 = z * (6.666666666666735130e-01 + w * (2.857142874366239149e-01
            + w * (1.818357216161805012e-01 + w * 1.479819860511658591e-01)))
        let r = t2 + t1
        let halfSquare = 0.5 * f * f
        return k * 6.93147180369123816490e-01 - ((halfSquare - (s * (halfSquare + r) + k * 1.90821492927058770002e-10)) - f)
    }

    /// (cos 2πu, sin 2πu) for u ∈ [0, 1): quadrant q = ⌊4u⌋, angle a = (4u − q − ½)·π/2 ∈
    /// [−π/4, π/4) from the quadrant's centre (q + ½)·π/2, whose cosine and sine are ±√½;
    /// Taylor polynomials of cos a (to a¹⁶) and sin a (to a¹⁵), truncation < 1e-16.
    @inline(__always)
    static func cosineAndSineOfTwoPi(_ u: Double) -> (cos: Double, sin: Double) {
        let x = 4.0 * u
        let q = x.rounded(.down)
        let a = ((x - q) - 0.5) * 1.5707963267948966
        let a2 = a * a
        var c = 1.0 / 20_922_789_888_000.0
        c = -1.0 / 87_178_291_200.0 + a2 * c
        c = 1.0 / 479_001_600.0 + a2 * c
        c = -1.0 / 3_628_800.0 + a2 * c
        c = 1.0 / 40_320.0 + a2 * c
        c = -1.0 / 720.0 + a2 * c
        c = 1.0 / 24.0 + a2 * c
        c = -0.5 + a2 * c
        let cosine = 1.0 + a2 * c
        var s = -1.0 / 1_307_674_368_000.0
        s = 1.0 / 6_227_020_800.0 + a2 * s
        s = -1.0 / 39_916_800.0 + a2 * s
        s = 1.0 / 362_880.0 + a2 * s
        s = -1.0 / 5_040.0 + a2 * s
        s = 1.0 / 120.0 + a2 * s
        s = -1.0 / 6.0 + a2 * s
        let sine = a + a * (a2 * s)
        // Centres π/4, 3π/4, 5π/4, 7π/4: cos = √½·(+, −, −, +), sin = √½·(+, +, −, −).
        let cc: Double = (q == 1.0 || q == 2.0) ? -1.0 : 1.0
        let sc: Double = q >= 2.0 ? -1.0 : 1.0
        let h = 0.70710678118654752440
        return (h * (cc * cosine - sc * sine), h * (sc * cosine + cc * sine))
    }
}
