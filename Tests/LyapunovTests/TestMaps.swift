import Dynamics

/// Small maps for the estimator tests, built on the public GD map.
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
    /// collapse to exactly zero after one step (the "dead units" case of SCIENCE.md §2).
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
