/// Checked, array-based entry points of ``DenseEngine``, mirroring the ``Architecture``
/// methods of NetworkEvaluation.swift (tests, the tangent-space estimator, one-off
/// evaluations). The pointer-based ``DenseEngine/pass(parameters:batch:gradient:directions:products:countCorrect:)``
/// is the allocation-free hot path.
extension DenseEngine {
    /// The mean loss over `batch` (forward pass only).
    public func loss(parameters: [Double], batch: Batch) throws(NetworkError) -> Double {
        try architecture.check(parameters, batch)
        return parameters.withUnsafeBufferPointer { p in
            pass(parameters: p.baseAddress!, batch: batch, gradient: nil).loss
        }
    }

    /// The mean loss and its gradient over `batch`.
    public func lossAndGradient(parameters: [Double], batch: Batch) throws(NetworkError) -> LossAndGradient {
        try architecture.check(parameters, batch)
        var gradient = [Double](repeating: 0, count: architecture.parameterCount)
        let loss = parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                pass(parameters: p.baseAddress!, batch: batch, gradient: g.baseAddress!).loss
            }
        }
        return LossAndGradient(loss: loss, gradient: gradient)
    }

    /// Mean loss and correct count on all of `dataset` (the rule of
    /// ``Architecture/evaluate(parameters:on:)``).
    public func evaluate(parameters: [Double], on dataset: Dataset) throws(NetworkError) -> Evaluation {
        let batch = Batch(dataset)
        try architecture.check(parameters, batch)
        let result = parameters.withUnsafeBufferPointer { p in
            pass(parameters: p.baseAddress!, batch: batch, gradient: nil, countCorrect: true)
        }
        return Evaluation(loss: result.loss, correctCount: result.correct, sampleCount: dataset.sampleCount)
    }

    /// L, ∇L and the exact H v_k for every direction, sharing one forward and backward pass.
    public func hessianVectorProducts(
        parameters: [Double], vectors: [[Double]], batch: Batch
    ) throws(NetworkError) -> HessianVectorProducts {
        try architecture.check(parameters, batch)
        let count = architecture.parameterCount
        for vector in vectors where vector.count != count {
            throw .parameterCountMismatch(expected: count, actual: vector.count)
        }
        var gradient = [Double](repeating: 0, count: count)
        let flatDirections = vectors.flatMap { $0 }
        var flatProducts = [Double](repeating: 0, count: max(1, count * vectors.count))
        let loss = parameters.withUnsafeBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                flatDirections.withUnsafeBufferPointer { d in
                    flatProducts.withUnsafeMutableBufferPointer { out in
                        let directions = (0..<vectors.count).map { UnsafePointer(d.baseAddress! + $0 * count) }
                        let outputs = (0..<vectors.count).map { out.baseAddress! + $0 * count }
                        return pass(parameters: p.baseAddress!, batch: batch, gradient: g.baseAddress!,
                                    directions: directions, products: outputs).loss
                    }
                }
            }
        }
        let products = (0..<vectors.count).map { Array(flatProducts[($0 * count)..<(($0 + 1) * count)]) }
        return HessianVectorProducts(loss: loss, gradient: gradient, products: products)
    }
}
