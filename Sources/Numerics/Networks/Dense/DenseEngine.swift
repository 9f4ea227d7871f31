/// Loss, gradient, accuracy and exact Hessian–vector products of one MLP on a batch,
/// with the matrix products done by register-blocked kernels (``NativeKernels``, the
/// default) or by OpenBLAS DGEMM: the engine for large layers (E4's 784-64-10 on
/// thousands of samples, docs/PROTOCOL.md §3), where the block kernels of ``Workspace`` reach
/// well under half of the machine's multiply-add rate.
///
/// Same contract as `Workspace.pass(parameters:batch:gradient:countCorrect:)`: mean loss
/// over the batch, mean gradient in ``ParameterLayout`` order, the correct count by the
/// rule of ``Architecture/evaluate(parameters:on:)``; every hidden activation, output
/// activation and loss of the module (the per-sample output code is ``OutputLayer``'s and
/// the activation derivatives ``Activation``'s, shared with the block kernels).
///
/// **Order of operations.** The batch is cut into chunks of ``chunkWidth`` samples in
/// batch order; per chunk and layer `Z = W A` (then `+ b`), `U = Wᵀ Δ`, and the sums over
/// samples `∂W += Δ Aᵀ`, `∂b += Σ Δ` go to accumulators that live across chunks; the loss
/// and the bias sums use ``LaneSum`` lanes over the whole batch. With the native kernel
/// every element of Z, U and ∂W is one FMA chain in a fixed order (inputs in order,
/// samples in batch order), so the loss, the gradient and the accuracy do not depend on
/// the chunk width, the machine or the build; Hessian–vector products add two outer
/// products per chunk and so depend on the chunk width too. With BLAS the bits depend
/// on the chunk width and on the BLAS kernel (``BLASSettings``). Neither depends on the
/// thread that runs the engine, on how many engines run at once, or on memory addresses.
/// Results differ from ``Workspace``'s in the last bits only (different summation order;
/// tested to ~1e-12 relative).
///
/// **Threads.** One engine per worker thread; spread networks over threads. An engine is
/// not `Sendable`: it owns its scratch (allocated in `init` and on the first use of
/// products, reused by every pass, freed in `deinit`). For 784-64-10 at the default width
/// that is about 3.1 MB (half of it the chunk of inputs), plus 0.8 MB for the first
/// direction and 0.4 MB for each further one — independent of the batch size.
/// The BLAS kernel runs every DGEMM on one BLAS thread (`init` calls
/// ``BLASSettings/useOneThread()``).
public final class DenseEngine {
    /// Which code multiplies the matrices.
    public enum Kernel: String, Sendable, Hashable, Codable, CaseIterable {
        /// ``NativeKernels``: register-blocked tiles with explicit FMAs; the same bits on
        /// every x86-64 machine and build, and the gradient independent of the chunk width.
        case native
        /// OpenBLAS `cblas_dgemm` on one thread; the bits depend on ``BLASSettings``.
        case blas
    }

    /// The network this engine evaluates.
    public let architecture: Architecture
    /// The matrix-product code in use.
    public let kernel: Kernel
    /// Samples per chunk (a multiple of 8); part of the order of operations (see above).
    public let chunkWidth: Int
    /// The default chunk width: the X chunk of 784 inputs (1.6 MB) stays in a 2 MB L2
    /// cache between the forward product and the gradient product that reads it again.
    public static let defaultChunkWidth = 256

