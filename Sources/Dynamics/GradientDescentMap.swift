/// Full-batch gradient descent `w ← w − η ∇L(w)` as a dynamical map, over closures
/// for the gradient and the exact Hessian–vector product (SCIENCE.md §1).
///
/// The Jacobian of the step is `I − η H(w)`, applied as `v ← v − η H(w) v`; the
/// closures must be exact (e.g. forward-over-reverse differentiation), not finite
/// differences of gradients. A neural-network engine plugs in here.
///
/// `timeStep` is `η` (Mittra 2024, Eq. 7 reads GD as gradient flow with `dt = η`);
/// per-step exponents are unaffected.
public struct GradientDescentMap: DynamicalMap {
    /// The number of parameters.
    public let dimension: Int
    /// The learning rate `η`.
    public let learningRate: Double
    /// `∇L(w)`.
    public let gradient: @Sendable ([Double]) -> [Double]
    /// `(w, v) ↦ H(w) v`, the exact Hessian–vector product.
    public let hessianVectorProduct: @Sendable ([Double], [Double]) -> [Double]

    /// GD on a loss given by its gradient and Hessian–vector product closures.
    public init(
        dimension: Int,
        learningRate: Double,
        gradient: @escaping @Sendable ([Double]) -> [Double],
        hessianVectorProduct: @escaping @Sendable ([Double], [Double]) -> [Double]
    ) {
        self.dimension = dimension
        self.learningRate = learningRate
        self.gradient = gradient
        self.hessianVectorProduct = hessianVectorProduct
    }

    /// `η`, reading GD as Euler steps of gradient flow (Mittra 2024, Eq. 7).
    public var timeStep: Double { learningRate }

    /// `w ← w − η ∇L(w)`.
    public func step(_ state: inout [Double], time: Int) {
        let g = gradient(state)
        for index in state.indices {
            state[index] -= learningRate * g[index]
        }
    }

    /// `v ← v − η H(w) v` for every vector.
    public func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]]) {
        for vectorIndex in vectors.indices {
            let product = hessianVectorProduct(state, vectors[vectorIndex])
            for index in product.indices {
                vectors[vectorIndex][index] -= learningRate * product[index]
            }
        }
    }
}
