import Networks
import NumericsCore

/// One trained ensemble of a sweep: a network, a learning rate and a seed index.
public struct SweepConfiguration: Sendable, Equatable {
    /// Position in the full sweep (stable under sharding: shards keep these indices).
    public var index: Int
    public var activation: Activation
    /// The widths of the hidden layers, input side first.
    public var hiddenWidths: [Int]
    public var learningRate: Double
    public var seedIndex: Int

    public init(index: Int, activation: Activation, hiddenWidths: [Int], learningRate: Double, seedIndex: Int) {
        self.index = index
        self.activation = activation
        self.hiddenWidths = hiddenWidths
        self.learningRate = learningRate
        self.seedIndex = seedIndex
    }

    /// The width of the first hidden layer (the architecture axis of one-hidden-layer studies).
    public var width: Int { hiddenWidths.first ?? 0 }

    /// The key of stream `label` of this configuration under the stage's seed `seeds`
    /// (shared across activations and learning rates): `label/width/w₁/…/width/w_k/seed/s`.
    public func key(_ seeds: SeedKey, _ label: String) -> SeedKey {
        var key = seeds.derive(label)
        for width in hiddenWidths { key = key.derive("width", width) }
        return key.derive("seed", seedIndex)
    }
}