    let layerCount: Int
    /// Per layer l = 0…L (index 0 unused except `activations[0]`, the gathered inputs):
    /// z_l, a_l (a_L = ŷ), δ_l = ∂ℓ/∂z_l, and ∂ℓ/∂a_l for hidden layers; each
    /// `width_l × chunkWidth`, feature-major like ``Dataset``.
    private var preactivations: [UnsafeMutablePointer<Double>] = []
    private var activations: [UnsafeMutablePointer<Double>] = []
    private var deltas: [UnsafeMutablePointer<Double>] = []
    private var upstreams: [UnsafeMutablePointer<Double>] = []
    private let targets: UnsafeMutablePointer<Double>
    private let sampleLosses: UnsafeMutablePointer<Double>
    /// Three rows for ``OutputLayer`` (softmax maxima, sums, totals).
    private let scratch: UnsafeMutablePointer<Double>
    /// R{z_l}, R{a_l}, R{δ_l} and one row block for R{∂ℓ/∂a}: allocated on first use.
    private var rPreactivations: [UnsafeMutablePointer<Double>] = []
    private var rActivations: [UnsafeMutablePointer<Double>] = []
    private var rDeltas: [UnsafeMutablePointer<Double>] = []
    private var rUpstream: UnsafeMutablePointer<Double>?
    /// Sums over the batch, per slot (gradient, then one per direction): per layer the
    /// weight terms (k-major `in × rows8` for the native kernel, row-major `out × in` for
    /// BLAS) followed by 8 ``LaneSum`` lanes per bias.
    private var accumulators: [UnsafeMutablePointer<Double>] = []
    private let accumulatorOffsets: [Int]
    private let accumulatorCount: Int
    /// Native kernel: the packed matrix of the current product, and δᵀ of the chunk.
    private let packed: UnsafeMutablePointer<Double>
    private let transposedDeltas: UnsafeMutablePointer<Double>
    /// Loss lanes per network of ``passes(parameters:batch:gradients:countCorrect:results:)``.
    private var groupLossLanes: [UnsafeMutablePointer<Double>] = []
    private var owned: [UnsafeMutablePointer<Double>] = []

    /// An engine for `architecture` with `kernel` and its scratch for chunks of
    /// `chunkWidth` samples (rounded up to a multiple of 8).
    public init(architecture: Architecture, kernel: Kernel = .native,
                chunkWidth: Int = DenseEngine.defaultChunkWidth) {
        if kernel == .blas { BLASSettings.useOneThread() }
        self.architecture = architecture
        self.kernel = kernel
        self.chunkWidth = max(8, (chunkWidth + 7) & ~7)
        let sizes = architecture.layerSizes
        layerCount = sizes.count - 1
        let w = self.chunkWidth
        var owned: [UnsafeMutablePointer<Double>] = []
        func make(_ count: Int) -> UnsafeMutablePointer<Double> {
            let pointer = DenseEngine.allocate(count)
            owned.append(pointer)
            return pointer
        }
        targets = make(sizes[layerCount] * w)
        sampleLosses = make(w)
        scratch = make(3 * w)
        for l in 0...layerCount {
            // Layer 0 needs only its copy of the chunk's inputs.
            activations.append(make(sizes[l] * w))
            preactivations.append(l == 0 ? activations[0] : make(sizes[l] * w))
            deltas.append(l == 0 ? activations[0] : make(sizes[l] * w))
            upstreams.append(l == 0 || l == layerCount ? activations[0] : make(sizes[l] * w))
        }
        var offsets: [Int] = [], total = 0
        var packedCount = 0, maximumRows8 = 8
        for layer in architecture.layout.layers {
            let rows8 = NativeKernels.padded(layer.outputCount)
            offsets.append(total)
            total += layer.inputCount * rows8 + 8 * layer.outputCount
            packedCount = max(packedCount, rows8 * layer.inputCount,
                              NativeKernels.padded(layer.inputCount) * layer.outputCount)
            maximumRows8 = max(maximumRows8, rows8)
        }
        accumulatorOffsets = offsets
        accumulatorCount = total
        packed = make(kernel == .native ? packedCount : 0)
        transposedDeltas = make(kernel == .native ? maximumRows8 * w : 0)
        self.owned = owned
    }

    /// The accumulators of `slot` (0: gradient, 1 + k: product k), allocated on first use.
    private func prepareAccumulators(slots: Int) {
        while accumulators.count < slots {
            let pointer = DenseEngine.allocate(accumulatorCount)
            owned.append(pointer)
            accumulators.append(pointer)
        }
    }

