/// Forward pass, loss, back-propagation and Pearlmutter's R-operator on blocks of
/// samples (Rumelhart et al. 1986; Pearlmutter 1994, "Fast exact multiplication by the
/// Hessian"). Every sum over samples goes through 8 lanes (``LaneSum``), so the results
/// do not depend on the block width; parameters are in ``ParameterLayout`` order.
extension Workspace {
    /// Copies samples `start..<start+count` of the batch into the input and target rows
    /// and zeroes the padding up to the next multiple of 8. Returns the padded count.
    @discardableResult
    func loadBlock(inputs: UnsafePointer<Double>, targets source: UnsafePointer<Double>,
                   sampleCount m: Int, indices: UnsafePointer<Int>?, start: Int, count: Int) -> Int {
        let w = blockWidth
        let padded = (count + 7) & ~7
        let sizes = architecture.layerSizes
        let input = activations[0]
        for f in 0..<sizes[0] {
            let row = input + f * w, from = inputs + f * m
            if let indices {
                for n in 0..<count { row[n] = from[indices[start + n]] }
            } else {
                row.update(from: from + start, count: count)
            }
            for n in count..<padded { row[n] = 0 }
        }
        for k in 0..<sizes[layerCount] {
            let row = targets + k * w, from = source + k * m
            if let indices {
                for n in 0..<count { row[n] = from[indices[start + n]] }
            } else {
                row.update(from: from + start, count: count)
            }
            for n in count..<padded { row[n] = 0 }
        }
        return padded
    }

    /// z_l and a_l for every layer (a_L = ŷ) on the loaded block.
    func forward(parameters p: UnsafePointer<Double>, padded: Int) {
        let layout = architecture.layout
        let groups = padded / 8
        for layer in layout.layers {
            let l = layer.index + 1
            BlockKernels.affine(
                weights: p + layer.weights.lowerBound, biases: p + layer.biases.lowerBound,
                inputs: activations[l - 1], inputCount: layer.inputCount,
                outputs: preactivations[l], outputCount: layer.outputCount,
                blockWidth: blockWidth, groups: groups, accumulate: false)
            if l < layerCount {
                for j in 0..<layer.outputCount {
                    architecture.hiddenActivation.apply(
                        preactivations[l] + j * blockWidth, to: activations[l] + j * blockWidth, count: padded)
                }
            } else {
                outputLayer.activate(preactivations[l], into: activations[l], scratch: scratch, padded: padded)
            }
        }
    }

    /// The output end of this network.
    var outputLayer: OutputLayer {
        OutputLayer(activation: architecture.outputActivation, loss: architecture.loss,
                    outputCount: architecture.outputCount, width: blockWidth)
    }

    /// Per-sample losses (and δ_L if `withDelta`), added into `lossLanes`.
    func outputLoss(valid: Int, padded: Int, withDelta: Bool, lossLanes: inout SIMD8<Double>) {
        let l = layerCount
        outputLayer.lossAndDelta(
            z: preactivations[l], yHat: activations[l], y: targets, losses: sampleLosses,
            delta: withDelta ? deltas[l] : nil, scratch: scratch, valid: valid, padded: padded)
        for g in 0..<(padded / 8) { lossLanes += LaneSum.load(sampleLosses + 8 * g) }
    }

    /// Back-propagation from δ_L: adds the block's gradient terms into `lanes` and keeps
    /// ∂ℓ/∂a_h and δ_h of the hidden layers.
    func backward(parameters p: UnsafePointer<Double>, padded: Int, lanes: UnsafeMutablePointer<Double>) {
        let groups = padded / 8
        for layer in architecture.layout.layers.reversed() {
            let l = layer.index + 1
            BlockKernels.accumulateOuterProducts(
                deltas: deltas[l], activations: activations[l - 1], second: nil,
                inputCount: layer.inputCount, outputCount: layer.outputCount,
                weightLanes: lanes + 8 * layer.weights.lowerBound, biasLanes: lanes + 8 * layer.biases.lowerBound,
                blockWidth: blockWidth, groups: groups)
            guard l > 1 else { break }
            BlockKernels.transposedProduct(
                weights: p + layer.weights.lowerBound, inputCount: layer.inputCount, outputCount: layer.outputCount,
                deltas: deltas[l], into: upstreams[l - 1], blockWidth: blockWidth, groups: groups, accumulate: false)
            for i in 0..<layer.inputCount {
                let offset = i * blockWidth
                architecture.hiddenActivation.multiplyByDerivative(
                    activations: activations[l - 1] + offset, upstream: upstreams[l - 1] + offset,
                    into: deltas[l - 1] + offset, count: padded)
            }
        }
    }

