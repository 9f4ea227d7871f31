/// The three products of an affine layer on a block of samples, written so that LLVM
/// keeps 8-sample groups in vector registers and every output element is computed in
/// one fixed order, whatever the blocking:
///
/// * ``affine``: `z_j[n] (+)= b_j + Σ_i W_ji a_i[n]`, summed in increasing `i`;
/// * ``transposedProduct``: `u_i[n] (+)= Σ_j W_ji δ_j[n]`, summed in increasing `j`;
/// * ``accumulateOuterProducts``: lanes of `Σ_n δ_j[n] a_i[n]` (``LaneSum`` order).
///
/// Rows are `blockWidth` apart; `groups` is the number of 8-sample groups processed.
enum BlockKernels {
    typealias Vector = SIMD8<Double>

    /// z_j[n] = b_j + Σ_i W_ji a_i[n] (or, with `accumulate`, z_j[n] + Σ_i W_ji a_i[n]).
    /// `weights` is row-major `outputs × inputs`; `biases` may be nil only with `accumulate`.
    static func affine(
        weights: UnsafePointer<Double>, biases: UnsafePointer<Double>?,
        inputs: UnsafePointer<Double>, inputCount: Int,
        outputs: UnsafeMutablePointer<Double>, outputCount: Int,
        blockWidth: Int, groups: Int, accumulate: Bool
    ) {
        for j in 0..<outputCount {
            let row = weights + j * inputCount
            let out = outputs + j * blockWidth
            let start = Vector(repeating: biases?[j] ?? 0)
            var g = 0
            while g + 4 <= groups {
                let o = out + 8 * g
                var s0 = accumulate ? LaneSum.load(o) : start
                var s1 = accumulate ? LaneSum.load(o + 8) : start
                var s2 = accumulate ? LaneSum.load(o + 16) : start
                var s3 = accumulate ? LaneSum.load(o + 24) : start
                for i in 0..<inputCount {
                    let w = Vector(repeating: row[i])
                    let a = inputs + i * blockWidth + 8 * g
                    s0 += w * LaneSum.load(a)
                    s1 += w * LaneSum.load(a + 8)
                    s2 += w * LaneSum.load(a + 16)
                    s3 += w * LaneSum.load(a + 24)
                }
                LaneSum.store(s0, o)
                LaneSum.store(s1, o + 8)
                LaneSum.store(s2, o + 16)
                LaneSum.store(s3, o + 24)
                g += 4
            }
            while g < groups {
                let o = out + 8 * g
                var s = accumulate ? LaneSum.load(o) : start
                for i in 0..<inputCount {
                    s += Vector(repeating: row[i]) * LaneSum.load(inputs + i * blockWidth + 8 * g)
                }
                LaneSum.store(s, o)
                g += 1
            }
        }
    }

    /// u_i[n] = Σ_j W_ji δ_j[n] (or u_i[n] + Σ_j … with `accumulate`), j increasing.
    static func transposedProduct(
        weights: UnsafePointer<Double>, inputCount: Int, outputCount: Int,
        deltas: UnsafePointer<Double>, into upstream: UnsafeMutablePointer<Double>,
        blockWidth: Int, groups: Int, accumulate: Bool
    ) {
        for i in 0..<inputCount {
            let out = upstream + i * blockWidth
            var g = 0
            while g + 4 <= groups {
                let o = out + 8 * g
                let zero = Vector(repeating: 0)
                var s0 = accumulate ? LaneSum.load(o) : zero
                var s1 = accumulate ? LaneSum.load(o + 8) : zero
                var s2 = accumulate ? LaneSum.load(o + 16) : zero
                var s3 = accumulate ? LaneSum.load(o + 24) : zero
                for j in 0..<outputCount {
                    let w = Vector(repeating: weights[j * inputCount + i])
                    let d = deltas + j * blockWidth + 8 * g
                    s0 += w * LaneSum.load(d)
                    s1 += w * LaneSum.load(d + 8)
                    s2 += w * LaneSum.load(d + 16)
                    s3 += w * LaneSum.load(d + 24)
                }
                LaneSum.store(s0, o)
                LaneSum.store(s1, o + 8)
                LaneSum.store(s2, o + 16)
                LaneSum.store(s3, o + 24)
                g += 4
            }
            while g < groups {
                let o = out + 8 * g
                var s = accumulate ? LaneSum.load(o) : Vector(repeating: 0)
                for j in 0..<outputCount {
                    s += Vector(repeating: weights[j * inputCount + i]) * LaneSum.load(deltas + j * blockWidth + 8 * g)
                }
                LaneSum.store(s, o)
                g += 1
            }
        }
    }

