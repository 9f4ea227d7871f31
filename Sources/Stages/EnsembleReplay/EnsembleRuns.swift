import FileSchemas
import Foundation
import HDF5
import Networks
import NumericsCore
import Provenance
import StageKit

/// The runs of an ensembles file (``FileSchemas/EnsemblesFile``) as the numerics see them:
/// each row's network, the optimizer, batch schedule and noise keys that replay it, its
/// initial and final parameters, training loss and the replicas' and neighbours'
/// distances. Shared by the stage that trains runs and the one that replays them, so that
/// neither imports the other.
public struct EnsembleRuns {
    /// The file's header (attributes and configuration table).
    public let header: EnsemblesFile
    /// The rows, as the sweep named them.
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
    /// Parameters of each row's network.
    public let parameterCounts: [Int]
    /// The data draw of each row (`/configurations/data_draw`; 0 in files without it).
    public let dataDraws: [Int]
    /// T, training steps.
    public let steps: Int
    /// R, replicas per configuration.
    public let replicaCount: Int
    /// T_R ≤ T, the steps the replicas ran (their distances cover steps 0…T_R).
    public let replicaSteps: Int
    /// Heavy-ball momentum μ (0 for other optimizers).
    public let momentum: Double
    let maxParameterCount: Int
    let parameterStepCount: Int
    let trainingLoss: [Double]
    let parameters: [Double]
    let finalParameters: [Double]
    let distanceL1: [Double]
    let referenceStatusSteps: [Int]
    /// Mittra's neighbours, if recorded: reference steps t_i and the horizon τ.
    public let neighbourSteps: [Int]
    /// τ, steps each neighbour runs (0 without neighbours).
    public let neighbourHorizon: Int
    /// U, neighbours per reference time (0 without neighbours).
    public let neighbourCount: Int
    let neighbourInitial: [Double]
    let neighbourFinal: [Double]