    deinit {
        for pointer in owned { pointer.deallocate() }
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Double> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 8) * 8, alignment: 64)
        let pointer = raw.bindMemory(to: Double.self, capacity: max(count, 8))
        // Zeroed so that the padding columns of a short last chunk hold finite values.
        pointer.initialize(repeating: 0, count: max(count, 8))
        return pointer
    }

    private func prepareRBuffers() {
        guard rPreactivations.isEmpty else { return }
        let sizes = architecture.layerSizes
        func make(_ count: Int) -> UnsafeMutablePointer<Double> {
            let pointer = DenseEngine.allocate(count)
            owned.append(pointer)
            return pointer
        }
        for l in 0...layerCount {
            // Layer 0 (the inputs) has no R-quantities: a placeholder keeps the indexing.
            let count = l == 0 ? 0 : sizes[l] * chunkWidth
            rPreactivations.append(make(count))
            rActivations.append(make(count))
            rDeltas.append(make(count))
        }
        // R{∂ℓ/∂a} exists for hidden layers only.
        rUpstream = make((sizes.dropFirst().dropLast().max() ?? 1) * chunkWidth)
    }

    /// What one pass produced.
    public struct PassResult: Sendable, Equatable {
        /// Mean loss over the batch.
        public var loss: Double
        /// Correctly classified samples (0 unless requested).
        public var correct: Int

        /// A result (e.g. to initialize a buffer for ``DenseEngine/passes(parameters:batch:gradients:countCorrect:results:)``).
        public init(loss: Double, correct: Int) {
            self.loss = loss
            self.correct = correct
        }
    }

    /// One pass over `batch` at `parameters` (``ParameterLayout`` order): the mean loss;
    /// the mean gradient into `gradient` if given; the mean Hessian–vector products
    /// H·v_k into `products[k]` for the `directions` v_k (Pearlmutter's R-operator,
    /// forward-over-reverse, sharing the forward and backward pass); the correct count if
    /// `countCorrect`. The caller guarantees the sizes (the array methods check them).
    public func pass(
        parameters: UnsafePointer<Double>, batch: Batch,
        gradient: UnsafeMutablePointer<Double>?,
        directions: [UnsafePointer<Double>] = [], products: [UnsafeMutablePointer<Double>] = [],
        countCorrect: Bool = false
    ) -> PassResult {
        precondition(directions.count == products.count, "one product buffer per direction")
        if !directions.isEmpty { prepareRBuffers() }
        // Products need δ_l and ∂ℓ/∂a_l of the backward pass even when no gradient is asked for.
        let needsBackward = gradient != nil || !directions.isEmpty
        prepareAccumulators(slots: 1 + directions.count)
        for slot in 0..<(1 + directions.count) where slot > 0 || gradient != nil {
            accumulators[slot].update(repeating: 0, count: accumulatorCount)
        }
        var lossLanes = SIMD8<Double>(repeating: 0)
        var correct = 0
        let output = outputLayer
        walkChunks(batch) { input, count, padded in
            correct += chunkLoss(parameters, input: input, count: count, padded: padded, output: output,
                                 withDelta: needsBackward, countCorrect: countCorrect, lossLanes: &lossLanes)
            if needsBackward {
                backward(parameters, input: input, count: count, accumulate: gradient != nil)
            }
            for (k, direction) in directions.enumerated() {
                rOperator(parameters, direction: direction, input: input, count: count,
                          padded: padded, output: output, slot: 1 + k)
            }
        }
        let m = batch.count
        if let gradient { finish(slot: 0, into: gradient, sampleCount: m) }
        for (k, product) in products.enumerated() { finish(slot: 1 + k, into: product, sampleCount: m) }
        return PassResult(loss: LaneSum.combine(lossLanes) / Double(m), correct: correct)
    }

    /// ``pass(parameters:batch:gradient:directions:products:countCorrect:)`` for several
    /// networks of this architecture at once, loss and gradient only: each chunk of inputs
    /// is loaded once and used by every network while it is in cache (the inputs of a
    /// 10 000-sample batch are 63 MB, more than the L3 cache). Network g gets exactly the
    /// bits that a single pass would give it (its arithmetic is the same, in the same
    /// order); `results[g]` receives its loss and correct count. Allocates nothing after
    /// the first call with a group of this size.
    public func passes(
        parameters: [UnsafePointer<Double>], batch: Batch, gradients: [UnsafeMutablePointer<Double>],
        countCorrect: Bool = false, results: UnsafeMutablePointer<PassResult>
    ) {
        precondition(parameters.count == gradients.count, "one gradient buffer per network")
        let networks = parameters.count
        prepareAccumulators(slots: networks)
        while groupLossLanes.count < networks {
            let pointer = DenseEngine.allocate(8)
            owned.append(pointer)
            groupLossLanes.append(pointer)
        }
        for g in 0..<networks {
            accumulators[g].update(repeating: 0, count: accumulatorCount)
            groupLossLanes[g].update(repeating: 0, count: 8)
            results[g] = PassResult(loss: 0, correct: 0)
        }
        let output = outputLayer
        walkChunks(batch) { input, count, padded in
            for g in 0..<networks {
                var lanes = LaneSum.load(groupLossLanes[g])
                results[g].correct += chunkLoss(parameters[g], input: input, count: count, padded: padded,
                                                output: output, withDelta: true, countCorrect: countCorrect,
                                                lossLanes: &lanes)
                LaneSum.store(lanes, groupLossLanes[g])
                backward(parameters[g], input: input, count: count, accumulate: true, slot: g)
            }
        }
        for g in 0..<networks {
            finish(slot: g, into: gradients[g], sampleCount: batch.count)
            results[g].loss = LaneSum.combine(groupLossLanes[g]) / Double(batch.count)
        }
    }

    private var outputLayer: OutputLayer {
        OutputLayer(activation: architecture.outputActivation, loss: architecture.loss,
                    outputCount: architecture.outputCount, width: chunkWidth)
    }

    /// Calls `body(input, count, padded)` for each chunk of `batch` in order, after
    /// loading its inputs and targets.
    private func walkChunks(
        _ batch: Batch,
        _ body: (_ input: (pointer: UnsafePointer<Double>, leading: Int), _ count: Int, _ padded: Int) -> Void
    ) {
        let dataset = batch.dataset
        let m = batch.count
        dataset.inputs.withUnsafeBufferPointer { inputs in
            dataset.targets.withUnsafeBufferPointer { targetValues in
                func walk(_ indices: UnsafePointer<Int>?) {
                    var start = 0
                    while start < m {
                        let count = min(chunkWidth, m - start)
                        let padded = (count + 7) & ~7
                        let input = load(inputs: inputs.baseAddress!, targets: targetValues.baseAddress!,
                                         sampleCount: dataset.sampleCount, indices: indices, start: start,
                                         count: count, padded: padded)
                        body(input, count, padded)
                        start += count
                    }
                }
                if let indices = batch.indices {
                    indices.withUnsafeBufferPointer { walk($0.baseAddress!) }
                } else {
                    walk(nil)
                }
            }
        }
    }

    /// Forward pass and per-sample losses (and δ_L if `withDelta`) of one chunk: adds
    /// the losses to `lossLanes` sample by sample (so the loss is one LaneSum over the
    /// batch, whatever the chunk width) and returns the chunk's correct count (if asked).
    private func chunkLoss(
        _ parameters: UnsafePointer<Double>, input: (pointer: UnsafePointer<Double>, leading: Int),
        count: Int, padded: Int, output: OutputLayer, withDelta: Bool, countCorrect: Bool,
        lossLanes: inout SIMD8<Double>
    ) -> Int {
        forward(parameters, input: input, count: count, padded: padded, output: output)
        let top = layerCount
        output.lossAndDelta(
            z: preactivations[top], yHat: activations[top], y: targets, losses: sampleLosses,
            delta: withDelta ? deltas[top] : nil, scratch: scratch, valid: count, padded: padded)
        for g in 0..<(padded / 8) { lossLanes += LaneSum.load(sampleLosses + 8 * g) }
        return countCorrect ? output.correctCount(yHat: activations[top], y: targets, valid: count) : 0
    }

    /// The chunk's input matrix (rows = input features): for a whole data set in order, a
    /// view into its feature-major storage (leading dimension = sample count); for listed
    /// samples a gathered copy. Also loads the targets, zero-padded to `padded`.
    private func load(
        inputs: UnsafePointer<Double>, targets source: UnsafePointer<Double>, sampleCount: Int,
        indices: UnsafePointer<Int>?, start: Int, count: Int, padded: Int
    ) -> (pointer: UnsafePointer<Double>, leading: Int) {
        let w = chunkWidth
        for k in 0..<architecture.outputCount {
            let row = targets + k * w, from = source + k * sampleCount
            if let indices {
                for n in 0..<count { row[n] = from[indices[start + n]] }
            } else {
                for n in 0..<count { row[n] = from[start + n] }
            }
            for n in count..<padded { row[n] = 0 }
        }
        // The products read the same values in the same order from a view or a copy, so
        // the bits do not depend on it; the view saves copying the chunk at every step.
        if indices == nil { return (inputs + start, sampleCount) }
        let copy = activations[0]
        for f in 0..<architecture.inputCount {
            let row = copy + f * w, from = inputs + f * sampleCount
            if let indices {
                for n in 0..<count { row[n] = from[indices[start + n]] }
            } else {
                row.update(from: from + start, count: count)
            }
        }
        return (UnsafePointer(copy), w)
    }

    /// The input matrix of affine layer `l` (1-based): the chunk's inputs or a_{l−1}.
    @inline(__always)
    private func layerInput(_ l: Int, _ input: (pointer: UnsafePointer<Double>, leading: Int))
        -> (pointer: UnsafePointer<Double>, leading: Int) {
        l == 1 ? input : (UnsafePointer(activations[l - 1]), chunkWidth)
    }

    // MARK: The three products, by either kernel

    /// `z (+)= M a` for the `rows × depth` matrix M = `matrix` (row-major) or, if
    /// `transposed`, M = `matrix`ᵀ (`matrix` row-major depth × rows); z rows `chunkWidth` apart.
    private func multiply(_ matrix: UnsafePointer<Double>, transposed: Bool, rows: Int, depth: Int,
                          input a: UnsafePointer<Double>, lda: Int, count: Int,
                          into z: UnsafeMutablePointer<Double>, accumulate: Bool) {
        switch kernel {
        case .native:
            NativeKernels.pack(matrix, rows: rows, depth: depth, transposed: transposed, into: packed)
            NativeKernels.product(packed: packed, rows: rows, depth: depth, input: a, lda: lda, count: count,
                                  output: z, ldz: chunkWidth, accumulate: accumulate)
        case .blas:
            dgemm(transposeA: transposed, transposeB: false, m: rows, n: count, k: depth,
                  matrix, lda: transposed ? rows : depth, a, ldb: lda, beta: accumulate ? 1 : 0, z, ldc: chunkWidth)
        }
    }

    /// Adds the chunk's `Σ_n δ[j][n] a[i][n]` and (if `biases`) `Σ_n δ[j][n]` of `layer`
    /// to the accumulators of `slot` (0: gradient, 1 + k: product k).
    private func accumulateOuterProducts(slot: Int, layer: ParameterLayout.Layer,
                                         deltas d: UnsafePointer<Double>, input a: UnsafePointer<Double>,
                                         lda: Int, count: Int, biases: Bool = true) {
        let w = chunkWidth
        let region = accumulators[slot] + accumulatorOffsets[layer.index]
        let out = layer.outputCount, rows8 = NativeKernels.padded(out)
        switch kernel {
        case .native:
            // δᵀ (count × rows8, zero columns past the last row) feeds 8 rows per vector.
            for n in 0..<count {
                let row = transposedDeltas + n * rows8
                for j in 0..<out { row[j] = d[j * w + n] }
                for j in out..<rows8 { row[j] = 0 }
            }
            NativeKernels.gradient(input: a, lda: lda, depth: layer.inputCount, deltasT: transposedDeltas,
                                   rows8: rows8, count: count, accumulators: region)
        case .blas:
            dgemm(transposeA: false, transposeB: true, m: out, n: layer.inputCount, k: count,
                  d, lda: w, a, ldb: lda, beta: 1, region, ldc: layer.inputCount)
        }
        guard biases else { return }
        // Bias sums in LaneSum lanes over the whole batch (chunks start at multiples of 8).
        let lanes = region + layer.inputCount * rows8
        let full = count & ~7
        for j in 0..<out {
            let row = d + j * w, lane = lanes + 8 * j
            var sum = LaneSum.load(lane)
            var n = 0
            while n < full { sum += LaneSum.load(row + n); n += 8 }
            LaneSum.store(sum, lane)
            while n < count { lane[n & 7] += row[n]; n += 1 }
        }
    }

    /// Writes the mean (÷ m) of the accumulators of `slot` in ``ParameterLayout`` order.
    private func finish(slot: Int, into result: UnsafeMutablePointer<Double>, sampleCount m: Int) {
        let scale = Double(m)
        for layer in architecture.layout.layers {
            let region = accumulators[slot] + accumulatorOffsets[layer.index]
            let inputs = layer.inputCount, rows8 = NativeKernels.padded(layer.outputCount)
            let weights = result + layer.weights.lowerBound
            for j in 0..<layer.outputCount {
                for i in 0..<inputs {
                    // Native accumulators are k-major (gᵀ), BLAS ones row-major like the layout.
                    let value = kernel == .native ? region[i * rows8 + j] : region[j * inputs + i]
                    weights[j * inputs + i] = value / scale
                }
                result[layer.biases.lowerBound + j] = LaneSum.combine(region + inputs * rows8 + 8 * j) / scale
            }
        }
    }

    // MARK: Forward, backward, R-operator

    /// z_l = W_l a_{l−1} + b_l and a_l = σ(z_l) for every layer (a_L = ŷ).
    private func forward(_ p: UnsafePointer<Double>, input: (pointer: UnsafePointer<Double>, leading: Int),
                         count: Int, padded: Int, output: OutputLayer) {
        let w = chunkWidth
        for layer in architecture.layout.layers {
            let l = layer.index + 1
            let (a, lda) = layerInput(l, input)
            let z = preactivations[l]
            multiply(p + layer.weights.lowerBound, transposed: false, rows: layer.outputCount,
                     depth: layer.inputCount, input: a, lda: lda, count: count, into: z, accumulate: false)
            addBiases(p + layer.biases.lowerBound, to: z, rows: layer.outputCount, count: count)
            if l < layerCount {
                for j in 0..<layer.outputCount {
                    architecture.hiddenActivation.apply(z + j * w, to: activations[l] + j * w, count: count)
                }
            } else {
                output.activate(z, into: activations[l], scratch: scratch, padded: padded)
            }
        }
    }

    @inline(__always)
    private func addBiases(_ b: UnsafePointer<Double>, to z: UnsafeMutablePointer<Double>, rows: Int, count: Int) {
        for j in 0..<rows {
            let row = z + j * chunkWidth, bias = b[j]
            for n in 0..<count { row[n] += bias }
        }
    }

    /// Back-propagation for the chunk: adds δ_l a_{l−1}ᵀ and Σ δ_l to the gradient
    /// accumulators (if `accumulate`) and leaves δ_l, ∂ℓ/∂a_l of the hidden layers for
    /// the R-operator.
    private func backward(_ p: UnsafePointer<Double>, input: (pointer: UnsafePointer<Double>, leading: Int),
                          count: Int, accumulate: Bool, slot: Int = 0) {
        let w = chunkWidth
        for layer in architecture.layout.layers.reversed() {
            let l = layer.index + 1
            let (a, lda) = layerInput(l, input)
            if accumulate {
                accumulateOuterProducts(slot: slot, layer: layer, deltas: deltas[l], input: a, lda: lda, count: count)
            }
            guard l > 1 else { break }
            multiply(p + layer.weights.lowerBound, transposed: true, rows: layer.inputCount,
                     depth: layer.outputCount, input: deltas[l], lda: w, count: count,
                     into: upstreams[l - 1], accumulate: false)
            for i in 0..<layer.inputCount {
                architecture.hiddenActivation.multiplyByDerivative(
                    activations: activations[l - 1] + i * w, upstream: upstreams[l - 1] + i * w,
                    into: deltas[l - 1] + i * w, count: count)
            }
        }
    }

    /// Pearlmutter's R-operator for direction `v` on the chunk (after forward, loss with
    /// δ, and backward), adding the chunk's terms of Σ_n H_n v to the accumulators of `slot`.
    /// Forward: R{z_l} = V_l a_{l−1} + v_b + W_l R{a_{l−1}}, R{a_l} = σ'(a_l) R{z_l};
    /// output: R{δ_L} = ℓ''(z_L) R{z_L} (``OutputLayer/rDelta``); backward:
    /// R{∂W_l} += R{δ_l} a_{l−1}ᵀ + δ_l R{a_{l−1}}ᵀ, R{∂b_l} += Σ R{δ_l},
    /// R{∂ℓ/∂a_{l−1}} = V_lᵀ δ_l + W_lᵀ R{δ_l}, R{δ_{l−1}} = σ' R{∂ℓ/∂a} + σ'' R{z} ∂ℓ/∂a.
    private func rOperator(_ p: UnsafePointer<Double>, direction v: UnsafePointer<Double>,
                           input: (pointer: UnsafePointer<Double>, leading: Int),
                           count: Int, padded: Int, output: OutputLayer, slot: Int) {
        let w = chunkWidth
        let layers = architecture.layout.layers
        let activation = architecture.hiddenActivation
        for layer in layers {
            let l = layer.index + 1
            let (a, lda) = layerInput(l, input)
            let rz = rPreactivations[l]
            multiply(v + layer.weights.lowerBound, transposed: false, rows: layer.outputCount,
                     depth: layer.inputCount, input: a, lda: lda, count: count, into: rz, accumulate: false)
            if l > 1 {
                multiply(p + layer.weights.lowerBound, transposed: false, rows: layer.outputCount,
                         depth: layer.inputCount, input: rActivations[l - 1], lda: w, count: count,
                         into: rz, accumulate: true)
            }
            addBiases(v + layer.biases.lowerBound, to: rz, rows: layer.outputCount, count: count)
            if l < layerCount {
                for j in 0..<layer.outputCount {
                    activation.multiplyByDerivative(
                        activations: activations[l] + j * w, upstream: rz + j * w,
                        into: rActivations[l] + j * w, count: count)
                }
            }
        }
        let top = layerCount
        output.rDelta(rZ: rPreactivations[top], yHat: activations[top], y: targets, into: rDeltas[top],
                      scratch: scratch, valid: count, padded: padded)
        guard let rUpstream else { return }
        for layer in layers.reversed() {
            let l = layer.index + 1
            let (a, lda) = layerInput(l, input)
            accumulateOuterProducts(slot: slot, layer: layer, deltas: rDeltas[l], input: a, lda: lda, count: count)
            guard l > 1 else { break }
            // δ_l R{a_{l−1}}ᵀ: a weight term only (R{∂b_l} is Σ R{δ_l}, added above).
            accumulateOuterProducts(slot: slot, layer: layer, deltas: deltas[l], input: rActivations[l - 1],
                                    lda: w, count: count, biases: false)
            multiply(v + layer.weights.lowerBound, transposed: true, rows: layer.inputCount,
                     depth: layer.outputCount, input: deltas[l], lda: w, count: count,
                     into: rUpstream, accumulate: false)
            multiply(p + layer.weights.lowerBound, transposed: true, rows: layer.inputCount,
                     depth: layer.outputCount, input: rDeltas[l], lda: w, count: count,
                     into: rUpstream, accumulate: true)
            for i in 0..<layer.inputCount {
                activation.rBackward(
                    activations: activations[l - 1] + i * w, rUpstream: rUpstream + i * w,
                    rPreactivation: rPreactivations[l - 1] + i * w, upstream: upstreams[l - 1] + i * w,
                    into: rDeltas[l - 1] + i * w, count: count)
            }
        }
    }
}
