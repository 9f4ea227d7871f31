/// The elementwise nonlinearity of the hidden layers (SCIENCE.md §2: sigmoid, ReLU,
/// linear; tanh as an extra, and the E4 network of §3).
///
/// Derivatives are expressed through the activation value a = σ(z), which is what the
/// backward pass keeps: sigmoid σ' = a(1−a), σ'' = σ'(1−2a); tanh σ' = 1−a², σ'' = −2aσ';
/// ReLU σ' = [a > 0] (0 at the kink, PyTorch's convention), σ'' = 0; linear σ' = 1, σ'' = 0.
public enum Activation: String, Sendable, Codable, CaseIterable {
    /// σ(z) = z.
    case linear
    /// σ(z) = 1 / (1 + e^{−z}).
    case sigmoid
    /// σ(z) = tanh z.
    case tanh
    /// σ(z) = max(z, 0) (NaN stays NaN, so divergence is not hidden).
    case relu

    /// σ(z) for one value (the same arithmetic as the vectorized kernels).
    @inlinable
    public func value(_ z: Double) -> Double {
        switch self {
        case .linear: return z
        case .sigmoid: return FastMath.sigmoid(z)
        case .tanh: return FastMath.tanh(z)
        case .relu: return z < 0 ? 0 : z
        }
    }

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
