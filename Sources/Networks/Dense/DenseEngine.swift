/// Loss, gradient, accuracy and exact Hessian–vector products of one MLP on a batch,
/// with the matrix products done by OpenBLAS DGEMM: the engine for large layers (E4's
/// 784-64-10 on thousands of samples, SCIENCE.md §3), where the block kernels of
/// ``Workspace`` reach about half of DGEMM's rate.
///
/// Same contract as `Workspace.pass(parameters:batch:gradient:countCorrect:)`: mean loss
/// over the batch, mean gradient in ``ParameterLayout`` order, the correct count by the
/// rule of ``Architecture/evaluate(parameters:on:)``; every hidden activation, output
/// activation and loss of the module (the per-sample output code is ``OutputLayer``'s and
/// the activation derivatives ``Activation``'s, shared with the block kernels).
///
/// **Order of operations.** The batch is cut into chunks of ``chunkWidth`` samples in
/// batch order. Per chunk and layer, DGEMM computes `Z = W A` (then `+ b`), and in the
/// backward pass accumulates `∂W += Δ Aᵀ` into the gradient (β = 1, chunk after chunk)
/// and `U = Wᵀ Δ`; bias gradients add each chunk's ``LaneSum`` of Δ; the loss is a
/// ``LaneSum`` over the whole batch. So the bits depend on the chunk width and on the BLAS
/// kernel (``BLASSettings``), but on nothing else: not on the thread that runs the engine,
/// nor on how many engines run at once, nor on memory addresses (OpenBLAS packs its
/// operands into its own buffers). Results differ from ``Workspace``'s in the last bits
/// only (different summation order; tested to ~1e-12 relative).
///
/// **Threads.** Every DGEMM runs on one BLAS thread (``BLASSettings/useOneThread()`` is
/// called by `init`); use one engine per worker thread and spread networks over threads.
/// An engine is not `Sendable`: it owns its scratch (allocated once in `init`, reused by
/// every pass, freed in `deinit`), about `chunkWidth · (4 Σ hidden + 5 outputs + inputs)`
/// doubles plus as much again once Hessian–vector products are used — 1.9 MB for
/// 784-64-10 at the default width, independent of the batch size.
public final class DenseEngine {
    /// The network this engine evaluates.
    public let architecture: Architecture
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
    private var owned: [UnsafeMutablePointer<Double>] = []

