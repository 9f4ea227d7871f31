import Foundation
import Networks
import NumericsCore
import StageKit

/// One trained ensemble of a sweep: a network, a learning rate and a seed index.
public struct SweepConfiguration: Sendable, Equatable {
    /// Position in the full sweep (stable under sharding: shards keep these indices).
    public var index: Int
    public var activation: Activation
    public var width: Int
    public var learningRate: Double
    public var seedIndex: Int
}

/// The sweep a `train-ensembles` stage runs, read from its parameters (README.md,
/// "train-ensembles"): the product activations × widths × learning rates × seeds, the
/// optimizer, and what to record.
public struct SweepSpecification: Sendable {
    public var activations: [Activation]
    public var widths: [Int]
    public var inputCount: Int
    public var outputActivation: OutputActivation
    public var loss: Loss
    public var initialization: Initialization
    public var learningRates: [Double]
    public var momentum: Double
    public var seedCount: Int
    public var steps: Int
    public var recordInterval: Int
    public var replicaCount: Int
    public var replicaLaw: PerturbationLaw
    /// Mittra's neighbours along the reference (SCIENCE.md §1 estimator 1), if any.
    public var neighbours: (start: Int, spacing: Int, timeCount: Int, perTime: Int, standardDeviation: Double)?
    public var divergenceBound: Double
    /// This process's share of the configurations: index i of n (configurations c with c mod n = i).
    public var shard: (index: Int, count: Int)

    /// Reads the specification from a stage's parameters.
    public init(_ parameters: Parameters) throws {
        let network = try parameters.object("network")
        activations = try network.strings("hiddenActivations", oneOf: Activation.allCases.map(\.rawValue)).map {
            Activation(rawValue: $0)!
        }
        widths = try network.ints("widths")
        inputCount = try network.int("inputs", atLeast: 1)
        outputActivation = OutputActivation(
            rawValue: try network.string("outputActivation", oneOf: OutputActivation.allCases.map(\.rawValue)))!
        loss = try SweepSpecification.loss(try network.string("loss", oneOf: ["mse", "bce", "softmax-ce"]))
        initialization = try SweepSpecification.initialization(network)
        learningRates = try SweepSpecification.learningRates(parameters)
        let optimizer = try parameters.object("optimizer")
        _ = try optimizer.string("kind", oneOf: ["full-batch-gd"])
        momentum = try optimizer.double("momentum", default: 0)
        seedCount = try parameters.int("seedCount", atLeast: 1)
        steps = try parameters.int("steps", atLeast: 1)
        recordInterval = try parameters.int("recordInterval", atLeast: 1)
        let replicas = try parameters.object("replicas")
        replicaCount = try replicas.int("count", atLeast: 0)
        let size = try replicas.double("size")
        switch try replicas.string("law", oneOf: ["uniform-weights", "gaussian"]) {
        case "uniform-weights": replicaLaw = .uniformOnWeights(halfWidth: size)
        default: replicaLaw = .gaussian(standardDeviation: size)
        }
        if parameters.has("neighbours") {
            let plan = try parameters.object("neighbours")
            neighbours = (
                try plan.int("start", atLeast: 0), try plan.int("spacing", atLeast: 1), try plan.int("times", atLeast: 1),
                try plan.int("perTime", atLeast: 1), try plan.double("standardDeviation")
            )
            if let neighbours, neighbours.start + neighbours.timeCount * neighbours.spacing > steps {
                throw StageError.parameter(
                    path: plan.path, message: "reaches step \(neighbours.start + neighbours.timeCount * neighbours.spacing), beyond steps = \(steps); reduce times or spacing")
            }
        } else {
            neighbours = nil
        }
        divergenceBound = try parameters.double("divergenceBound", default: 1e6)
        if parameters.has("shard") {
            let shard = try parameters.object("shard")
            self.shard = (try shard.int("index", atLeast: 0), try shard.int("count", atLeast: 1))
            guard self.shard.index < self.shard.count else {
                throw StageError.parameter(path: shard.path, message: "index must be below count")
            }
        } else {
            shard = (0, 1)
        }
    }

    /// Every configuration of the sweep in its fixed order (activation, width, learning
    /// rate, seed — the last varying fastest), restricted to this shard.
    public var configurations: [SweepConfiguration] {
        var all: [SweepConfiguration] = []
        for activation in activations {
            for width in widths {
                for learningRate in learningRates {
                    for seed in 0..<seedCount {
                        all.append(.init(index: all.count, activation: activation, width: width, learningRate: learningRate, seedIndex: seed))
                    }
                }
            }
        }
        return all.filter { $0.index % shard.count == shard.index }
    }

    /// The network of `configuration`: inputs-width-outputs.
    public func architecture(for configuration: SweepConfiguration) throws -> Architecture {
        try Architecture(
            layerSizes: [inputCount, configuration.width, 1], hiddenActivation: configuration.activation,
            outputActivation: outputActivation, loss: loss)
    }

    /// The initial parameters of a configuration. They depend only on the width and the
    /// seed index (`init/width/w/seed/s`), so every activation and learning rate of one
    /// seed starts from the same weights: a paired design.
    public func initialParameters(for configuration: SweepConfiguration, seeds: SeedKey, architecture: Architecture) -> [Double] {
        initialization.parameters(for: architecture.layout, key: SweepSpecification.key(seeds, "init", configuration))
    }

    /// The key of stream `label` for a configuration (shared across activations and learning rates).
    public static func key(_ seeds: SeedKey, _ label: String, _ configuration: SweepConfiguration) -> SeedKey {
        seeds.derive(label).derive("width", configuration.width).derive("seed", configuration.seedIndex)
    }

    static func loss(_ name: String) throws -> Loss {
        switch name {
        case "mse": return .meanSquaredError
        case "bce": return .binaryCrossEntropy
        default: return .softmaxCrossEntropy
        }
    }

    static func initialization(_ network: Parameters) throws -> Initialization {
        switch try network.string("initialization", oneOf: ["pytorch-default", "normal", "xavier-uniform", "he-normal"]) {
        case "pytorch-default": return .pytorchDefault
        case "xavier-uniform": return .xavierUniform
        case "he-normal": return .heNormal
        default: return .normal(standardDeviation: try network.double("initializationStd"))
        }
    }

    /// `learningRates` is an array, or `{"logGrid": {"from": a, "to": b, "count": n}}`:
    /// `10^(log10 a + i (log10 b − log10 a)/(n − 1))`, i = 0…n−1.
    static func learningRates(_ parameters: Parameters) throws -> [Double] {
        if case .array = parameters.value["learningRates"] { return try parameters.doubles("learningRates") }
        let grid = try parameters.object("learningRates").object("logGrid")
        let from = log10(try grid.double("from"))
        let to = log10(try grid.double("to"))
        let count = try grid.int("count", atLeast: 2)
        return (0..<count).map { pow(10, from + Double($0) * (to - from) / Double(count - 1)) }
    }
}
