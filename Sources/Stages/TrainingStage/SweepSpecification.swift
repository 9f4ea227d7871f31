import Foundation
import Networks
import EnsembleReplay
import NumericsCore
import Provenance
import StageKit

/// The sweep a `train-ensembles` stage runs, read from its (resolved) parameters: the
/// product hidden activations × hidden widths × learning rates × seeds, the optimizer,
/// the batch schedule and what to record. Inputs and outputs of the network come from
/// the data file (features; one sigmoid output for two classes, one per class for softmax).
public struct SweepSpecification: Sendable {
    public var activations: [Activation]
    public var hiddenWidths: [[Int]]
    public var outputActivation: OutputActivation
    public var loss: Loss
    public var initialization: Initialization
    public var learningRates: [Double]
    public var optimizer: OptimizerChoice
    /// Minibatch size, or nil for full-batch steps.
    public var batchSize: Int?
    public var seedCount: Int
    /// The first seed index: the sweep trains seeds `seedOffset ..< seedOffset + seedCount`.
    /// A second sweep with the same seed path and an offset extends a first one by more
    /// seeds: seed s starts from the same weights and streams in both (every key is
    /// `label/width/…/seed/s`).
    public var seedOffset: Int
    public var steps: Int
    /// Evaluations (test set, and training set if asked) every this many steps, and at T.
    public var evaluationInterval: Int
    /// Reference parameters are stored at these steps (0 and T always).
    public var parameterInterval: Int
    /// Evaluate on the whole training set as well (minibatch methods).
    public var evaluatesTrainingSet: Bool
    public var replicaCount: Int
    public var replicaLaw: PerturbationLaw
    /// Steps the replicas run (their distances are recorded at 0…replicaSteps): T unless
    /// `replicas.steps` says fewer.
    public var replicaSteps: Int
    /// Mittra's neighbours along the reference (docs/PROTOCOL.md §1 estimator 1), if any;
    /// `within`: the step ranges outside which no neighbour is spawned (empty: none left out).
    public var neighbours: (start: Int, spacing: Int, timeCount: Int, perTime: Int, standardDeviation: Double, within: [ClosedRange<Int>])?
    public var divergenceBound: Double
    /// This process's share of the configurations: index i of n (configurations c with c mod n = i).
    public var shard: (index: Int, count: Int)
    /// Merge this many shard files instead of training (`mergeShards`), or nil.
    public var mergedShardCount: Int?
    /// The code that computes losses and gradients (fixes the operation order).
    public var engine: GradientEngine
    /// Which draw of the data file each configuration trains on.
    public var dataDraw: DataDrawRule

