/// Which code computes losses, gradients and Hessian–vector products of a network. The
/// choice fixes the order of floating-point operations, so it is part of a run's identity:
/// the trainer records it, and the estimators' map (``OptimizerMap``) must replay a run
/// with the engine that trained it to follow the same trajectory bit for bit.
public enum GradientEngine: String, Sendable, Hashable, Codable, CaseIterable {
    /// ``Workspace``: blocks of samples in 8-lane accumulators, for small networks
    /// (every experiment trained before the dense engine existed uses it).
    case blockLanes = "block-lanes"
    /// ``DenseEngine`` with its register-blocked FMA kernels: large layers (E4, 784-64-10).
    case denseNative = "dense-native"
    /// ``DenseEngine`` on OpenBLAS DGEMM (bits depend on the BLAS core type: record it).
    case denseBLAS = "dense-blas"

    /// H(w) v of the mean loss over `batch`, exact, with this engine (NaN for a size mismatch).
    public func hessianVectorProduct(_ architecture: Architecture, parameters: [Double], vector: [Double], batch: Batch) -> [Double] {
        let count = architecture.parameterCount
        guard parameters.count == count, vector.count == count else { return [Double](repeating: .nan, count: parameters.count) }
        if self == .blockLanes {
            return (try? architecture.hessianVectorProduct(parameters: parameters, vector: vector, batch: batch))
                ?? [Double](repeating: .nan, count: count)
        }
        var result = [Double](repeating: 0, count: count)
        let evaluator = makeEvaluator(architecture)
        parameters.withUnsafeBufferPointer { p in
            vector.withUnsafeBufferPointer { v in
                result.withUnsafeMutableBufferPointer { out in
                    evaluator.hessianVectorProduct(parameters: p.baseAddress!, batch: batch, direction: v.baseAddress!,
                                                   product: out.baseAddress!)
                }
            }
        }
        return result
    }

    /// A fresh evaluator for `architecture` (one per thread: it owns scratch memory).
    func makeEvaluator(_ architecture: Architecture) -> any BatchEvaluator {
        switch self {
        case .blockLanes: return Workspace(architecture: architecture)
        case .denseNative: return DenseEngine(architecture: architecture, kernel: .native)
        case .denseBLAS: return DenseEngine(architecture: architecture, kernel: .blas)
        }
    }
}

/// What the trainer and the map need of an engine: one pass over a batch for the loss,
/// optionally the gradient and the correct count, and exact Hessian–vector products.
protocol BatchEvaluator: AnyObject {
    func lossAndGradient(parameters: UnsafePointer<Double>, batch: Batch, gradient: UnsafeMutablePointer<Double>?,
                         countCorrect: Bool) -> (loss: Double, correct: Int)
    func hessianVectorProduct(parameters: UnsafePointer<Double>, batch: Batch, direction: UnsafePointer<Double>,
                              product: UnsafeMutablePointer<Double>)
}

extension Workspace: BatchEvaluator {
    func lossAndGradient(parameters: UnsafePointer<Double>, batch: Batch, gradient: UnsafeMutablePointer<Double>?,
                         countCorrect: Bool) -> (loss: Double, correct: Int) {
        let result = pass(parameters: parameters, batch: batch, gradient: gradient, countCorrect: countCorrect)
        return (result.loss, result.correct)
    }

    func hessianVectorProduct(parameters: UnsafePointer<Double>, batch: Batch, direction: UnsafePointer<Double>,
                              product: UnsafeMutablePointer<Double>) {
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: architecture.parameterCount)
        defer { scratch.deallocate() }
        _ = pass(parameters: parameters, batch: batch, gradient: scratch, directions: [direction], products: [product])
    }
}

extension DenseEngine: BatchEvaluator {
    func lossAndGradient(parameters: UnsafePointer<Double>, batch: Batch, gradient: UnsafeMutablePointer<Double>?,
                         countCorrect: Bool) -> (loss: Double, correct: Int) {
        let result = pass(parameters: parameters, batch: batch, gradient: gradient, countCorrect: countCorrect)
        return (result.loss, result.correct)
    }

    func hessianVectorProduct(parameters: UnsafePointer<Double>, batch: Batch, direction: UnsafePointer<Double>,
                              product: UnsafeMutablePointer<Double>) {
        _ = pass(parameters: parameters, batch: batch, gradient: nil, directions: [direction], products: [product])
    }
}
