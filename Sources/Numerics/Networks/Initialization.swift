import NumericsCore

/// How initial parameters are drawn (docs/PROTOCOL.md §2: PyTorch default; §3: N(0, 1)).
///
/// Draw order (fixed, documented): coordinates in ``ParameterLayout`` order — layer by
/// layer, the weights row-major, then the biases — one draw per coordinate that is
/// random; coordinates set to zero (the biases of the last three laws) consume no draws.
/// Uniform draws are `RandomStream.uniform(lower, upper)`, normal draws
/// `RandomStream.normal()` scaled by the standard deviation.
public enum Initialization: Sendable, Hashable, Codable {
    /// PyTorch's default for `nn.Linear` (Kaiming-uniform with a = √5): weights **and**
    /// biases U(−1/√fan_in, 1/√fan_in).
    case pytorchDefault
    /// Weights N(0, s²), biases 0 (docs/PROTOCOL.md §3 uses s = 1).
    case normal(standardDeviation: Double)
    /// Xavier/Glorot uniform (Glorot & Bengio 2010): weights U(±√(6/(fan_in + fan_out))), biases 0.
    case xavierUniform
    /// He/Kaiming normal (He et al. 2015, fan-in mode, ReLU gain): weights N(0, 2/fan_in), biases 0.
    case heNormal

    /// Parameters for `layout`, drawn from `stream` in the documented order.
    public func parameters(for layout: ParameterLayout, stream: inout RandomStream) -> [Double] {
        var parameters = [Double](repeating: 0, count: layout.count)
        for layer in layout.layers {
            let fanIn = Double(layer.inputCount), fanOut = Double(layer.outputCount)
            switch self {
            case .pytorchDefault:
                let bound = 1.0 / fanIn.squareRoot()
                for p in layer.weights { parameters[p] = stream.uniform(-bound, bound) }
                for p in layer.biases { parameters[p] = stream.uniform(-bound, bound) }
            case .normal(let standardDeviation):
                for p in layer.weights { parameters[p] = standardDeviation * stream.normal() }
            case .xavierUniform:
                let bound = (6.0 / (fanIn + fanOut)).squareRoot()
                for p in layer.weights { parameters[p] = stream.uniform(-bound, bound) }
            case .heNormal:
                let standardDeviation = (2.0 / fanIn).squareRoot()
                for p in layer.weights { parameters[p] = standardDeviation * stream.normal() }
            }
        }
        return parameters
    }

    /// Parameters for `layout` from a fresh stream of `key` (e.g. `root.derive("init", seed)`).
    public func parameters(for layout: ParameterLayout, key: SeedKey) -> [Double] {
        var stream = key.stream()
        return parameters(for: layout, stream: &stream)
    }
}
