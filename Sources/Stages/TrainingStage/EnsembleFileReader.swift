import Foundation
import HDF5
import NumericsCore
import Provenance
import Networks
import StageKit

/// Reads an ensembles file written by ``EnsembleFileWriter`` (see there for the layout).
public struct EnsembleFileReader {
    public let configurations: [SweepConfiguration]
    /// The network of each configuration, as the file describes it.
    public let architectures: [Architecture]
    /// The optimizer (the step size of row r is `configurations[r].learningRate`).
    public let optimizer: OptimizerChoice
    /// Minibatch size, nil for full-batch steps.
    public let batchSize: Int?
    /// The stage's seed: configuration c's batches and noise derive from it.
    public let seeds: SeedKey
    /// The engine that trained the runs (replays must use it).
    public let engine: GradientEngine
    public let parameterCounts: [Int]
    /// The data draw of each row (`/configurations/data_draw`; 0 in files without it).
    public let dataDraws: [Int]
    public let steps: Int
    public let replicaCount: Int
    /// Heavy-ball momentum μ (0 for other optimizers).
    public let momentum: Double
    let maxParameterCount: Int
    let parameterStepCount: Int
    let trainingLoss: [Double]
    let parameters: [Double]
    let finalParameters: [Double]
    let distanceL1: [Double]
    let referenceStatusSteps: [Int]
    /// Mittra's neighbours, if recorded: reference steps t_i, horizon τ, U, and distances [C, M, U].
    public let neighbourSteps: [Int]
    public let neighbourHorizon: Int
    /// U, neighbours per reference time (0 without neighbours).
    public let neighbourCount: Int
    let neighbourInitial: [Double]
    let neighbourFinal: [Double]

    public init(file: HDF5File) throws {
        let root = try file.root
        guard case .int(let steps) = try root.attribute("steps"), case .int(let replicas) = try root.attribute("replica_count"),
            case .double(let momentum) = try root.attribute("momentum")
        else {
            throw StageError.invalidInput(path: file.path, reason: "its root attributes steps/replica_count/momentum are missing or mistyped")
        }
        self.steps = Int(steps)
        replicaCount = Int(replicas)
        self.momentum = momentum
        func text(_ name: String) throws -> String {
            guard case .string(let value) = try root.attribute(name) else {
                throw StageError.invalidInput(path: file.path, reason: "its root attribute '\(name)' is missing or not a string")
            }
            return value
        }
        func key(_ name: String) throws -> SeedKey {
            guard let value = UInt64(try text(name)) else {
                throw StageError.invalidInput(path: file.path, reason: "its root attribute '\(name)' is not a 64-bit seed")
            }
            return SeedKey(value)
        }
        guard let loss = Loss(rawValue: try text("loss")), let output = OutputActivation(rawValue: try text("output_activation")),
            case .int(let batch) = try root.attribute("batch_size")
        else {
            throw StageError.invalidInput(path: file.path, reason: "its loss, output_activation or batch_size attribute is not one this code knows")
        }
        batchSize = batch == 0 ? nil : Int(batch)
        seeds = try key("ensembles_key")
        guard let engine = GradientEngine(rawValue: try text("engine")) else {
            throw StageError.invalidInput(path: file.path, reason: "its engine attribute names no engine this code has")
        }
        self.engine = engine
        var optimizerParameters = try JSONValue.parse(Data(try text("optimizer_hyperparameters").utf8), source: file.path)
        if case .object(var members) = optimizerParameters {
            members["name"] = .string(try text("optimizer"))
            optimizerParameters = .object(members)
        }
        optimizer = try OptimizerChoice(Parameters(optimizerParameters, path: "\(file.path):/optimizer"))
        let table = try root.openGroup("configurations")
        let indices = try table.readDataset("index", as: Int64.self).values
        let activations = try table.readStrings("activation").values
        let widths = try table.readDataset("width", as: Int64.self).values
        let rates = try table.readDataset("learning_rate", as: Double.self).values
        let seedIndices = try table.readDataset("seed_index", as: Int64.self).values
        dataDraws = try table.contains("data_draw")
            ? table.readDataset("data_draw", as: Int64.self).values.map(Int.init) : [Int](repeating: 0, count: seedIndices.count)
        let counts = try table.readDataset("parameter_count", as: Int64.self).values.map(Int.init)
        parameterCounts = counts
        let layerTable = try table.readDataset("layer_sizes", as: Int64.self)
        let layerColumns = layerTable.shape.count == 2 ? layerTable.shape[1] : 0
        var architectures: [Architecture] = []
        configurations = try indices.indices.map { row in
            guard let activation = Activation(rawValue: activations[row]) else {
                throw StageError.invalidInput(path: file.path, reason: "unknown activation '\(activations[row])' in row \(row)")
            }
            let sizes = layerTable.values[(row * layerColumns)..<((row + 1) * layerColumns)].map(Int.init).filter { $0 > 0 }
            guard sizes.count >= 2, sizes[1..<(sizes.count - 1)].first.map({ $0 == Int(widths[row]) }) ?? true else {
                throw StageError.invalidInput(path: file.path, reason: "row \(row) of /configurations/layer_sizes is \(sizes)")
            }
            let architecture = try Architecture(layerSizes: sizes, hiddenActivation: activation, outputActivation: output, loss: loss)
            guard architecture.parameterCount == counts[row] else {
                throw StageError.invalidInput(
                    path: file.path, reason: "row \(row): layers \(sizes) have \(architecture.parameterCount) parameters, the file says \(counts[row])")
            }
            architectures.append(architecture)
            return SweepConfiguration(
                index: Int(indices[row]), activation: activation, hiddenWidths: Array(sizes[1..<(sizes.count - 1)]),
                learningRate: rates[row], seedIndex: Int(seedIndices[row]))
        }
        self.architectures = architectures
        let reference = try root.openGroup("reference")
        trainingLoss = try reference.readDataset("training_loss", as: Double.self).values
        let stored = try reference.readDataset("parameters", as: Double.self)
        parameters = stored.values
        parameterStepCount = stored.shape[1]
        maxParameterCount = stored.shape[2]
        finalParameters = try reference.readDataset("final_parameters", as: Double.self).values
        referenceStatusSteps = try reference.readDataset("status_step", as: Int64.self).values.map(Int.init)
        distanceL1 = try root.openGroup("replicas").readDataset("distance_l1", as: Double.self).values
        if try root.contains("neighbours") {
            let group = try root.openGroup("neighbours")
            neighbourSteps = try group.readDataset("reference_steps", as: Int64.self).values.map(Int.init)
            guard case .int(let horizon) = try group.attribute("horizon") else {
                throw StageError.invalidInput(path: file.path, reason: "/neighbours has no integer attribute 'horizon'")
            }
            neighbourHorizon = Int(horizon)
            let initial = try group.readDataset("initial_distance", as: Double.self)
            neighbourCount = initial.shape[2]
            neighbourInitial = initial.values
            neighbourFinal = try group.readDataset("final_distance", as: Double.self).values
        } else {
            neighbourSteps = []
            neighbourHorizon = 0
            neighbourCount = 0
            neighbourInitial = []
            neighbourFinal = []
        }
    }

