/// LaLa, multi-layer Langevin (docs/PROTOCOL.md §4; the longer arXiv abstract of Leimkuhler,
/// Matthews & Vlaar 2019): every layer runs Langevin (`A O A`, then `B_h`) at its own
/// temperature, with one friction γ for all.
public struct LaLa: LangevinSplitting, Hashable, Codable {
    /// The step size h (notebook: 0.25).
    public let stepSize: Double
    /// The friction γ of every layer; `c = e^{−γh}` (notebook: 0.1).
    public let friction: Double
    /// One temperature τ_l per affine layer, input layer first (weights and biases of a
    /// layer share it). No source gives values; the notebook's τ = 1e-4 is the natural
    /// reference point. A 0 switches that layer's noise off exactly.
    public let layerTemperatures: [Double]

    /// LaLa with one temperature per layer of the network it will train.
    public init(stepSize: Double = 0.25, friction: Double = 0.1, layerTemperatures: [Double]) {
        self.stepSize = stepSize
        self.friction = friction
        self.layerTemperatures = layerTemperatures
    }

    /// Langevin on every tensor at its layer's temperature.
    public func tensorDynamics(layout: ParameterLayout) -> [TensorDynamics] {
        precondition(layerTemperatures.count == layout.layers.count,
                     "LaLa has \(layerTemperatures.count) layer temperatures for \(layout.layers.count) layers")
        return layout.tensors.map { .langevin(friction: friction, temperature: layerTemperatures[$0.layer]) }
    }
}
