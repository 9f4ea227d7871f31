/// The elementwise nonlinearity of the hidden layers (docs/PROTOCOL.md §2: sigmoid, ReLU,
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
}