    /// Reads the runs of the ensembles file `file`.
    public init(file: HDF5File) throws {
        let header = try EnsemblesFile(reading: file)
        self.header = header
        steps = Int(header.steps)
        replicaCount = Int(header.replicaCount)
        momentum = header.momentum
        guard let seed = UInt64(header.ensemblesKey) else {
            throw StageError.invalidInput(path: file.path, reason: "its root attribute 'ensembles_key' is not a decimal seed")
        }
        seeds = SeedKey(seed)
        batchSize = header.batchSize > 0 ? Int(header.batchSize) : nil
        guard let loss = Loss(rawValue: header.loss), let output = OutputActivation(rawValue: header.outputActivation) else {
            throw StageError.invalidInput(path: file.path, reason: "unknown loss '\(header.loss)' or output activation '\(header.outputActivation)'")
        }
        guard let engine = GradientEngine(rawValue: header.engine) else {
            throw StageError.invalidInput(path: file.path, reason: "its root attribute 'engine' names no engine this code has")
        }
        self.engine = engine
        var optimizerParameters = try JSONValue.parse(Data(header.optimizerHyperparameters.utf8), source: file.path)
        if case .object(var members) = optimizerParameters {
            members["name"] = .string(header.optimizer)
            optimizerParameters = .object(members)
        }
        optimizer = try OptimizerChoice(Parameters(optimizerParameters, path: "\(file.path):/optimizer"))
        let table = header.configurations
        dataDraws = header.dataDraw.map(Int.init)
        let counts = header.parameterCount.map(Int.init)
        parameterCounts = counts
        var architectures: [Architecture] = []
        configurations = try (0..<table.count).map { row in
            guard let activation = Activation(rawValue: table.activation[row]) else {
                throw StageError.invalidInput(path: file.path, reason: "unknown activation '\(table.activation[row])' in row \(row)")
            }
            let sizes = header.layerSizes(row)
            guard sizes.count >= 2, sizes[1..<(sizes.count - 1)].first.map({ $0 == Int(table.width[row]) }) ?? true else {
                throw StageError.invalidInput(path: file.path, reason: "row \(row) of /configurations/layer_sizes is \(sizes)")
            }
            let architecture = try Architecture(layerSizes: sizes, hiddenActivation: activation, outputActivation: output, loss: loss)
            guard architecture.parameterCount == counts[row] else {
                throw StageError.invalidInput(
                    path: file.path, reason: "row \(row): layers \(sizes) have \(architecture.parameterCount) parameters, the file says \(counts[row])")
            }
            architectures.append(architecture)
            return SweepConfiguration(
                index: Int(table.index[row]), activation: activation, hiddenWidths: Array(sizes[1..<(sizes.count - 1)]),
                learningRate: table.learningRate[row], seedIndex: Int(table.seedIndex[row]))
        }
        self.architectures = architectures
        trainingLoss = try header.rows(EnsemblesFile.Fields.trainingLoss, from: file).values
        let stored = try header.rows(EnsemblesFile.Fields.parameters, from: file)
        parameters = stored.values
        parameterStepCount = stored.shape[1]
        maxParameterCount = stored.shape[2]
        finalParameters = try header.rows(EnsemblesFile.Fields.finalParameters, from: file).values
        referenceStatusSteps = try file.read(EnsemblesFile.Fields.statusStep).values.map(Int.init)
        replicaSteps = Int(try file.readIfPresent(EnsemblesFile.Fields.replicaSteps) ?? header.steps)
        let distances = try header.rows(EnsemblesFile.Fields.distanceL1, from: file)
        guard distances.shape == [header.count, replicaCount, replicaSteps + 1] else {
            throw StageError.invalidInput(
                path: file.path + " /replicas/distance_l1",
                reason: "has shape \(distances.shape), expected [\(header.count), \(replicaCount), \(replicaSteps + 1)] (replicas/steps = \(replicaSteps)); rerun the ensembles stage")
        }
        distanceL1 = distances.values
        if let steps = try file.readIfPresent(EnsemblesFile.Fields.neighbourSteps) {
            neighbourSteps = steps.values.map(Int.init)
            neighbourHorizon = Int(try file.read(EnsemblesFile.Fields.neighbourHorizon))
            let initial = try header.rows(EnsemblesFile.Fields.neighbourInitialDistance, from: file)
            neighbourCount = initial.shape[2]
            neighbourInitial = initial.values
            neighbourFinal = try header.rows(EnsemblesFile.Fields.neighbourFinalDistance, from: file).values
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
        batchSize.map { .shuffledMinibatches(size: $0, key: configurations[row].key(seeds, "batches")) } ?? .fullBatch
    }

    /// The root of the per-step noise keys of row `row`.
    public func noiseKey(_ row: Int) -> SeedKey {
        configurations[row].key(seeds, "noise")
    }

    /// The training loss of the reference at steps 0…T (of step t's batch).
    public func trainingLoss(_ row: Int) -> [Double] {
        Array(trainingLoss[(row * (steps + 1))..<((row + 1) * (steps + 1))])
    }

    /// The first unrecorded step of a diverged reference, or nil if it completed.
    public func divergenceStep(_ row: Int) -> Int? {
        referenceStatusSteps[row] < 0 ? nil : referenceStatusSteps[row]
    }

    /// Replica r's L1 distance to the reference at steps 0…T_R.
    public func distanceL1(_ row: Int, replica: Int) -> [Double] {
        let start = (row * replicaCount + replica) * (replicaSteps + 1)
        return Array(distanceL1[start..<(start + replicaSteps + 1)])
    }

    /// Neighbour distances at t_i and t_i + τ for reference time `time`.
    public func neighbourDistances(_ row: Int, time: Int) -> (initial: [Double], final: [Double]) {
        let start = (row * neighbourSteps.count + time) * neighbourCount
        return (Array(neighbourInitial[start..<(start + neighbourCount)]), Array(neighbourFinal[start..<(start + neighbourCount)]))
    }
}