    /// The declared parameters of `train-ensembles`.
    public static let schema = ParameterSchema([
        ParameterField("network", .object([
            ParameterField("hiddenActivations", .array(.string(oneOf: Activation.allCases.map(\.rawValue))), "activation of every hidden layer; one sweep axis"),
            ParameterField("hiddenWidths", .array(.array(.integer(atLeast: 1))), "hidden layer widths of each architecture, input side first (e.g. [[4], [8]]); one sweep axis"),
            ParameterField("outputActivation", .string(oneOf: OutputActivation.allCases.map(\.rawValue)), "activation of the output layer"),
            ParameterField("loss", .string(oneOf: ["mse", "bce", "softmax-ce"]), "training loss (mean over the batch)"),
            ParameterField("initialization", .string(oneOf: ["pytorch-default", "normal", "xavier-uniform", "he-normal"]), "initial weights and biases"),
            .optional("initializationStd", .number, "standard deviation of the weights for initialization \"normal\" (biases 0)"),
        ]), "the networks: inputs and outputs come from the data file"),
        ParameterField("optimizer", .object([
            ParameterField("name", .string(oneOf: ["gd", "heavy-ball", "adam", "langevin", "adaptive-langevin", "lala", "adlala", "lol"]),
                           "the update rule; the step size (η, or h of the splitting methods) is the learningRates axis"),
            .optional("momentum", .number, "heavy-ball momentum μ (PyTorch convention)"),
            .optional("beta1", .number, "Adam's β₁ (PyTorch default 0.9)"),
            .optional("beta2", .number, "Adam's β₂ (PyTorch default 0.999)"),
            .optional("epsilon", .number, "Adam's eps (PyTorch default 1e-8)"),
            .optional("friction", .number, "γ of the Langevin (O-step) tensors; c = e^{−γh} (docs/PROTOCOL.md §4: 0.1)"),
            .optional("temperature", .number, "τ of the Langevin tensors, or τ₁ of Adaptive Langevin (docs/PROTOCOL.md §4: 1e-4)"),
            .optional("noiseAmplitude", .number, "σ of the Adaptive-Langevin D steps (notebook: 0.01)"),
            .optional("thermostatCoupling", .number, "ε of the E step (notebook: 0.05)"),
            .optional("initialThermostat", .number, "ξ₀ (notebook: 0.1)"),
            .optional("firstLayerTemperature", .number, "τ₁ of AdLaLa's or LOL's first layer"),
            .optional("firstLayerFriction", .number, "γ₁ of LOL's first layer (not given by any source: stated choice)"),
            .optional("layerTemperatures", .array(.number), "LaLa: one temperature per layer, input side first"),
        ]), "the optimizer"),
        ParameterField("dataDraw", .string(oneOf: DataDrawRule.allCases.map(\.rawValue)), default: .string(DataDrawRule.fixed.rawValue), """
            which draw of the data file a configuration trains and is tested on: fixed = draw 0 for all; \
            per-seed = draw s for seed s (the seed band then covers the data draw; the data file needs ≥ seedOffset + seedCount draws)
            """),
        ParameterField("batchSize", .integer(atLeast: 0), default: .int(0), "minibatch size, shuffled each epoch from the 'batches' seed; 0 = full batch"),
        ParameterField("learningRates", .either([
            .array(.number),
            .object([ParameterField("logGrid", .object([
                ParameterField("from", .number, "smallest η"), ParameterField("to", .number, "largest η"),
                ParameterField("count", .integer(atLeast: 2), "points, log-spaced"),
                .optional("atLeast", .number, "keep only the grid points η ≥ this (the same doubles as the whole grid, so sweeps merge by η)"),
            ]), "10^(log10 from + i (log10 to − log10 from)/(count − 1))")]),
        ]), "step sizes η; one sweep axis"),
        ParameterField("seedCount", .integer(atLeast: 1), "initialisations per cell; one sweep axis"),
        ParameterField("seedOffset", .integer(atLeast: 0), default: .int(0),
                       "first seed index (seeds seedOffset…seedOffset+seedCount−1); configuration indices then start at seedOffset·2^24"),
        ParameterField("steps", .integer(atLeast: 1), "optimizer steps T"),
        ParameterField("record", .object([
            ParameterField("evaluationInterval", .integer(atLeast: 1), "test (and training-set) evaluations every k steps, and at T"),
            ParameterField("parameterInterval", .integer(atLeast: 1), "reference parameters stored every k steps, and at T (decimated if over 2 GB)"),
            ParameterField("trainingSet", .bool, default: .bool(false), "also evaluate loss and accuracy on the whole training set"),
        ]), "what is recorded besides the replica distances, which are recorded every step"),
        ParameterField("replicas", .object([
            ParameterField("count", .integer(atLeast: 0), "replicas R per reference"),
            ParameterField("law", .string(oneOf: ["uniform-weights", "gaussian"]), "perturbation at t = 0: U(±size) on weights only, or N(0, size²) on all"),
            ParameterField("size", .number, "half-width or standard deviation of the perturbation"),
            .optional("steps", .integer(atLeast: 0), """
                steps every replica runs, at most steps T (default T): its distances are recorded at steps 0…this; \
                the divergence fits read no later step than their window's end
                """),
        ]), "replicas perturbed once at t = 0"),
        .optional("neighbours", .object([
            ParameterField("start", .integer(atLeast: 0), "first reference time t_0"),
            ParameterField("spacing", .integer(atLeast: 1), "τ, steps between reference times (also the horizon)"),
            ParameterField("times", .integer(atLeast: 1), "M reference times"),
            ParameterField("perTime", .integer(atLeast: 1), "U neighbours per reference time"),
            ParameterField("standardDeviation", .number, "σ of the Gaussian neighbour offsets"),
            .optional("within", .array(.array(.integer(atLeast: 0))), """
                step ranges [a, b]: spawn neighbours only at the t_i with a ≤ t_i and t_i + τ ≤ b for one of them \
                (the hybrid estimator's windows, the only times it reads); every neighbour keeps the seed of its grid index i
                """),
        ]), "Mittra's neighbours along the reference (Eq. 4)"),
        ParameterField("divergenceBound", .number, default: .double(1e6), "a run counts as diverged when |w|∞ exceeds this"),
        ParameterField("engine", .string(oneOf: GradientEngine.allCases.map(\.rawValue)), default: .string(GradientEngine.blockLanes.rawValue),
                       "gradient code: block-lanes (small nets), dense-native (register-blocked FMA kernels, large layers), dense-blas (OpenBLAS)"),
        .optional("shard", .object([
            ParameterField("index", .integer(atLeast: 0), "this shard i"), ParameterField("count", .integer(atLeast: 1), "shards n"),
        ]), "train only configurations c with c mod n = i (global indices and seeds kept)"),
        .optional("mergeShards", .integer(atLeast: 2), """
            instead of training, merge the n shard files given as inputs into the file of the whole sweep \
            (rows in global configuration order); set by the driver on a stage that declares `shards`
            """),
    ])

