/// A trained fully connected network to evaluate, and nothing else: layer sizes
/// `[inputs, hidden…, outputs]`, the activation of the hidden layers and of the output
/// layer, and the flat parameters (layer by layer, weights row-major outputs × inputs, then
/// biases — the layout of `Networks.ParameterLayout`).
///
/// The forward pass uses the same arithmetic, in the same order, as the training engine's
/// (`Networks.Workspace.forward`): z_j = b_j + Σ_i W_ji a_i summed in increasing i with a
/// separate multiply and add, the activations of ``FastMath``, softmax with the row maximum
/// subtracted and the sum taken in increasing k. Its outputs are therefore the engine's to
/// the last bit (tested), without linking the engine.
public struct FeedForwardNetwork: Sendable, Equatable {
    /// `[inputs, hidden…, outputs]`.
    public let layerSizes: [Int]
    /// The hidden layers' activation.
    public let hidden: Activation
    /// The output layer's activation.
    public let output: OutputActivation
    /// The flat parameters.
    public let parameters: [Double]

    /// A network of `layerSizes` with these activations (named as in ensembles files:
    /// `linear`, `sigmoid`, `tanh`, `relu`; `linear`, `sigmoid`, `softmax`) and `parameters`.
    public init(layerSizes: [Int], hidden: String, output: String, parameters: [Double]) throws(InferenceError) {
        guard layerSizes.count >= 2, layerSizes.allSatisfy({ $0 > 0 }) else { throw .invalidLayerSizes(layerSizes) }
        guard let hiddenActivation = Activation(rawValue: hidden) else { throw .unknownActivation(hidden) }
        guard let outputActivation = OutputActivation(rawValue: output) else { throw .unknownActivation(output) }
        let count = zip(layerSizes, layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
        guard parameters.count == count else { throw .parameterCountMismatch(expected: count, actual: parameters.count) }
        (self.layerSizes, self.hidden, self.output, self.parameters) = (layerSizes, hiddenActivation, outputActivation, parameters)
    }

    /// Number of inputs.
    public var inputCount: Int { layerSizes[0] }
    /// Number of outputs.
    public var outputCount: Int { layerSizes[layerSizes.count - 1] }

    /// The outputs ŷ for one sample `input` (``inputCount`` features).
    public func outputs(_ input: ArraySlice<Double>) -> [Double] {
        var activations = Array(input)
        var offset = 0
        let last = layerSizes.count - 2
        for l in 0...last {
            let inputs = layerSizes[l], outputs = layerSizes[l + 1]
            let biases = offset + inputs * outputs
            var z = [Double](repeating: 0, count: outputs)
            for j in 0..<outputs {
                var sum = parameters[biases + j]
                for i in 0..<inputs { sum += parameters[offset + j * inputs + i] * activations[i] }
                z[j] = sum
            }
            offset = biases + outputs
            activations = l < last ? z.map(hidden.value) : activate(z)
        }
        return activations
    }

    /// The outputs of the samples in `inputs` (row-major samples × ``inputCount``), row-major
    /// samples × ``outputCount``.
    public func outputs(samples inputs: [Double]) -> [Double] {
        let n = inputCount
        return stride(from: 0, to: inputs.count, by: n).flatMap { outputs(inputs[$0..<($0 + n)]) }
    }

    /// The fraction of samples classified as `labels` says, by the training engine's rule:
    /// with one output, (ŷ ≥ ½) = (label ≥ ½); with several, the first index of the largest ŷ_k
    /// is the label.
    public func accuracy(inputs: [Double], labels: [Int]) -> Double {
        let n = inputCount
        var correct = 0
        for (sample, label) in labels.enumerated() {
            let y = outputs(inputs[(sample * n)..<((sample + 1) * n)])
            if y.count == 1 {
                if (y[0] >= 0.5) == (Double(label) >= 0.5) { correct += 1 }
            } else {
                var best = 0
                for k in 1..<y.count where y[k] > y[best] { best = k }
                if best == label { correct += 1 }
            }
        }
        return Double(correct) / Double(labels.count)
    }

    private func activate(_ z: [Double]) -> [Double] {
        switch output {
        case .linear: return z
        case .sigmoid: return z.map(FastMath.sigmoid)
        case .softmax:
            var maximum = z[0]
            for k in 1..<max(z.count, 1) { maximum = z[k] > maximum ? z[k] : maximum }
            var y = z.map { FastMath.exp($0 - maximum) }
            var sum = y[0]
            for k in 1..<max(y.count, 1) { sum += y[k] }
            for k in y.indices { y[k] /= sum }
            return y
        }
    }
}

/// Why a ``FeedForwardNetwork`` cannot be built.
public enum InferenceError: Error, Equatable, CustomStringConvertible {
    /// Fewer than two layers, or a layer of no units.
    case invalidLayerSizes([Int])
    /// An activation name this module does not know.
    case unknownActivation(String)
    /// The parameters do not fit the layer sizes.
    case parameterCountMismatch(expected: Int, actual: Int)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .invalidLayerSizes(let sizes): "layer sizes \(sizes) do not describe a network; give [inputs, hidden…, outputs], each at least 1"
        case .unknownActivation(let name): "unknown activation '\(name)'; the file was written by a newer training stage"
        case .parameterCountMismatch(let expected, let actual): "the layer sizes need \(expected) parameters, \(actual) were given"
        }
    }
}