    /// Pearlmutter's R-operator for direction `v` on the loaded block (after ``forward``,
    /// ``outputLoss`` with δ, and ``backward``): adds the block's Hessian–vector terms
    /// into `lanes`. Forward: R{z_l} = V_l a_{l−1} + v_b + W_l R{a_{l−1}}, R{a} = σ' R{z};
    /// output: R{δ_L} = ℓ''(z) R{z_L}; backward: R{∂W_l} += R{δ_l} a_{l−1}ᵀ + δ_l R{a_{l−1}}ᵀ,
    /// R{∂ℓ/∂a_{l−1}} = V_lᵀ δ_l + W_lᵀ R{δ_l}, R{δ_{l−1}} = σ' R{∂ℓ/∂a} + σ'' R{z} ∂ℓ/∂a.
    func rOperator(parameters p: UnsafePointer<Double>, direction v: UnsafePointer<Double>,
                   valid: Int, padded: Int, lanes: UnsafeMutablePointer<Double>) {
        prepareRBuffers()
        let groups = padded / 8
        let layers = architecture.layout.layers
        let activation = architecture.hiddenActivation
        for layer in layers {
            let l = layer.index + 1
            BlockKernels.affine(
                weights: v + layer.weights.lowerBound, biases: v + layer.biases.lowerBound,
                inputs: activations[l - 1], inputCount: layer.inputCount,
                outputs: rPreactivations[l], outputCount: layer.outputCount,
                blockWidth: blockWidth, groups: groups, accumulate: false)
            if l > 1 {
                BlockKernels.affine(
                    weights: p + layer.weights.lowerBound, biases: nil,
                    inputs: rActivations[l - 1], inputCount: layer.inputCount,
                    outputs: rPreactivations[l], outputCount: layer.outputCount,
                    blockWidth: blockWidth, groups: groups, accumulate: true)
            }
            if l < layerCount {
                for j in 0..<layer.outputCount {
                    let offset = j * blockWidth
                    activation.multiplyByDerivative(
                        activations: activations[l] + offset, upstream: rPreactivations[l] + offset,
                        into: rActivations[l] + offset, count: padded)
                }
            }
        }
        let top = layerCount
        outputLayer.rDelta(rZ: rPreactivations[top], yHat: activations[top], y: targets,
                           into: rDeltas[top], scratch: scratch, valid: valid, padded: padded)
        guard let rUpstream else { return }
        for layer in layers.reversed() {
            let l = layer.index + 1
            BlockKernels.accumulateOuterProducts(
                deltas: rDeltas[l], activations: activations[l - 1],
                second: l > 1 ? (UnsafePointer(deltas[l]), UnsafePointer(rActivations[l - 1])) : nil,
                inputCount: layer.inputCount, outputCount: layer.outputCount,
                weightLanes: lanes + 8 * layer.weights.lowerBound, biasLanes: lanes + 8 * layer.biases.lowerBound,
                blockWidth: blockWidth, groups: groups)
            guard l > 1 else { break }
            BlockKernels.transposedProduct(
                weights: v + layer.weights.lowerBound, inputCount: layer.inputCount, outputCount: layer.outputCount,
                deltas: deltas[l], into: rUpstream, blockWidth: blockWidth, groups: groups, accumulate: false)
            BlockKernels.transposedProduct(
                weights: p + layer.weights.lowerBound, inputCount: layer.inputCount, outputCount: layer.outputCount,
                deltas: rDeltas[l], into: rUpstream, blockWidth: blockWidth, groups: groups, accumulate: true)
            for i in 0..<layer.inputCount {
                let offset = i * blockWidth
                activation.rBackward(
                    activations: activations[l - 1] + offset, rUpstream: rUpstream + offset,
                    rPreactivation: rPreactivations[l - 1] + offset, upstream: upstreams[l - 1] + offset,
                    into: rDeltas[l - 1] + offset, count: padded)
            }
        }
    }
}