    /// Reads the specification from a stage's resolved parameters.
    public init(_ parameters: Parameters) throws {
        let network = try parameters.object("network")
        activations = try network.strings("hiddenActivations").map { Activation(rawValue: $0)! }
        guard case .array(let widthLists)? = network.value["hiddenWidths"] else {
            throw StageError.parameter(path: network.path + ".hiddenWidths", message: "must be an array of arrays of widths")
        }
        hiddenWidths = try widthLists.indices.map { index in
            try Parameters(.object(["w": widthLists[index]]), path: "\(network.path).hiddenWidths[\(index)]").ints("w")
        }
        outputActivation = OutputActivation(rawValue: try network.string("outputActivation"))!
        loss = SweepSpecification.loss(try network.string("loss"))
        initialization = try SweepSpecification.initialization(network)
        learningRates = try SweepSpecification.learningRates(parameters)
        optimizer = try OptimizerChoice(try parameters.object("optimizer"))
        let size = try parameters.int("batchSize")
        batchSize = size == 0 ? nil : size
        seedCount = try parameters.int("seedCount")
        seedOffset = try parameters.int("seedOffset", default: 0)
        steps = try parameters.int("steps")
        let record = try parameters.object("record")
        evaluationInterval = try record.int("evaluationInterval")
        parameterInterval = try record.int("parameterInterval")
        evaluatesTrainingSet = try record.bool("trainingSet", default: false)
        let replicas = try parameters.object("replicas")
        replicaCount = try replicas.int("count")
        let spread = try replicas.double("size")
        replicaLaw = try replicas.string("law") == "uniform-weights"
            ? .uniformOnWeights(halfWidth: spread) : .gaussian(standardDeviation: spread)
        replicaSteps = replicas.has("steps") ? try replicas.int("steps") : steps
        guard replicaSteps <= steps else {
            throw StageError.parameter(
                path: replicas.path + ".steps", message: "is \(replicaSteps), beyond steps = \(steps): replicas cannot outrun the reference")
        }
        if parameters.has("neighbours") {
            let plan = try parameters.object("neighbours")
            var within: [ClosedRange<Int>] = []
            if case .array(let ranges)? = plan.value["within"] {
                within = try ranges.indices.map { index in
                    let path = "\(plan.path).within[\(index)]"
                    let bounds = try Parameters(.object(["r": ranges[index]]), path: path).ints("r")
                    guard bounds.count == 2, bounds[0] <= bounds[1] else {
                        throw StageError.parameter(path: path, message: "must be a step range [a, b] with a ≤ b")
                    }
                    return bounds[0]...bounds[1]
                }
            }
            neighbours = (
                try plan.int("start"), try plan.int("spacing"), try plan.int("times"), try plan.int("perTime"),
                try plan.double("standardDeviation"), within
            )
            if let neighbours, neighbours.start + neighbours.timeCount * neighbours.spacing > steps {
                throw StageError.parameter(
                    path: plan.path, message: "reaches step \(neighbours.start + neighbours.timeCount * neighbours.spacing), beyond steps = \(steps); reduce times or spacing")
            }
        } else {
            neighbours = nil
        }
        divergenceBound = try parameters.double("divergenceBound")
        engine = GradientEngine(rawValue: try parameters.string("engine"))!
        dataDraw = DataDrawRule(rawValue: try parameters.string("dataDraw"))!
        let count = activations.count * hiddenWidths.count * learningRates.count * seedCount
        guard count < Self.indexStride else {
            throw StageError.parameter(
                path: parameters.path, message: "has \(count) configurations, more than the \(Self.indexStride) one index range holds; split the sweep")
        }
        if parameters.has("shard") {
            let shard = try parameters.object("shard")
            self.shard = (try shard.int("index"), try shard.int("count"))
            guard self.shard.index < self.shard.count else {
                throw StageError.parameter(path: shard.path, message: "index must be below count")
            }
        } else {
            shard = (0, 1)
        }
        mergedShardCount = parameters.has("mergeShards") ? try parameters.int("mergeShards") : nil
        if mergedShardCount != nil && parameters.has("shard") {
            throw StageError.parameter(
                path: parameters.path + ".mergeShards", message: "cannot be combined with shard: a stage either trains one shard or merges them")
        }
        if case .heavyBall = optimizer, !(try parameters.object("optimizer").has("momentum")) {
            throw StageError.parameter(path: parameters.path + ".optimizer.momentum", message: "is required for heavy-ball")
        }
    }

