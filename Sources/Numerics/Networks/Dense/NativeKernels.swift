/// Register-blocked matrix products for ``DenseEngine`` with explicit fused multiply-adds
/// (`addingProduct`, correctly rounded, so the same bits on every x86-64 build; docs/PLATFORM.md
/// "Speed"). Every output element is one sequential FMA chain in a fixed order, whatever
/// the tiling, the tail handling or the chunking of samples:
///
/// * ``product``: `z[r][n] = (z[r][n] or 0) + Σ_k M[r][k]·a[k][n]`, k increasing, over
///   a `rows × depth` matrix packed by ``pack`` (W for z = W a, Wᵀ for u = Wᵀ δ);
/// * ``gradient``: `gᵀ[k][r] += Σ_n a[k][n]·δᵀ[n][r]`, n increasing, into a k-major
///   accumulator that lives across chunks, so the sum runs over the whole batch in
///   sample order and does not depend on the chunk width.
///
/// Tiles: 8 rows × 24 samples for products (24 accumulators of 8 doubles, the z/u rows
/// kept in registers over the whole depth), 3 inputs × 64 rows for gradients; narrower
/// tiles and scalar loops for the edges compute the same chains. The tile functions are
/// written out unrolled (they differ only in their sizes) so that LLVM keeps every
/// accumulator in a register: 24 × 8 doubles on AVX-512 (at ~120 GFLOP/s per core
/// measured in cache, against ~50 for OpenBLAS's Haswell and ~75 for its SkylakeX DGEMM
/// on these shapes).
enum NativeKernels {
    typealias V8 = SIMD8<Double>

    @inline(__always)
    static func load(_ p: UnsafePointer<Double>) -> V8 { UnsafeRawPointer(p).loadUnaligned(as: V8.self) }

