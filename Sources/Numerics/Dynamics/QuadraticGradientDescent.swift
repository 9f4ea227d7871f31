import Foundation

/// Full-batch gradient descent on the quadratic loss `L(w) = ½ wᵀA w`: the linear map
/// `w ← (I − ηA) w` with a symmetric `A` of known eigenvalues (docs/PROTOCOL.md §1,
/// validation table, last row).
///
/// `A = Q diag(a) Qᵀ`, where the rows of `Q` are the orthonormal DCT-II basis
/// `q_k[n] = c_k cos(π (n + ½) k / N)` (`c_0 = √(1/N)`, `c_k = √(2/N)`): a fixed, dense,
/// exactly orthogonal basis, so `A` is not diagonal in the coordinates the estimators
/// see, yet its spectrum is known in closed form. The Lyapunov spectrum is
/// `ln |1 − η a_i|` exactly; `λ₁ = ln max_i |1 − η a_i|`, positive (divergence) for
/// `η > 2 / a_max` when `A` is positive definite.
///
/// `timeStep` is `η`: gradient descent is the Euler discretization of gradient flow
/// with step `η` (Mittra 2024, Eq. 7), so exponents per unit time are per-step values
/// divided by `η`.
public struct QuadraticGradientDescent: DynamicalMap {
    /// The eigenvalues `a_i` of `A` (the curvatures of the loss), in the order given.
    public let curvatures: [Double]
    /// The learning rate `η`.
    public let learningRate: Double
    /// The symmetric matrix `A = Q diag(a) Qᵀ`, as rows.
    public let hessian: [[Double]]

    /// GD with learning rate `learningRate` on `½ wᵀA w`, `A` having eigenvalues
    /// `curvatures` along the DCT-II basis.
    public init(curvatures: [Double], learningRate: Double) {
        self.curvatures = curvatures
        self.learningRate = learningRate
        let count = curvatures.count
        let basis = QuadraticGradientDescent.cosineBasis(count)
        var matrix = Array(repeating: Array(repeating: 0.0, count: count), count: count)
        // Fill the upper triangle and mirror it, so that A is exactly symmetric.
        for row in 0..<count {
            for column in row..<count {
                var sum = 0.0
                for k in 0..<count {
                    sum += curvatures[k] * basis[k][row] * basis[k][column]
                }
                matrix[row][column] = sum
                matrix[column][row] = sum
            }
        }
        self.hessian = matrix
    }

    /// The orthonormal DCT-II basis of dimension `count`, one basis vector per row.
    public static func cosineBasis(_ count: Int) -> [[Double]] {
        (0..<count).map { k in
            let scale = (k == 0 ? 1.0 : 2.0) / Double(count)
            return (0..<count).map { n in
                scale.squareRoot() * cos(Double.pi * (Double(n) + 0.5) * Double(k) / Double(count))
            }
        }
    }

    /// The exact Lyapunov spectrum `ln |1 − η a_i|`, largest first (`−∞` where `η a_i = 1`).
    public var exactExponents: [Double] {
        curvatures.map { log(abs(1 - learningRate * $0)) }.sorted(by: >)
    }

    /// The exact maximal exponent `ln max_i |1 − η a_i|` (nats per step).
    public var exactMaximalExponent: Double {
        exactExponents.first ?? -Double.infinity
    }

    /// The number of coordinates, the number of curvatures.
    public var dimension: Int { curvatures.count }

    /// `η`, reading GD as Euler steps of gradient flow (Mittra 2024, Eq. 7).
    public var timeStep: Double { learningRate }

    /// `w ← w − η A w`.
    public func step(_ state: inout [Double], time: Int) {
        let gradient = multiply(state)
        for index in state.indices {
            state[index] -= learningRate * gradient[index]
        }
    }

    /// `v ← v − η A v` (the map is linear: its Jacobian is `I − ηA` everywhere).
    public func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]]) {
        for vectorIndex in vectors.indices {
            let product = multiply(vectors[vectorIndex])
            for index in product.indices {
                vectors[vectorIndex][index] -= learningRate * product[index]
            }
        }
    }

    /// `A v`, summing each row left to right.
    public func multiply(_ vector: [Double]) -> [Double] {
        hessian.map { row in
            var sum = 0.0
            for index in row.indices {
                sum += row[index] * vector[index]
            }
            return sum
        }
    }
}
