import Dynamics

/// Small maps for the estimator tests, built on GD over closures (below).
enum TestMaps {
    /// GD on `½ Σ a_i w_i²` (diagonal Hessian): coordinates evolve independently,
    /// `w_i ← (1 − η a_i) w_i`, exponents `ln |1 − η a_i|`.
    static func diagonalQuadratic(_ curvatures: [Double], learningRate: Double) -> GradientDescentMap {
        GradientDescentMap(
            dimension: curvatures.count, learningRate: learningRate,
            gradient: { w in zip(curvatures, w).map { $0 * $1 } },
            hessianVectorProduct: { _, v in zip(curvatures, v).map { $0 * $1 } })
    }

    /// GD with `η = 1` on `½‖w‖²`: every state maps to exactly 0, so all separations
    /// collapse to exactly zero after one step (the "dead units" case of docs/PROTOCOL.md §2).
    static var collapsing: GradientDescentMap {
        diagonalQuadratic([1, 1], learningRate: 1)
    }

    /// GD whose gradient is NaN once `w₀` exceeds 10: the state becomes non-finite.
    static var poisoned: GradientDescentMap {
        GradientDescentMap(
            dimension: 2, learningRate: 1,
            gradient: { w in w[0] > 10 ? [.nan, .nan] : [-w[0], -w[1]] },
            hessianVectorProduct: { w, v in w[0] > 10 ? [.nan, .nan] : [-v[0], -v[1]] })
    }
}

/// Gradient descent `w ← w − η ∇L(w)` on an analytic loss given by closures, for the
/// estimator tests only: networks reach the estimators through `Networks.OptimizerMap`,
/// the one adapter from a training optimizer (docs/PROTOCOL.md §1).
///
/// The Jacobian of the step is `I − η H(w)`, applied as `v ← v − η H(w) v`; the
/// closures must be exact (e.g. forward-over-reverse differentiation), not finite
/// differences of gradients. A neural-network engine plugs in here.
///
/// `timeStep` is `η` (Mittra 2024, Eq. 7 reads GD as gradient flow with `dt = η`);
/// per-step exponents are unaffected.
struct GradientDescentMap: DynamicalMap {
    /// The number of parameters.
    let dimension: Int
    /// The learning rate `η`.
    let learningRate: Double
    /// `∇L(w)`.
    let gradient: @Sendable ([Double]) -> [Double]
    /// `(w, v) ↦ H(w) v`, the exact Hessian–vector product.
    let hessianVectorProduct: @Sendable ([Double], [Double]) -> [Double]

    /// GD on a loss given by its gradient and Hessian–vector product closures.
    init(
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
    var timeStep: Double { learningRate }

    /// `w ← w − η ∇L(w)`.
    func step(_ state: inout [Double], time: Int) {
        let g = gradient(state)
        for index in state.indices {
            state[index] -= learningRate * g[index]
        }
    }

    /// `v ← v − η H(w) v` for every vector.
    func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]]) {
        for vectorIndex in vectors.indices {
            let product = hessianVectorProduct(state, vectors[vectorIndex])
            for index in product.indices {
                vectors[vectorIndex][index] -= learningRate * product[index]
            }
        }
    }
}
