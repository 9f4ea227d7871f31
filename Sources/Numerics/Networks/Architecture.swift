/// A fully connected network (MLP): layer sizes, activations, loss, parameter layout.
///
/// `layerSizes = [input, hidden₁, …, output]`; every hidden layer uses
/// `hiddenActivation`, the last affine layer `outputActivation`, and training minimizes
/// `loss` (mean over the batch, see ``Loss``). Evaluation is an extension of this type
/// (NetworkEvaluation.swift: `loss`, `lossAndGradient`, `hessianVectorProduct`, …).
public struct Architecture: Sendable, Hashable, Codable {
    /// `[input, hidden…, output]`.
    public let layerSizes: [Int]
    /// Nonlinearity of every hidden layer.
    public let hiddenActivation: Activation
    /// Activation of the output layer.
    public let outputActivation: OutputActivation
    /// The training loss.
    public let loss: Loss
    /// Where the parameters live in the flat vector.
    public let layout: ParameterLayout

    /// Validates the sizes and the output/loss pairing.
    public init(
        layerSizes: [Int], hiddenActivation: Activation,
        outputActivation: OutputActivation, loss: Loss
    ) throws(NetworkError) {
        guard loss.accepts(outputActivation) else {
            throw .incompatibleOutputAndLoss(outputActivation, loss)
        }
        self.layout = try ParameterLayout(layerSizes: layerSizes)
        self.layerSizes = layerSizes
        self.hiddenActivation = hiddenActivation
        self.outputActivation = outputActivation
        self.loss = loss
    }

    /// Number of network inputs.
    public var inputCount: Int { layerSizes[0] }
    /// Number of network outputs.
    public var outputCount: Int { layerSizes[layerSizes.count - 1] }
    /// Number of parameters.
    public var parameterCount: Int { layout.count }
    /// Multiply–adds of one sample's forward pass, Σ_l in_l · out_l (the FLOP count of a
    /// forward pass is twice this).
    public var multiplyAddsPerSample: Int {
        layout.layers.reduce(0) { $0 + $1.inputCount * $1.outputCount }
    }
}
