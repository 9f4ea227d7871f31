/// The driver that walks a batch block by block: one forward pass per block, then
/// optionally back-propagation and any number of R-operator passes that share it.
extension Workspace {
    /// What one pass over a batch produced.
    struct PassResult {
        /// Mean loss over the batch.
        var loss: Double
        /// Correctly classified samples (only when requested).
        var correct: Int
    }

    /// One pass over `batch` at `parameters`. Writes the mean gradient to `gradient` and
    /// the mean Hessian–vector products H·v_k to `products[k]` when given (products need
    /// the gradient pass, which then runs even if `gradient` is nil).
    func pass(
        parameters: UnsafePointer<Double>, batch: Batch,
        gradient: UnsafeMutablePointer<Double>?,
        directions: [UnsafePointer<Double>] = [], products: [UnsafeMutablePointer<Double>] = [],
        countCorrect: Bool = false
    ) -> PassResult {
        let parameterCount = architecture.parameterCount
        let needsBackward = gradient != nil || !directions.isEmpty
        let laneCount = parameterCount * LaneSum.width
        if needsBackward { gradientLanes.update(repeating: 0, count: laneCount) }
        let productLanes = UnsafeMutablePointer<Double>.allocate(capacity: max(1, directions.count * laneCount))
        defer { productLanes.deallocate() }
        productLanes.initialize(repeating: 0, count: max(1, directions.count * laneCount))
        var lossLanes = SIMD8<Double>(repeating: 0)
        var correct = 0
        let dataset = batch.dataset
        let m = batch.count
        dataset.inputs.withUnsafeBufferPointer { inputs in
            dataset.targets.withUnsafeBufferPointer { targets in
                func walk(_ indices: UnsafePointer<Int>?) {
                    var start = 0
                    while start < m {
                        let count = min(blockWidth, m - start)
                        let padded = loadBlock(
                            inputs: inputs.baseAddress!, targets: targets.baseAddress!,
                            sampleCount: dataset.sampleCount, indices: indices, start: start, count: count)
                        forward(parameters: parameters, padded: padded)
                        outputLoss(valid: count, padded: padded, withDelta: needsBackward, lossLanes: &lossLanes)
                        if countCorrect {
                            correct += outputLayer.correctCount(
                                yHat: activations[layerCount], y: self.targets, valid: count)
                        }
                        if needsBackward {
                            backward(parameters: parameters, padded: padded, lanes: gradientLanes)
                        }
                        for (k, direction) in directions.enumerated() {
                            rOperator(parameters: parameters, direction: direction, valid: count,
                                      padded: padded, lanes: productLanes + k * laneCount)
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
        if let gradient {
            for p in 0..<parameterCount { gradient[p] = LaneSum.combine(gradientLanes + 8 * p) / scale }
        }
        for (k, product) in products.enumerated() {
            let lanes = productLanes + k * laneCount
            for p in 0..<parameterCount { product[p] = LaneSum.combine(lanes + 8 * p) / scale }
        }
        return PassResult(loss: LaneSum.combine(lossLanes) / scale, correct: correct)
    }
}
