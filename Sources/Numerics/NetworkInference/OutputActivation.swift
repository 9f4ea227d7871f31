/// The activation applied to the last affine layer's output z (the logits).
public enum OutputActivation: String, Sendable, Codable, CaseIterable {
    /// ŷ = z.
    case linear
    /// ŷ_k = 1 / (1 + e^{−z_k}) per output.
    case sigmoid
    /// ŷ_k = e^{z_k} / Σ_i e^{z_i}, computed with the maximum subtracted.
    case softmax
}
