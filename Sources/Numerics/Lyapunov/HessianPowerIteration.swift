import Dynamics
import NumericsCore

/// Sharpness: the largest eigenvalue of a symmetric operator (the loss Hessian) by
/// power iteration on its matrix–vector product (docs/PROTOCOL.md §5, "sharpness along
/// training next to λ, with the GD stability threshold 2/η"; Cohen et al. 2021, ICLR,
/// "Gradient descent on neural networks typically occurs at the edge of stability").
///
/// Iteration: `v ← Hv / ‖Hv‖` from a Gaussian start drawn from `key`, with Rayleigh
/// quotient `μ = vᵀHv`, until the residual `‖Hv − μv‖₂ ≤ relativeTolerance · |μ|`
/// (then `|μ − λ| ≤ residual² / gap` for the nearest eigenvalue λ) or
/// `maximumIterations` products. Power iteration finds the eigenvalue of largest
/// *magnitude*; when that one is negative, a second run on `H − μI` (whose spectrum is
/// non-negative) finds the largest *algebraic* eigenvalue, which is what is returned.
public struct HessianPowerIteration: Sendable {
    /// The key of the start vector (`key.derive("start", run)`).
    public var key: SeedKey
    /// The most Hessian–vector products per run (default 1000).
    public var maximumIterations: Int
    /// The relative residual that counts as converged (default 1e-8).
    public var relativeTolerance: Double

    /// A power iteration with a deterministic start from `key`.
    public init(key: SeedKey, maximumIterations: Int = 1000, relativeTolerance: Double = 1e-8) {
        self.key = key
        self.maximumIterations = maximumIterations
        self.relativeTolerance = relativeTolerance
    }

    /// The largest eigenvalue of the symmetric operator `product` on vectors of length `dimension`.
    public func topEigenvalue(dimension: Int, product: ([Double]) -> [Double]) -> TopEigenvalue {
        let dominant = run(dimension: dimension, shift: 0, index: 0, product: product)
        guard dominant.converged, dominant.eigenvalue < 0 else {
            return dominant
        }
        let shifted = run(dimension: dimension, shift: dominant.eigenvalue, index: 1, product: product)
        return TopEigenvalue(
            eigenvalue: shifted.eigenvalue, eigenvector: shifted.eigenvector,
            iterations: dominant.iterations + shifted.iterations, converged: shifted.converged)
    }

    /// Power iteration on `H − shift·I`; the returned eigenvalue is of `H`.
    private func run(dimension: Int, shift: Double, index: Int, product: ([Double]) -> [Double]) -> TopEigenvalue {
        var vector = VectorArithmetic.standardNormal(dimension, key: key.derive("start", index))
        normalize(&vector)
        var eigenvalue = 0.0
        let limit = max(maximumIterations, 1)
        for iteration in 1...limit {
            var image = product(vector)
            for i in image.indices {
                image[i] -= shift * vector[i]
            }
            let rayleigh = VectorArithmetic.dot(vector, image)
            var residual = image
            for i in residual.indices {
                residual[i] -= rayleigh * vector[i]
            }
            eigenvalue = rayleigh + shift
            let residualNorm = VectorArithmetic.euclideanNorm(residual)
            guard residualNorm.isFinite, rayleigh.isFinite else {
                return TopEigenvalue(eigenvalue: eigenvalue, eigenvector: vector, iterations: iteration, converged: false)
            }
            if residualNorm <= relativeTolerance * abs(rayleigh) {
                return TopEigenvalue(eigenvalue: eigenvalue, eigenvector: vector, iterations: iteration, converged: true)
            }
            vector = image
            normalize(&vector)
        }
        return TopEigenvalue(eigenvalue: eigenvalue, eigenvector: vector, iterations: limit, converged: false)
    }

    /// Scales `vector` to unit length (leaves a zero vector as is).
    private func normalize(_ vector: inout [Double]) {
        let norm = VectorArithmetic.euclideanNorm(vector)
        if norm > 0, norm.isFinite {
            for i in vector.indices {
                vector[i] /= norm
            }
        }
    }
}

/// The result of ``HessianPowerIteration``.
public struct TopEigenvalue: Sendable, Equatable {
    /// The largest eigenvalue found (the Rayleigh quotient at the last iterate).
    public var eigenvalue: Double
    /// The unit eigenvector estimate.
    public var eigenvector: [Double]
    /// The number of operator products used (both runs together).
    public var iterations: Int
    /// Whether the residual test passed within the iteration limit.
    public var converged: Bool
}