    /// Weight lanes `(j·in + i)·8 + l` += Σ_{g} δ_j[8g+l]·a_i[8g+l] and, when `second`
    /// is given, `+ δ'_j[8g+l]·a'_i[8g+l]` inside the same term (the R-operator's two
    /// products); bias lanes `j·8 + l` += Σ_g δ_j[8g+l].
    static func accumulateOuterProducts(
        deltas: UnsafePointer<Double>, activations: UnsafePointer<Double>,
        second: (deltas: UnsafePointer<Double>, activations: UnsafePointer<Double>)?,
        inputCount: Int, outputCount: Int,
        weightLanes: UnsafeMutablePointer<Double>, biasLanes: UnsafeMutablePointer<Double>,
        blockWidth: Int, groups: Int
    ) {
        if second == nil && inputCount <= 2 {
            // Narrow inputs (e.g. a first layer on 2-D data): the bias and the one or two
            // weight accumulators of row j in one pass over the groups, each lane still
            // summed in increasing g.
            for j in 0..<outputCount {
                let d = deltas + j * blockWidth, lanes = weightLanes + 8 * j * inputCount
                var bias = LaneSum.load(biasLanes + 8 * j)
                var s0 = LaneSum.load(lanes)
                if inputCount == 2 {
                    var s1 = LaneSum.load(lanes + 8)
                    for g in 0..<groups {
                        let dv = LaneSum.load(d + 8 * g)
                        bias += dv
                        s0 += dv * LaneSum.load(activations + 8 * g)
                        s1 += dv * LaneSum.load(activations + blockWidth + 8 * g)
                    }
                    LaneSum.store(s1, lanes + 8)
                } else {
                    for g in 0..<groups {
                        let dv = LaneSum.load(d + 8 * g)
                        bias += dv
                        s0 += dv * LaneSum.load(activations + 8 * g)
                    }
                }
                LaneSum.store(s0, lanes)
                LaneSum.store(bias, biasLanes + 8 * j)
            }
            return
        }
        for j in 0..<outputCount {
            let d = deltas + j * blockWidth
            var bias = LaneSum.load(biasLanes + 8 * j)
            for g in 0..<groups { bias += LaneSum.load(d + 8 * g) }
            LaneSum.store(bias, biasLanes + 8 * j)
            let lanes = weightLanes + 8 * j * inputCount
            if let second {
                let d2 = second.deltas + j * blockWidth
                for i in 0..<inputCount {
                    let a = activations + i * blockWidth, a2 = second.activations + i * blockWidth
                    var s = LaneSum.load(lanes + 8 * i)
                    for g in 0..<groups {
                        s += LaneSum.load(d + 8 * g) * LaneSum.load(a + 8 * g)
                            + LaneSum.load(d2 + 8 * g) * LaneSum.load(a2 + 8 * g)
                    }
                    LaneSum.store(s, lanes + 8 * i)
                }
            } else {
                var i = 0
                while i + 4 <= inputCount {
                    let a = activations + i * blockWidth
                    var s0 = LaneSum.load(lanes + 8 * i)
                    var s1 = LaneSum.load(lanes + 8 * i + 8)
                    var s2 = LaneSum.load(lanes + 8 * i + 16)
                    var s3 = LaneSum.load(lanes + 8 * i + 24)
                    for g in 0..<groups {
                        let dv = LaneSum.load(d + 8 * g)
                        s0 += dv * LaneSum.load(a + 8 * g)
                        s1 += dv * LaneSum.load(a + blockWidth + 8 * g)
                        s2 += dv * LaneSum.load(a + 2 * blockWidth + 8 * g)
                        s3 += dv * LaneSum.load(a + 3 * blockWidth + 8 * g)
                    }
                    LaneSum.store(s0, lanes + 8 * i)
                    LaneSum.store(s1, lanes + 8 * i + 8)
                    LaneSum.store(s2, lanes + 8 * i + 16)
                    LaneSum.store(s3, lanes + 8 * i + 24)
                    i += 4
                }
                while i < inputCount {
                    let a = activations + i * blockWidth
                    var s = LaneSum.load(lanes + 8 * i)
                    for g in 0..<groups { s += LaneSum.load(d + 8 * g) * LaneSum.load(a + 8 * g) }
                    LaneSum.store(s, lanes + 8 * i)
                    i += 1
                }
            }
        }
    }
}
