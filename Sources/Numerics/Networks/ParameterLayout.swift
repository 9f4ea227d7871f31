/// Where each weight and bias lives in the one flat parameter vector `[Double]`.
///
/// Layout (documented, fixed, tested): layer by layer from the input side; within layer
/// `l` (inputs `n_in`, outputs `n_out`) first the weight matrix in row-major order
/// (`out × in`: entry `(j, i)` at `weights.lowerBound + j · n_in + i`, the PyTorch
/// `Linear.weight` order), then the `n_out` biases. The same layout is used for
/// gradients, Hessian–vector products and perturbation directions.
public struct ParameterLayout: Sendable, Hashable, Codable {
    /// One affine layer `z = W a + b`.
    public struct Layer: Sendable, Hashable, Codable {
        /// 0 for the layer that reads the network input.
        public let index: Int
        /// Number of inputs (columns of W).
        public let inputCount: Int
        /// Number of outputs (rows of W).
        public let outputCount: Int
        /// The weights W, row-major (out × in).
        public let weights: Range<Int>
        /// The biases b.
        public let biases: Range<Int>
        /// Weights and biases of this layer (contiguous).
        public var all: Range<Int> { weights.lowerBound..<biases.upperBound }
    }

    /// Which kind of tensor a range holds.
    public enum TensorKind: String, Sendable, Hashable, Codable {
        /// A weight matrix.
        case weights
        /// A bias vector.
        case biases
    }

    /// One tensor (a layer's weight matrix or bias vector), e.g. for per-tensor thermostat
    /// variables of AdLaLa (docs/PROTOCOL.md §4: one ξ per first-layer tensor).
    public struct Tensor: Sendable, Hashable, Codable {
        /// The layer the tensor belongs to.
        public let layer: Int
        /// Weights or biases.
        public let kind: TensorKind
        /// The range of the tensor in the flat vector.
        public let range: Range<Int>
    }

    /// The affine layers from input to output.
    public let layers: [Layer]
    /// Total number of parameters.
    public let count: Int

    /// The layout of an MLP with the given layer sizes `[input, hidden…, output]`.
    public init(layerSizes: [Int]) throws(NetworkError) {
        guard layerSizes.count >= 2, layerSizes.allSatisfy({ $0 > 0 }) else {
            throw .invalidLayerSizes(layerSizes)
        }
        var layers: [Layer] = []
        var offset = 0
        for l in 0..<(layerSizes.count - 1) {
            let inputs = layerSizes[l], outputs = layerSizes[l + 1]
            let weights = offset..<(offset + inputs * outputs)
            let biases = weights.upperBound..<(weights.upperBound + outputs)
            layers.append(Layer(index: l, inputCount: inputs, outputCount: outputs,
                                weights: weights, biases: biases))
            offset = biases.upperBound
        }
        self.layers = layers
        self.count = offset
    }

    /// All tensors in layout order: layer 0 weights, layer 0 biases, layer 1 weights, …
    public var tensors: [Tensor] {
        layers.flatMap { layer in
            [Tensor(layer: layer.index, kind: .weights, range: layer.weights),
             Tensor(layer: layer.index, kind: .biases, range: layer.biases)]
        }
    }

    /// `true` at weight coordinates, `false` at bias coordinates.
    public var weightMask: [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for layer in layers { for p in layer.weights { mask[p] = true } }
        return mask
    }
}