    /// Configuration indices of a sweep with seed offset o start at o · indexStride, so
    /// that sweeps extending one another by seeds never share an index (each has fewer
    /// than indexStride configurations); with o = 0 the index is the position in the sweep.
    public static let indexStride = 1 << 24

    /// Every configuration of the sweep in its fixed order (activation, architecture,
    /// learning rate, seed — the last varying fastest), restricted to this shard. The
    /// index is `seedOffset · indexStride` plus the position in that order.
    public var configurations: [SweepConfiguration] {
        allConfigurations.filter { $0.index % shard.count == shard.index }
    }

    /// Every configuration of the whole sweep, whatever the shard.
    public var allConfigurations: [SweepConfiguration] {
        var all: [SweepConfiguration] = []
        let base = seedOffset * Self.indexStride
        for activation in activations {
            for widths in hiddenWidths {
                for learningRate in learningRates {
                    for seed in seedOffset..<(seedOffset + seedCount) {
                        all.append(.init(index: base + all.count, activation: activation, hiddenWidths: widths,
                                         learningRate: learningRate, seedIndex: seed))
                    }
                }
            }
        }
        return all
    }

    /// The data draw `configuration` trains and is tested on.
    public func dataDraw(for configuration: SweepConfiguration) -> Int {
        switch dataDraw {
        case .fixed: return 0
        case .perSeed: return configuration.seedIndex
        }
    }

    /// The network of `configuration` on data with `inputCount` features and `outputCount` outputs.
    public func architecture(for configuration: SweepConfiguration, inputCount: Int, outputCount: Int) throws -> Architecture {
        try Architecture(
            layerSizes: [inputCount] + configuration.hiddenWidths + [outputCount], hiddenActivation: configuration.activation,
            outputActivation: outputActivation, loss: loss)
    }

    /// Network outputs for data with `classCount` classes: one per class for softmax, else one.
    public func outputCount(classCount: Int) -> Int {
        outputActivation == .softmax ? classCount : 1
    }

    /// The initial parameters of a configuration. They depend only on the hidden widths
    /// and the seed index (`init/width/w…/seed/s`), so every activation and learning rate
    /// of one seed starts from the same weights: a paired design.
    public func initialParameters(for configuration: SweepConfiguration, seeds: SeedKey, architecture: Architecture) -> [Double] {
        initialization.parameters(for: architecture.layout, key: configuration.key(seeds, "init"))
    }

    static func loss(_ name: String) -> Loss {
        switch name {
        case "mse": return .meanSquaredError
        case "bce": return .binaryCrossEntropy
        default: return .softmaxCrossEntropy
        }
    }

    static func initialization(_ network: Parameters) throws -> Initialization {
        switch try network.string("initialization") {
        case "pytorch-default": return .pytorchDefault
        case "xavier-uniform": return .xavierUniform
        case "he-normal": return .heNormal
        default: return .normal(standardDeviation: try network.double("initializationStd"))
        }
    }

    /// `learningRates` is an array, or `{"logGrid": {"from": a, "to": b, "count": n}}`:
    /// `10^(log10 a + i (log10 b − log10 a)/(n − 1))`, i = 0…n−1; with `"atLeast": m` only
    /// the points ≥ m (the same doubles, so a sweep over part of a grid merges with one over all of it).
    static func learningRates(_ parameters: Parameters) throws -> [Double] {
        if case .array = parameters.value["learningRates"] { return try parameters.doubles("learningRates") }
        let grid = try parameters.object("learningRates").object("logGrid")
        let from = log10(try grid.double("from"))
        let to = log10(try grid.double("to"))
        let count = try grid.int("count")
        let all = (0..<count).map { pow(10, from + Double($0) * (to - from) / Double(count - 1)) }
        guard grid.has("atLeast") else { return all }
        let floor = try grid.double("atLeast")
        let kept = all.filter { $0 >= floor }
        guard !kept.isEmpty else {
            throw StageError.parameter(path: grid.path + ".atLeast", message: "keeps no point of the grid; lower it below \(all.last ?? .nan)")
        }
        return kept
    }
}

/// Which draw of a multi-draw data file (``FileSchemas/DataFile``) a configuration uses.
public enum DataDrawRule: String, CaseIterable, Sendable {
    /// Draw 0 for every configuration: seeds vary initialisation, batches and noise only.
    case fixed
    /// Draw s for seed s, the same for every activation, width and learning rate of that seed.
    case perSeed = "per-seed"
}
