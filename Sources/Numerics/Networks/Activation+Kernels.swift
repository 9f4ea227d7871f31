import NetworkInference

/// The vectorized loops of the hidden activation that the training engine runs on blocks
/// of samples: σ, and σ' and σ'' for back-propagation and the R-operator.
extension Activation {
    /// a[n] = σ(z[n]) for n < count (vectorized: the switch is outside the loops).
    func apply(_ z: UnsafePointer<Double>, to a: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case .linear:
            for n in 0..<count { a[n] = z[n] }
        case .sigmoid:
            for n in 0..<count { a[n] = FastMath.sigmoid(z[n]) }
        case .tanh:
            for n in 0..<count { a[n] = FastMath.tanh(z[n]) }
        case .relu:
            for n in 0..<count { a[n] = z[n] < 0 ? 0 : z[n] }
        }
    }

    /// out[n] = σ'(a[n]) · upstream[n]: back-propagation through the activation.
    func multiplyByDerivative(
        activations a: UnsafePointer<Double>, upstream: UnsafePointer<Double>,
        into out: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch self {
        case .linear:
            for n in 0..<count { out[n] = upstream[n] }
        case .sigmoid:
            for n in 0..<count { out[n] = upstream[n] * (a[n] * (1.0 - a[n])) }
        case .tanh:
            for n in 0..<count { out[n] = upstream[n] * (1.0 - a[n] * a[n]) }
        case .relu:
            for n in 0..<count { out[n] = a[n] > 0 ? upstream[n] : 0 }
        }
    }

    /// out[n] = σ'(a[n]) · first[n] + σ''(a[n]) · second[n] · third[n]: the R-operator of
    /// back-propagation through the activation (Pearlmutter 1994, Eq. for R{∂E/∂x}), with
    /// first = R{∂L/∂a}, second = R{z}, third = ∂L/∂a.
    func rBackward(
        activations a: UnsafePointer<Double>, rUpstream: UnsafePointer<Double>,
        rPreactivation: UnsafePointer<Double>, upstream: UnsafePointer<Double>,
        into out: UnsafeMutablePointer<Double>, count: Int
    ) {
        switch self {
        case .linear:
            for n in 0..<count { out[n] = rUpstream[n] }
        case .sigmoid:
            for n in 0..<count {
                let first = a[n] * (1.0 - a[n])
                let second = first * (1.0 - 2.0 * a[n])
                out[n] = first * rUpstream[n] + second * rPreactivation[n] * upstream[n]
            }
        case .tanh:
            for n in 0..<count {
                let first = 1.0 - a[n] * a[n]
                let second = -2.0 * a[n] * first
                out[n] = first * rUpstream[n] + second * rPreactivation[n] * upstream[n]
            }
        case .relu:
            for n in 0..<count { out[n] = a[n] > 0 ? rUpstream[n] : 0 }
        }
    }
}
