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
        guard let indices = batch.indices else {
            return pass(parameters: parameters, dataset: batch.dataset, indices: nil, count: batch.dataset.sampleCount,
                        gradient: gradient, directions: directions, products: products, countCorrect: countCorrect)
        }
        return indices.withUnsafeBufferPointer {
            pass(parameters: parameters, dataset: batch.dataset, indices: $0.baseAddress!, count: $0.count,
                 gradient: gradient, directions: directions, products: products, countCorrect: countCorrect)
        }
    }

    /// ``pass(parameters:batch:gradient:directions:products:countCorrect:)`` on the `count`
    /// samples `indices[0..<count]` of `dataset` (nil: its first `count` samples in order).
    func pass(
        parameters: UnsafePointer<Double>, dataset: Dataset, indices: UnsafePointer<Int>?, count m: Int,
        gradient: UnsafeMutablePointer<Double>?,
        directions: [UnsafePointer<Double>] = [], products: [UnsafeMutablePointer<Double>] = [],
        countCorrect: Bool = false
    ) -> PassResult {
        let parameterCount = architecture.parameterCount
        let needsBackward = gradient != nil || !directions.isEmpty
        let laneCount = parameterCount * LaneSum.width
        if needsBackward { gradientLanes.update(repeating: 0, count: laneCount) }
        let productCount = directions.count * laneCount
        let productLanes: UnsafeMutablePointer<Double>? = productCount == 0 ? nil : .allocate(capacity: productCount)
        defer { productLanes?.deallocate() }
        productLanes?.initialize(repeating: 0, count: productCount)
        var lossLanes = SIMD8<Double>(repeating: 0)
        var correct = 0
        dataset.inputs.withUnsafeBufferPointer { inputs in
            dataset.targets.withUnsafeBufferPointer { targets in
                var start = 0
                while start < m {
                    let count = min(blockWidth, m - start)
                    let padded = loadBlock(
                        inputs: inputs.baseAddress!, targets: targets.baseAddress!,
                        sampleCount: dataset.sampleCount, indices: indices, start: start, count: count)
                    forward(parameters: parameters, padded: padded)
                    outputLoss(valid: count, padded: padded, withDelta: needsBackward, lossLanes: &lossLanes)
                    if countCorrect {
                        correct += outputLayer.correctCount(yHat: activations[layerCount], y: self.targets, valid: count)
                    }
                    if needsBackward {
                        backward(parameters: parameters, padded: padded, lanes: gradientLanes)
                    }
                    if let productLanes {
                        for (k, direction) in directions.enumerated() {
                            rOperator(parameters: parameters, direction: direction, valid: count,
                                      padded: padded, lanes: productLanes + k * laneCount)
                        }
                    }
                    start += count
                }
            }
        }
        let scale = Double(m)
        if let gradient {
            LaneSum.combine(gradientLanes, count: parameterCount, dividedBy: scale, into: gradient)
        }
        for (k, product) in products.enumerated() {
            guard let productLanes else { break }
            LaneSum.combine(productLanes + k * laneCount, count: parameterCount, dividedBy: scale, into: product)
        }
        return PassResult(loss: LaneSum.combine(lossLanes) / scale, correct: correct)
    }
}