    /// The reference's initial parameters w_0 of row `row`.
    public func initialParameters(_ row: Int) -> [Double] {
        let start = row * parameterStepCount * maxParameterCount
        return Array(parameters[start..<(start + parameterCounts[row])])
    }

    /// The reference's parameters after the last step.
    public func finalParameters(_ row: Int) -> [Double] {
        let start = row * maxParameterCount
        return Array(finalParameters[start..<(start + parameterCounts[row])])
    }

    /// The batch schedule of row `row` (every run of that configuration used it).
    public func batches(_ row: Int) -> BatchSchedule {
        batchSize.map { .shuffledMinibatches(size: $0, key: SweepSpecification.key(seeds, "batches", configurations[row])) }
            ?? .fullBatch
    }

    /// The root of the per-step noise keys of row `row`.
    public func noiseKey(_ row: Int) -> SeedKey {
        SweepSpecification.key(seeds, "noise", configurations[row])
    }

    /// The training loss of the reference at steps 0…T (of step t's batch).
    public func trainingLoss(_ row: Int) -> [Double] {
        Array(trainingLoss[(row * (steps + 1))..<((row + 1) * (steps + 1))])
    }

    /// The first unrecorded step of a diverged reference, or nil if it completed.
    public func divergenceStep(_ row: Int) -> Int? {
        referenceStatusSteps[row] < 0 ? nil : referenceStatusSteps[row]
    }

    /// Replica r's L1 distance to the reference at steps 0…T.
    public func distanceL1(_ row: Int, replica: Int) -> [Double] {
        let start = (row * replicaCount + replica) * (steps + 1)
        return Array(distanceL1[start..<(start + steps + 1)])
    }

    /// Neighbour distances at t_i and t_i + τ for reference time `time`.
    public func neighbourDistances(_ row: Int, time: Int) -> (initial: [Double], final: [Double]) {
        let start = (row * neighbourSteps.count + time) * neighbourCount
        return (Array(neighbourInitial[start..<(start + neighbourCount)]), Array(neighbourFinal[start..<(start + neighbourCount)]))
    }
}