    @inline(__always)
    static func store(_ v: V8, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: V8.self)
    }

    /// Rows rounded up to a multiple of 8 (the packed and transposed layouts).
    @inline(__always)
    static func padded(_ rows: Int) -> Int { (rows + 7) & ~7 }

    /// Packs the logical `rows × depth` matrix M into groups of 8 rows, k-major:
    /// `packed[(g·depth + k)·8 + i] = M[8g + i][k]` (0 past the last row). M is
    /// `matrix` (row-major rows × depth) or, if `transposed`, the transpose of `matrix`
    /// (row-major depth × rows).
    static func pack(_ matrix: UnsafePointer<Double>, rows: Int, depth: Int, transposed: Bool,
                     into packed: UnsafeMutablePointer<Double>) {
        for g in 0..<(padded(rows) / 8) {
            let group = packed + g * depth * 8
            for i in 0..<8 {
                let r = 8 * g + i
                if r >= rows {
                    for k in 0..<depth { group[k * 8 + i] = 0 }
                } else if transposed {
                    for k in 0..<depth { group[k * 8 + i] = matrix[k * rows + r] }
                } else {
                    let row = matrix + r * depth
                    for k in 0..<depth { group[k * 8 + i] = row[k] }
                }
            }
        }
    }

    /// `z[r][n] (+)= Σ_k M[r][k] a[k][n]` for r < rows, n < count (rows of z `ldz` apart,
    /// of a `lda` apart), M packed by ``pack``.
    static func product(packed: UnsafePointer<Double>, rows: Int, depth: Int,
                        input a: UnsafePointer<Double>, lda: Int, count: Int,
                        output z: UnsafeMutablePointer<Double>, ldz: Int, accumulate: Bool) {
        let groups = padded(rows) / 8
        var n = 0
        while n + 24 <= count {
            for g in 0..<groups {
                tile8x24(packed + g * depth * 8, depth, a + n, lda, z + 8 * g * ldz + n, ldz,
                         min(8, rows - 8 * g), accumulate)
            }
            n += 24
        }
        while n + 8 <= count {
            for g in 0..<groups {
                tile8x8(packed + g * depth * 8, depth, a + n, lda, z + 8 * g * ldz + n, ldz,
                        min(8, rows - 8 * g), accumulate)
            }
            n += 8
        }
        // Last < 8 samples: the same chains, one scalar at a time.
        while n < count {
            for r in 0..<rows {
                let weights = packed + (r / 8) * depth * 8 + (r % 8)
                var s = accumulate ? z[r * ldz + n] : 0
                for k in 0..<depth { s = s.addingProduct(weights[k * 8], a[k * lda + n]) }
                z[r * ldz + n] = s
            }
            n += 1
        }
    }

    /// `gᵀ[k][r] += Σ_n a[k][n] δᵀ[n][r]` for k < depth, r < rows8 (a multiple of 8), n < count;
    /// `gᵀ` is `depth × rows8` (k-major), `δᵀ` is `count × rows8`, rows of a `lda` apart.
    static func gradient(input a: UnsafePointer<Double>, lda: Int, depth: Int,
                         deltasT d: UnsafePointer<Double>, rows8: Int, count: Int,
                         accumulators g: UnsafeMutablePointer<Double>) {
        var r = 0
        while r + 64 <= rows8 {
            var k = 0
            while k + 3 <= depth { gradient3x64(a + k * lda, lda, d + r, rows8, count, g + k * rows8 + r, rows8); k += 3 }
            while k < depth { gradient1x64(a + k * lda, lda, d + r, rows8, count, g + k * rows8 + r, rows8); k += 1 }
            r += 64
        }
        while r < rows8 {
            var k = 0
            while k + 3 <= depth { gradient3x8(a + k * lda, lda, d + r, rows8, count, g + k * rows8 + r, rows8); k += 3 }
            while k < depth { gradient1x8(a + k * lda, lda, d + r, rows8, count, g + k * rows8 + r, rows8); k += 1 }
            r += 8
        }
    }

    /// One 8-row × 24-sample tile of ``product``; stores rows < `valid` only.
    @inline(__always)
    private static func tile8x24(_ w: UnsafePointer<Double>, _ depth: Int, _ a: UnsafePointer<Double>, _ lda: Int,
                                 _ z: UnsafeMutablePointer<Double>, _ ldz: Int, _ valid: Int, _ accumulate: Bool) {
        var s0_0 = accumulate && valid > 0 ? load(z + 0 * ldz + 0) : V8(repeating: 0)
        var s0_1 = accumulate && valid > 0 ? load(z + 0 * ldz + 8) : V8(repeating: 0)
        var s0_2 = accumulate && valid > 0 ? load(z + 0 * ldz + 16) : V8(repeating: 0)
        var s1_0 = accumulate && valid > 1 ? load(z + 1 * ldz + 0) : V8(repeating: 0)
        var s1_1 = accumulate && valid > 1 ? load(z + 1 * ldz + 8) : V8(repeating: 0)
        var s1_2 = accumulate && valid > 1 ? load(z + 1 * ldz + 16) : V8(repeating: 0)
        var s2_0 = accumulate && valid > 2 ? load(z + 2 * ldz + 0) : V8(repeating: 0)
        var s2_1 = accumulate && valid > 2 ? load(z + 2 * ldz + 8) : V8(repeating: 0)
        var s2_2 = accumulate && valid > 2 ? load(z + 2 * ldz + 16) : V8(repeating: 0)
        var s3_0 = accumulate && valid > 3 ? load(z + 3 * ldz + 0) : V8(repeating: 0)
        var s3_1 = accumulate && valid > 3 ? load(z + 3 * ldz + 8) : V8(repeating: 0)
        var s3_2 = accumulate && valid > 3 ? load(z + 3 * ldz + 16) : V8(repeating: 0)
        var s4_0 = accumulate && valid > 4 ? load(z + 4 * ldz + 0) : V8(repeating: 0)
        var s4_1 = accumulate && valid > 4 ? load(z + 4 * ldz + 8) : V8(repeating: 0)
        var s4_2 = accumulate && valid > 4 ? load(z + 4 * ldz + 16) : V8(repeating: 0)
        var s5_0 = accumulate && valid > 5 ? load(z + 5 * ldz + 0) : V8(repeating: 0)
        var s5_1 = accumulate && valid > 5 ? load(z + 5 * ldz + 8) : V8(repeating: 0)
        var s5_2 = accumulate && valid > 5 ? load(z + 5 * ldz + 16) : V8(repeating: 0)
        var s6_0 = accumulate && valid > 6 ? load(z + 6 * ldz + 0) : V8(repeating: 0)
        var s6_1 = accumulate && valid > 6 ? load(z + 6 * ldz + 8) : V8(repeating: 0)
        var s6_2 = accumulate && valid > 6 ? load(z + 6 * ldz + 16) : V8(repeating: 0)
        var s7_0 = accumulate && valid > 7 ? load(z + 7 * ldz + 0) : V8(repeating: 0)
        var s7_1 = accumulate && valid > 7 ? load(z + 7 * ldz + 8) : V8(repeating: 0)
        var s7_2 = accumulate && valid > 7 ? load(z + 7 * ldz + 16) : V8(repeating: 0)
        var wk = w, ak = a
        for _ in 0..<depth {
            let x0 = load(ak + 0); let x1 = load(ak + 8); let x2 = load(ak + 16)
            let w0 = V8(repeating: wk[0]); s0_0 = s0_0.addingProduct(w0, x0); s0_1 = s0_1.addingProduct(w0, x1); s0_2 = s0_2.addingProduct(w0, x2)
            let w1 = V8(repeating: wk[1]); s1_0 = s1_0.addingProduct(w1, x0); s1_1 = s1_1.addingProduct(w1, x1); s1_2 = s1_2.addingProduct(w1, x2)
            let w2 = V8(repeating: wk[2]); s2_0 = s2_0.addingProduct(w2, x0); s2_1 = s2_1.addingProduct(w2, x1); s2_2 = s2_2.addingProduct(w2, x2)
            let w3 = V8(repeating: wk[3]); s3_0 = s3_0.addingProduct(w3, x0); s3_1 = s3_1.addingProduct(w3, x1); s3_2 = s3_2.addingProduct(w3, x2)
            let w4 = V8(repeating: wk[4]); s4_0 = s4_0.addingProduct(w4, x0); s4_1 = s4_1.addingProduct(w4, x1); s4_2 = s4_2.addingProduct(w4, x2)
            let w5 = V8(repeating: wk[5]); s5_0 = s5_0.addingProduct(w5, x0); s5_1 = s5_1.addingProduct(w5, x1); s5_2 = s5_2.addingProduct(w5, x2)
            let w6 = V8(repeating: wk[6]); s6_0 = s6_0.addingProduct(w6, x0); s6_1 = s6_1.addingProduct(w6, x1); s6_2 = s6_2.addingProduct(w6, x2)
            let w7 = V8(repeating: wk[7]); s7_0 = s7_0.addingProduct(w7, x0); s7_1 = s7_1.addingProduct(w7, x1); s7_2 = s7_2.addingProduct(w7, x2)
            wk += 8; ak += lda
        }
        if valid > 0 { store(s0_0, z + 0 * ldz + 0); store(s0_1, z + 0 * ldz + 8); store(s0_2, z + 0 * ldz + 16) }
        if valid > 1 { store(s1_0, z + 1 * ldz + 0); store(s1_1, z + 1 * ldz + 8); store(s1_2, z + 1 * ldz + 16) }
        if valid > 2 { store(s2_0, z + 2 * ldz + 0); store(s2_1, z + 2 * ldz + 8); store(s2_2, z + 2 * ldz + 16) }
        if valid > 3 { store(s3_0, z + 3 * ldz + 0); store(s3_1, z + 3 * ldz + 8); store(s3_2, z + 3 * ldz + 16) }
        if valid > 4 { store(s4_0, z + 4 * ldz + 0); store(s4_1, z + 4 * ldz + 8); store(s4_2, z + 4 * ldz + 16) }
        if valid > 5 { store(s5_0, z + 5 * ldz + 0); store(s5_1, z + 5 * ldz + 8); store(s5_2, z + 5 * ldz + 16) }
        if valid > 6 { store(s6_0, z + 6 * ldz + 0); store(s6_1, z + 6 * ldz + 8); store(s6_2, z + 6 * ldz + 16) }
        if valid > 7 { store(s7_0, z + 7 * ldz + 0); store(s7_1, z + 7 * ldz + 8); store(s7_2, z + 7 * ldz + 16) }
    }

    /// One 8-row × 8-sample tile of ``product``; stores rows < `valid` only.
    @inline(__always)
    private static func tile8x8(_ w: UnsafePointer<Double>, _ depth: Int, _ a: UnsafePointer<Double>, _ lda: Int,
                                 _ z: UnsafeMutablePointer<Double>, _ ldz: Int, _ valid: Int, _ accumulate: Bool) {
        var s0_0 = accumulate && valid > 0 ? load(z + 0 * ldz + 0) : V8(repeating: 0)
        var s1_0 = accumulate && valid > 1 ? load(z + 1 * ldz + 0) : V8(repeating: 0)
        var s2_0 = accumulate && valid > 2 ? load(z + 2 * ldz + 0) : V8(repeating: 0)
        var s3_0 = accumulate && valid > 3 ? load(z + 3 * ldz + 0) : V8(repeating: 0)
        var s4_0 = accumulate && valid > 4 ? load(z + 4 * ldz + 0) : V8(repeating: 0)
        var s5_0 = accumulate && valid > 5 ? load(z + 5 * ldz + 0) : V8(repeating: 0)
        var s6_0 = accumulate && valid > 6 ? load(z + 6 * ldz + 0) : V8(repeating: 0)
        var s7_0 = accumulate && valid > 7 ? load(z + 7 * ldz + 0) : V8(repeating: 0)
        var wk = w, ak = a
        for _ in 0..<depth {
            let x0 = load(ak + 0)
            let w0 = V8(repeating: wk[0]); s0_0 = s0_0.addingProduct(w0, x0)
            let w1 = V8(repeating: wk[1]); s1_0 = s1_0.addingProduct(w1, x0)
            let w2 = V8(repeating: wk[2]); s2_0 = s2_0.addingProduct(w2, x0)
            let w3 = V8(repeating: wk[3]); s3_0 = s3_0.addingProduct(w3, x0)
            let w4 = V8(repeating: wk[4]); s4_0 = s4_0.addingProduct(w4, x0)
            let w5 = V8(repeating: wk[5]); s5_0 = s5_0.addingProduct(w5, x0)
            let w6 = V8(repeating: wk[6]); s6_0 = s6_0.addingProduct(w6, x0)
            let w7 = V8(repeating: wk[7]); s7_0 = s7_0.addingProduct(w7, x0)
            wk += 8; ak += lda
        }
        if valid > 0 { store(s0_0, z + 0 * ldz + 0) }
        if valid > 1 { store(s1_0, z + 1 * ldz + 0) }
        if valid > 2 { store(s2_0, z + 2 * ldz + 0) }
        if valid > 3 { store(s3_0, z + 3 * ldz + 0) }
        if valid > 4 { store(s4_0, z + 4 * ldz + 0) }
        if valid > 5 { store(s5_0, z + 5 * ldz + 0) }
        if valid > 6 { store(s6_0, z + 6 * ldz + 0) }
        if valid > 7 { store(s7_0, z + 7 * ldz + 0) }
    }

    /// One 3-input × 64-row tile of ``gradient`` (accumulators in registers over all samples).
    @inline(__always)
    private static func gradient3x64(_ a: UnsafePointer<Double>, _ lda: Int, _ d: UnsafePointer<Double>, _ ldd: Int,
                                     _ count: Int, _ g: UnsafeMutablePointer<Double>, _ ldg: Int) {
        var g0_0 = load(g + 0 * ldg + 0); var g0_1 = load(g + 0 * ldg + 8); var g0_2 = load(g + 0 * ldg + 16); var g0_3 = load(g + 0 * ldg + 24); var g0_4 = load(g + 0 * ldg + 32); var g0_5 = load(g + 0 * ldg + 40); var g0_6 = load(g + 0 * ldg + 48); var g0_7 = load(g + 0 * ldg + 56)
        var g1_0 = load(g + 1 * ldg + 0); var g1_1 = load(g + 1 * ldg + 8); var g1_2 = load(g + 1 * ldg + 16); var g1_3 = load(g + 1 * ldg + 24); var g1_4 = load(g + 1 * ldg + 32); var g1_5 = load(g + 1 * ldg + 40); var g1_6 = load(g + 1 * ldg + 48); var g1_7 = load(g + 1 * ldg + 56)
        var g2_0 = load(g + 2 * ldg + 0); var g2_1 = load(g + 2 * ldg + 8); var g2_2 = load(g + 2 * ldg + 16); var g2_3 = load(g + 2 * ldg + 24); var g2_4 = load(g + 2 * ldg + 32); var g2_5 = load(g + 2 * ldg + 40); var g2_6 = load(g + 2 * ldg + 48); var g2_7 = load(g + 2 * ldg + 56)
        var dn = d
        for n in 0..<count {
            let b0 = V8(repeating: a[0 * lda + n]); let b1 = V8(repeating: a[1 * lda + n]); let b2 = V8(repeating: a[2 * lda + n])
            let d0 = load(dn + 0); g0_0 = g0_0.addingProduct(b0, d0); g1_0 = g1_0.addingProduct(b1, d0); g2_0 = g2_0.addingProduct(b2, d0)
            let d1 = load(dn + 8); g0_1 = g0_1.addingProduct(b0, d1); g1_1 = g1_1.addingProduct(b1, d1); g2_1 = g2_1.addingProduct(b2, d1)
            let d2 = load(dn + 16); g0_2 = g0_2.addingProduct(b0, d2); g1_2 = g1_2.addingProduct(b1, d2); g2_2 = g2_2.addingProduct(b2, d2)
            let d3 = load(dn + 24); g0_3 = g0_3.addingProduct(b0, d3); g1_3 = g1_3.addingProduct(b1, d3); g2_3 = g2_3.addingProduct(b2, d3)
            let d4 = load(dn + 32); g0_4 = g0_4.addingProduct(b0, d4); g1_4 = g1_4.addingProduct(b1, d4); g2_4 = g2_4.addingProduct(b2, d4)
            let d5 = load(dn + 40); g0_5 = g0_5.addingProduct(b0, d5); g1_5 = g1_5.addingProduct(b1, d5); g2_5 = g2_5.addingProduct(b2, d5)
            let d6 = load(dn + 48); g0_6 = g0_6.addingProduct(b0, d6); g1_6 = g1_6.addingProduct(b1, d6); g2_6 = g2_6.addingProduct(b2, d6)
            let d7 = load(dn + 56); g0_7 = g0_7.addingProduct(b0, d7); g1_7 = g1_7.addingProduct(b1, d7); g2_7 = g2_7.addingProduct(b2, d7)
            dn += ldd
        }
        store(g0_0, g + 0 * ldg + 0); store(g0_1, g + 0 * ldg + 8); store(g0_2, g + 0 * ldg + 16); store(g0_3, g + 0 * ldg + 24); store(g0_4, g + 0 * ldg + 32); store(g0_5, g + 0 * ldg + 40); store(g0_6, g + 0 * ldg + 48); store(g0_7, g + 0 * ldg + 56)
        store(g1_0, g + 1 * ldg + 0); store(g1_1, g + 1 * ldg + 8); store(g1_2, g + 1 * ldg + 16); store(g1_3, g + 1 * ldg + 24); store(g1_4, g + 1 * ldg + 32); store(g1_5, g + 1 * ldg + 40); store(g1_6, g + 1 * ldg + 48); store(g1_7, g + 1 * ldg + 56)
        store(g2_0, g + 2 * ldg + 0); store(g2_1, g + 2 * ldg + 8); store(g2_2, g + 2 * ldg + 16); store(g2_3, g + 2 * ldg + 24); store(g2_4, g + 2 * ldg + 32); store(g2_5, g + 2 * ldg + 40); store(g2_6, g + 2 * ldg + 48); store(g2_7, g + 2 * ldg + 56)
    }

    /// One 1-input × 64-row tile of ``gradient`` (accumulators in registers over all samples).
    @inline(__always)
    private static func gradient1x64(_ a: UnsafePointer<Double>, _ lda: Int, _ d: UnsafePointer<Double>, _ ldd: Int,
                                     _ count: Int, _ g: UnsafeMutablePointer<Double>, _ ldg: Int) {
        var g0_0 = load(g + 0 * ldg + 0); var g0_1 = load(g + 0 * ldg + 8); var g0_2 = load(g + 0 * ldg + 16); var g0_3 = load(g + 0 * ldg + 24); var g0_4 = load(g + 0 * ldg + 32); var g0_5 = load(g + 0 * ldg + 40); var g0_6 = load(g + 0 * ldg + 48); var g0_7 = load(g + 0 * ldg + 56)
        var dn = d
        for n in 0..<count {
            let b0 = V8(repeating: a[0 * lda + n])
            let d0 = load(dn + 0); g0_0 = g0_0.addingProduct(b0, d0)
            let d1 = load(dn + 8); g0_1 = g0_1.addingProduct(b0, d1)
            let d2 = load(dn + 16); g0_2 = g0_2.addingProduct(b0, d2)
            let d3 = load(dn + 24); g0_3 = g0_3.addingProduct(b0, d3)
            let d4 = load(dn + 32); g0_4 = g0_4.addingProduct(b0, d4)
            let d5 = load(dn + 40); g0_5 = g0_5.addingProduct(b0, d5)
            let d6 = load(dn + 48); g0_6 = g0_6.addingProduct(b0, d6)
            let d7 = load(dn + 56); g0_7 = g0_7.addingProduct(b0, d7)
            dn += ldd
        }
        store(g0_0, g + 0 * ldg + 0); store(g0_1, g + 0 * ldg + 8); store(g0_2, g + 0 * ldg + 16); store(g0_3, g + 0 * ldg + 24); store(g0_4, g + 0 * ldg + 32); store(g0_5, g + 0 * ldg + 40); store(g0_6, g + 0 * ldg + 48); store(g0_7, g + 0 * ldg + 56)
    }

    /// One 3-input × 8-row tile of ``gradient`` (accumulators in registers over all samples).
    @inline(__always)
    private static func gradient3x8(_ a: UnsafePointer<Double>, _ lda: Int, _ d: UnsafePointer<Double>, _ ldd: Int,
                                     _ count: Int, _ g: UnsafeMutablePointer<Double>, _ ldg: Int) {
        var g0_0 = load(g + 0 * ldg + 0)
        var g1_0 = load(g + 1 * ldg + 0)
        var g2_0 = load(g + 2 * ldg + 0)
        var dn = d
        for n in 0..<count {
            let b0 = V8(repeating: a[0 * lda + n]); let b1 = V8(repeating: a[1 * lda + n]); let b2 = V8(repeating: a[2 * lda + n])
            let d0 = load(dn + 0); g0_0 = g0_0.addingProduct(b0, d0); g1_0 = g1_0.addingProduct(b1, d0); g2_0 = g2_0.addingProduct(b2, d0)
            dn += ldd
        }
        store(g0_0, g + 0 * ldg + 0)
        store(g1_0, g + 1 * ldg + 0)
        store(g2_0, g + 2 * ldg + 0)
    }

    /// One 1-input × 8-row tile of ``gradient`` (accumulators in registers over all samples).
    @inline(__always)
    private static func gradient1x8(_ a: UnsafePointer<Double>, _ lda: Int, _ d: UnsafePointer<Double>, _ ldd: Int,
                                     _ count: Int, _ g: UnsafeMutablePointer<Double>, _ ldg: Int) {
        var g0_0 = load(g + 0 * ldg + 0)
        var dn = d
        for n in 0..<count {
            let b0 = V8(repeating: a[0 * lda + n])
            let d0 = load(dn + 0); g0_0 = g0_0.addingProduct(b0, d0)
            dn += ldd
        }
        store(g0_0, g + 0 * ldg + 0)
    }

}