    /// An engine for `architecture` with its scratch for chunks of `chunkWidth` samples
    /// (rounded up to a multiple of 8).
    public init(architecture: Architecture, chunkWidth: Int = DenseEngine.defaultChunkWidth) {
        BLASSettings.useOneThread()
        self.architecture = architecture
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
            // The input layer needs only the gathered inputs (index batches).
            activations.append(make(sizes[l] * w))
            preactivations.append(l == 0 ? activations[0] : make(sizes[l] * w))
            deltas.append(l == 0 ? activations[0] : make(sizes[l] * w))
            upstreams.append(l == 0 || l == layerCount ? activations[0] : make(sizes[l] * w))
        }
        self.owned = owned
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
        rUpstream = make((sizes.max() ?? 1) * chunkWidth)
    }

    /// What one pass produced.
    public struct PassResult: Sendable, Equatable {
        /// Mean loss over the batch.
        public var loss: Double
        /// Correctly classified samples (0 unless requested).
        public var correct: Int
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
        let parameterCount = architecture.parameterCount
        let needsBackward = gradient != nil || !directions.isEmpty
        // Products need δ_l and ∂ℓ/∂a_l of the backward pass even when no gradient is asked for.
        let gradientOut = gradient
        if let gradientOut { gradientOut.update(repeating: 0, count: parameterCount) }
        for product in products { product.update(repeating: 0, count: parameterCount) }
        var lossLanes = SIMD8<Double>(repeating: 0)
        var correct = 0
        let dataset = batch.dataset
        let m = batch.count
        let w = chunkWidth
        let output = OutputLayer(activation: architecture.outputActivation, loss: architecture.loss,
                                 outputCount: architecture.outputCount, width: w)
        dataset.inputs.withUnsafeBufferPointer { inputs in
            dataset.targets.withUnsafeBufferPointer { targetValues in
                func walk(_ indices: UnsafePointer<Int>?) {
                    var start = 0
                    while start < m {
                        let count = min(w, m - start)
                        let padded = (count + 7) & ~7
                        let input = load(inputs: inputs.baseAddress!, targets: targetValues.baseAddress!,
                                         sampleCount: dataset.sampleCount, indices: indices, start: start,
                                         count: count, padded: padded)
                        forward(parameters, input: input, count: count, padded: padded, output: output)
                        let top = layerCount
                        output.lossAndDelta(
                            z: preactivations[top], yHat: activations[top], y: targets, losses: sampleLosses,
                            delta: needsBackward ? deltas[top] : nil, scratch: scratch, valid: count, padded: padded)
                        for g in 0..<(padded / 8) { lossLanes += LaneSum.load(sampleLosses + 8 * g) }
                        if countCorrect {
                            correct += output.correctCount(yHat: activations[top], y: targets, valid: count)
                        }
                        if needsBackward {
                            backward(parameters, input: input, count: count, padded: padded, into: gradientOut)
                        }
                        for (k, direction) in directions.enumerated() {
                            rOperator(parameters, direction: direction, input: input, count: count,
                                      padded: padded, output: output, into: products[k])
                        }
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
        let scale = Double(m)
        if let gradientOut {
            for p in 0..<parameterCount { gradientOut[p] /= scale }
        }
        for product in products {
            for p in 0..<parameterCount { product[p] /= scale }
        }
        return PassResult(loss: LaneSum.combine(lossLanes) / scale, correct: correct)
    }

    /// The chunk's input matrix (rows = input features): for a whole data set a view into
    /// its feature-major storage (leading dimension = sample count, no copy); for listed
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
        guard let indices else { return (inputs + start, sampleCount) }
        let gathered = activations[0]
        for f in 0..<architecture.inputCount {
            let row = gathered + f * w, from = inputs + f * sampleCount
            for n in 0..<count { row[n] = from[indices[start + n]] }
        }
        return (UnsafePointer(gathered), w)
    }

    /// The input matrix of affine layer `l` (1-based): the chunk's inputs or a_{l−1}.
    @inline(__always)
    private func layerInput(_ l: Int, _ input: (pointer: UnsafePointer<Double>, leading: Int))
        -> (pointer: UnsafePointer<Double>, leading: Int) {
        l == 1 ? input : (UnsafePointer(activations[l - 1]), chunkWidth)
    }

    /// z_l = W_l a_{l−1} + b_l and a_l = σ(z_l) for every layer (a_L = ŷ).
    private func forward(_ p: UnsafePointer<Double>, input: (pointer: UnsafePointer<Double>, leading: Int),
                         count: Int, padded: Int, output: OutputLayer) {
        let w = chunkWidth
        for layer in architecture.layout.layers {
            let l = layer.index + 1
            let (a, lda) = layerInput(l, input)
            let z = preactivations[l]
            dgemm(transposeA: false, transposeB: false, m: layer.outputCount, n: count, k: layer.inputCount,
                  p + layer.weights.lowerBound, lda: layer.inputCount, a, ldb: lda, beta: 0, z, ldc: w)
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

    /// `into[j] += Σ_n rows[j][n]` over the chunk, each row summed in ``LaneSum`` order.
    @inline(__always)
    private func addRowSums(_ rows: UnsafePointer<Double>, count: Int, padded: Int, rowCount: Int,
                            into out: UnsafeMutablePointer<Double>) {
        for j in 0..<rowCount {
            let row = rows + j * chunkWidth
            var lanes = SIMD8<Double>(repeating: 0)
            // Hidden rows are computed only up to `count` (the rest is stale), so the sum
            // stops there: full 8-groups, then the tail, each column in its lane n mod 8.
            let full = count & ~7
            var n = 0
            while n < full { lanes += LaneSum.load(row + n); n += 8 }
            while n < count { lanes[n & 7] += row[n]; n += 1 }
            out[j] += LaneSum.combine(lanes)
        }
    }

    /// Back-propagation for the chunk: adds ∂W_l = δ_l a_{l−1}ᵀ and ∂b_l = Σ δ_l into
    /// `gradient` (if given) and leaves δ_l, ∂ℓ/∂a_l of the hidden layers for the R-operator.
    private func backward(_ p: UnsafePointer<Double>, input: (pointer: UnsafePointer<Double>, leading: Int),
                          count: Int, padded: Int, into gradient: UnsafeMutablePointer<Double>?) {
        let w = chunkWidth
        for layer in architecture.layout.layers.reversed() {
            let l = layer.index + 1
            let (a, lda) = layerInput(l, input)
            if let gradient {
                dgemm(transposeA: false, transposeB: true, m: layer.outputCount, n: layer.inputCount, k: count,
                      deltas[l], lda: w, a, ldb: lda, beta: 1, gradient + layer.weights.lowerBound,
                      ldc: layer.inputCount)
                addRowSums(deltas[l], count: count, padded: padded, rowCount: layer.outputCount,
                           into: gradient + layer.biases.lowerBound)
            }
            guard l > 1 else { break }
            dgemm(transposeA: true, transposeB: false, m: layer.inputCount, n: count, k: layer.outputCount,
                  p + layer.weights.lowerBound, lda: layer.inputCount, deltas[l], ldb: w,
                  beta: 0, upstreams[l - 1], ldc: w)
            for i in 0..<layer.inputCount {
                architecture.hiddenActivation.multiplyByDerivative(
                    activations: activations[l - 1] + i * w, upstream: upstreams[l - 1] + i * w,
                    into: deltas[l - 1] + i * w, count: count)
            }
        }
    }

    /// Pearlmutter's R-operator for direction `v` on the chunk (after forward, loss with
    /// δ, and backward), adding the chunk's terms of Σ_n H_n v into `product`.
    /// Forward: R{z_l} = V_l a_{l−1} + v_b + W_l R{a_{l−1}}, R{a_l} = σ'(a_l) R{z_l};
    /// output: R{δ_L} = ℓ''(z_L) R{z_L} (``OutputLayer/rDelta``); backward:
    /// R{∂W_l} += R{δ_l} a_{l−1}ᵀ + δ_l R{a_{l−1}}ᵀ, R{∂b_l} += Σ R{δ_l},
    /// R{∂ℓ/∂a_{l−1}} = V_lᵀ δ_l + W_lᵀ R{δ_l}, R{δ_{l−1}} = σ' R{∂ℓ/∂a} + σ'' R{z} ∂ℓ/∂a.
    private func rOperator(_ p: UnsafePointer<Double>, direction v: UnsafePointer<Double>,
                           input: (pointer: UnsafePointer<Double>, leading: Int),
                           count: Int, padded: Int, output: OutputLayer,
                           into product: UnsafeMutablePointer<Double>) {
        let w = chunkWidth
        let layers = architecture.layout.layers
        let activation = architecture.hiddenActivation
        for layer in layers {
            let l = layer.index + 1
            let (a, lda) = layerInput(l, input)
            let rz = rPreactivations[l]
            dgemm(transposeA: false, transposeB: false, m: layer.outputCount, n: count, k: layer.inputCount,
                  v + layer.weights.lowerBound, lda: layer.inputCount, a, ldb: lda, beta: 0, rz, ldc: w)
            if l > 1 {
                dgemm(transposeA: false, transposeB: false, m: layer.outputCount, n: count, k: layer.inputCount,
                      p + layer.weights.lowerBound, lda: layer.inputCount, rActivations[l - 1], ldb: w,
                      beta: 1, rz, ldc: w)
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
            let out = product + layer.weights.lowerBound
            dgemm(transposeA: false, transposeB: true, m: layer.outputCount, n: layer.inputCount, k: count,
                  rDeltas[l], lda: w, a, ldb: lda, beta: 1, out, ldc: layer.inputCount)
            addRowSums(rDeltas[l], count: count, padded: padded, rowCount: layer.outputCount,
                       into: product + layer.biases.lowerBound)
            guard l > 1 else { break }
            dgemm(transposeA: false, transposeB: true, m: layer.outputCount, n: layer.inputCount, k: count,
                  deltas[l], lda: w, rActivations[l - 1], ldb: w, beta: 1, out, ldc: layer.inputCount)
            dgemm(transposeA: true, transposeB: false, m: layer.inputCount, n: count, k: layer.outputCount,
                  v + layer.weights.lowerBound, lda: layer.inputCount, deltas[l], ldb: w,
                  beta: 0, rUpstream, ldc: w)
            dgemm(transposeA: true, transposeB: false, m: layer.inputCount, n: count, k: layer.outputCount,
                  p + layer.weights.lowerBound, lda: layer.inputCount, rDeltas[l], ldb: w,
                  beta: 1, rUpstream, ldc: w)
            for i in 0..<layer.inputCount {
                activation.rBackward(
                    activations: activations[l - 1] + i * w, rUpstream: rUpstream + i * w,
                    rPreactivation: rPreactivations[l - 1] + i * w, upstream: upstreams[l - 1] + i * w,
                    into: rDeltas[l - 1] + i * w, count: count)
            }
        }
    }
}
