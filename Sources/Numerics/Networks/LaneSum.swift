/// The fixed order of every sum over samples (and over parameters, for distances).
///
/// A sum `Σ_n f(n)` is accumulated in `LaneSum.width = 8` lanes: lane `l` adds the terms
/// with `n ≡ l (mod 8)` in increasing `n`, and the lanes are combined by the fixed tree
/// `((l0+l1)+(l2+l3)) + ((l4+l5)+(l6+l7))`. The order depends only on `n`, not on how the
/// samples are cut into blocks or which thread runs the sum, so results are bit-identical
/// for every block width and thread count, and one 8-lane SIMD register holds the lanes.
enum LaneSum {
    /// Number of lanes.
    static let width = 8

    /// The fixed-tree combination of 8 lanes.
    @inline(__always)
    static func combine(_ v: SIMD8<Double>) -> Double {
        ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]))
    }

    /// The fixed-tree combination of the 8 lanes stored at `lanes`.
    @inline(__always)
    static func combine(_ lanes: UnsafePointer<Double>) -> Double {
        ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
    }

    /// `out[p] = combine(lanes + 8p) / divisor` for p in 0..<count: the same tree, eight
    /// parameters at a time on the transposed 8 × 8 block (vector k holds lane k of the
    /// eight parameters), so that it compiles to register shuffles, not gathers.
    static func combine(_ lanes: UnsafePointer<Double>, count: Int, dividedBy divisor: Double,
                        into out: UnsafeMutablePointer<Double>) {
        var p = 0
        while p + 8 <= count {
            let base = lanes + 8 * p
            let v0 = load(base), v1 = load(base + 8), v2 = load(base + 16), v3 = load(base + 24)
            let v4 = load(base + 32), v5 = load(base + 40), v6 = load(base + 48), v7 = load(base + 56)
            func lane(_ k: Int) -> SIMD8<Double> {
                SIMD8(v0[k], v1[k], v2[k], v3[k], v4[k], v5[k], v6[k], v7[k])
            }
            let total = ((lane(0) + lane(1)) + (lane(2) + lane(3))) + ((lane(4) + lane(5)) + (lane(6) + lane(7)))
            store(total / divisor, out + p)
            p += 8
        }
        while p < count {
            out[p] = combine(lanes + 8 * p) / divisor
            p += 1
        }
    }

    /// Loads 8 doubles from `pointer` (no alignment required).
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> SIMD8<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Double>.self)
    }

    /// Stores 8 doubles at `pointer` (no alignment required).
    @inline(__always)
    static func store(_ value: SIMD8<Double>, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Double>.self)
    }

    /// Σ_n f(n) in the canonical lane order, for `f` given at indices 0..<count.
    static func sum(count: Int, _ term: (Int) -> Double) -> Double {
        var lanes = SIMD8<Double>(repeating: 0)
        for n in 0..<count { lanes[n & 7] += term(n) }
        return combine(lanes)
    }

    /// Σ_p |a_p − b_p| and Σ_p (a_p − b_p)² in the canonical lane order (vectorized).
    static func distances(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int)
        -> (l1: Double, squaredL2: Double) {
        var l1 = SIMD8<Double>(repeating: 0), l2 = SIMD8<Double>(repeating: 0)
        let full = count & ~7
        var n = 0
        while n < full {
            let d = load(a + n) - load(b + n)
            l1 += d.replacing(with: -d, where: d .< 0)
            l2 += d * d
            n += 8
        }
        while n < count {
            let d = a[n] - b[n]
            l1[n & 7] += d.magnitude
            l2[n & 7] += d * d
            n += 1
        }
        return (combine(l1), combine(l2))
    }
}
