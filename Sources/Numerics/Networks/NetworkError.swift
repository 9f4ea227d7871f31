/// Everything that can be wrong with a request to this module; each message says what is
/// wrong and what to do about it.
public enum NetworkError: Error, Equatable, CustomStringConvertible {
    /// The layer sizes cannot describe an MLP.
    case invalidLayerSizes([Int])
    /// The output activation and the loss do not belong together.
    case incompatibleOutputAndLoss(OutputActivation, Loss)
    /// A parameter (or direction) vector does not have the layout's length.
    case parameterCountMismatch(expected: Int, actual: Int)
    /// A data set's arrays do not have the stated shape, or do not fit the network.
    case datasetShapeMismatch(String)
    /// A batch has no samples or refers to samples that do not exist.
    case invalidBatch(String)
    /// A training or ensemble configuration is inconsistent.
    case invalidConfiguration(String)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .invalidLayerSizes(let sizes):
            return "invalid layer sizes \(sizes): give at least an input and an output size, all positive"
        case .incompatibleOutputAndLoss(let output, let loss):
            return "output activation \(output) cannot be used with loss \(loss): binary cross-entropy "
                + "needs a sigmoid output, softmax cross-entropy a softmax output (both are computed "
                + "from the logits), mean squared error accepts any output"
        case .parameterCountMismatch(let expected, let actual):
            return "parameter vector has \(actual) entries but the network's layout has \(expected): "
                + "build it with ParameterLayout (layer by layer, weights row-major then biases)"
        case .datasetShapeMismatch(let detail):
            return "data set shape mismatch: \(detail)"
        case .invalidBatch(let detail):
            return "invalid batch: \(detail)"
        case .invalidConfiguration(let detail):
            return "invalid configuration: \(detail)"
        }
    }
}
