/// A loss value with its gradient.
public struct LossAndGradient: Sendable, Equatable {
    /// Mean loss over the batch.
    public let loss: Double
    /// ∇L in ``ParameterLayout`` order.
    public let gradient: [Double]
}

/// Loss and accuracy of parameters on a data set.
public struct Evaluation: Sendable, Equatable {
    /// Mean loss over the samples.
    public let loss: Double
    /// Correctly classified samples (rule in ``Architecture/evaluate(parameters:on:)``).
    public let correctCount: Int
    /// Number of samples.
    public let sampleCount: Int
    /// correctCount / sampleCount.
    public var accuracy: Double { Double(correctCount) / Double(sampleCount) }
}

/// The results of one pass that shares its forward pass between the gradient and several
/// Hessian–vector products.
public struct HessianVectorProducts: Sendable, Equatable {
    /// Mean loss over the batch.
    public let loss: Double
    /// ∇L.
    public let gradient: [Double]
    /// H v_k for each direction v_k, in the order given.
    public let products: [[Double]]
}

extension Architecture {
    /// The mean loss L(w) over `batch` (forward pass only).
    public func loss(parameters: [Double], batch: Batch) throws(NetworkError) -> Double {
        try check(parameters, batch)
        let workspace = Workspace(architecture: self)
        return parameters.withUnsafeBufferPointer { p in
            workspace.pass(parameters: p.baseAddress!, batch: batch, gradient: nil).loss
        }
    }

    /// L(w) and ∇L(w) over `batch` by back-propagation (exact, not finite differences).
    public func lossAndGradient(parameters: [Double], batch: Batch) throws(NetworkError) -> LossAndGradient {
        try check(parameters, batch)
        let workspace = Workspace(architecture: self)
        var gradient = [Double](repeating: 0, count: parameterCount)
        let loss = parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                workspace.pass(parameters: p.baseAddress!, batch: batch, gradient: g.baseAddress!).loss
            }
        }
        return LossAndGradient(loss: loss, gradient: gradient)
    }

    /// Mean loss and classification accuracy on all of `dataset`. A sample counts as
    /// correct when, for one output, (ŷ ≥ ½) = (y ≥ ½), and for several outputs the
    /// first index of the largest ŷ_k equals that of the largest y_k.
    public func evaluate(parameters: [Double], on dataset: Dataset) throws(NetworkError) -> Evaluation {
        let batch = Batch(dataset)
        try check(parameters, batch)
        let workspace = Workspace(architecture: self)
        let result = parameters.withUnsafeBufferPointer { p in
            workspace.pass(parameters: p.baseAddress!, batch: batch, gradient: nil, countCorrect: true)
        }
        return Evaluation(loss: result.loss, correctCount: result.correct, sampleCount: dataset.sampleCount)
    }

    /// The Hessian–vector product H(w) v of the mean loss over `batch`, exact by
    /// Pearlmutter's R-operator (forward-over-reverse; Pearlmutter 1994), the product the
    /// tangent-space estimator needs for J v = v − η H v (docs/PROTOCOL.md §1, estimator 3).
    public func hessianVectorProduct(parameters: [Double], vector: [Double], batch: Batch) throws(NetworkError) -> [Double] {
        try hessianVectorProducts(parameters: parameters, vectors: [vector], batch: batch).products[0]
    }

    /// L, ∇L and H v_k for several directions sharing one forward and one backward pass.
    public func hessianVectorProducts(
        parameters: [Double], vectors: [[Double]], batch: Batch
    ) throws(NetworkError) -> HessianVectorProducts {
        try check(parameters, batch)
        for vector in vectors where vector.count != parameterCount {
            throw .parameterCountMismatch(expected: parameterCount, actual: vector.count)
        }
        let workspace = Workspace(architecture: self)
        var gradient = [Double](repeating: 0, count: parameterCount)
        var products = [[Double]](repeating: [Double](repeating: 0, count: parameterCount), count: vectors.count)
        let flatDirections = vectors.flatMap { $0 }
        var flatProducts = [Double](repeating: 0, count: parameterCount * vectors.count)
        let loss = parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                flatDirections.withUnsafeBufferPointer { d in
                    flatProducts.withUnsafeMutableBufferPointer { out in
                        let count = parameterCount
                        let directions = (0..<vectors.count).map { UnsafePointer(d.baseAddress! + $0 * count) }
                        let outputs = (0..<vectors.count).map { out.baseAddress! + $0 * count }
                        return workspace.pass(parameters: p.baseAddress!, batch: batch, gradient: g.baseAddress!,
                                              directions: directions, products: outputs).loss
                    }
                }
            }
        }
        for k in 0..<vectors.count {
            products[k] = Array(flatProducts[(k * parameterCount)..<((k + 1) * parameterCount)])
        }
        return HessianVectorProducts(loss: loss, gradient: gradient, products: products)
    }

    /// The network outputs ŷ on all of `dataset`, feature-major (`outputCount × samples`).
    public func outputs(parameters: [Double], on dataset: Dataset) throws(NetworkError) -> [Double] {
        let batch = Batch(dataset)
        try check(parameters, batch)
        let workspace = Workspace(architecture: self)
        let m = dataset.sampleCount, k = outputCount
        var result = [Double](repeating: 0, count: m * k)
        parameters.withUnsafeBufferPointer { p in
            dataset.inputs.withUnsafeBufferPointer { inputs in
                dataset.targets.withUnsafeBufferPointer { targets in
                    var start = 0
                    while start < m {
                        let count = min(workspace.blockWidth, m - start)
                        let padded = workspace.loadBlock(
                            inputs: inputs.baseAddress!, targets: targets.baseAddress!, sampleCount: m,
                            indices: nil, start: start, count: count)
                        workspace.forward(parameters: p.baseAddress!, padded: padded)
                        for row in 0..<k {
                            for n in 0..<count {
                                result[row * m + start + n] = workspace.activations[workspace.layerCount][row * workspace.blockWidth + n]
                            }
                        }
                        start += count
                    }
                }
            }
        }
        return result
    }

    func check(_ parameters: [Double], _ batch: Batch) throws(NetworkError) {
        guard parameters.count == parameterCount else {
            throw .parameterCountMismatch(expected: parameterCount, actual: parameters.count)
        }
        try batch.dataset.validate(for: self)
    }
}
