import NetworkInference

/// The training loss: always a mean over the samples of the batch of a per-sample loss ℓ.
///
/// * `meanSquaredError`: ℓ = Σ_k (ŷ_k − y_k)², i.e. the mean over samples of the squared
///   error (docs/PROTOCOL.md §2, Mittra Eq. 5); with one output this is mean (ŷ − y)², which is
///   PyTorch's `MSELoss()`; with several outputs PyTorch's would also divide by the output
///   count, we do not.
/// * `binaryCrossEntropy` (sigmoid output only): ℓ = Σ_k softplus(z_k) − y_k z_k, the
///   logits form of −y log ŷ − (1−y) log(1−ŷ) (PyTorch's `BCEWithLogitsLoss`), with
///   softplus(z) = max(z, 0) + log1p(e^{−|z|}) so it never overflows.
/// * `softmaxCrossEntropy` (softmax output only): ℓ = S · logsumexp(z) − Σ_k y_k z_k with
///   S = Σ_k y_k (S = 1 for one-hot or probability targets; PyTorch's `CrossEntropyLoss`).
public enum Loss: String, Sendable, Codable, CaseIterable {
    /// Mean over samples of Σ_k (ŷ_k − y_k)².
    case meanSquaredError
    /// Binary cross-entropy from the logits of a sigmoid output.
    case binaryCrossEntropy
    /// Cross-entropy from the logits of a softmax output.
    case softmaxCrossEntropy

    /// Whether this loss may follow the given output activation.
    public func accepts(_ output: OutputActivation) -> Bool {
        switch self {
        case .meanSquaredError: return true
        case .binaryCrossEntropy: return output == .sigmoid
        case .softmaxCrossEntropy: return output == .softmax
        }
    }
}
