import HDF5
import Networks
import StageKit

/// Reads an ensembles file written by ``EnsembleFileWriter`` (see there for the layout).
public struct EnsembleFileReader {
    public let configurations: [SweepConfiguration]
    public let parameterCounts: [Int]
    public let steps: Int
    public let replicaCount: Int
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
        let table = try root.openGroup("configurations")
        let indices = try table.readDataset("index", as: Int64.self).values
        let activations = try table.readStrings("activation").values
        let widths = try table.readDataset("width", as: Int64.self).values
        let rates = try table.readDataset("learning_rate", as: Double.self).values
        let seeds = try table.readDataset("seed_index", as: Int64.self).values
        parameterCounts = try table.readDataset("parameter_count", as: Int64.self).values.map(Int.init)
        configurations = try indices.indices.map { row in
            guard let activation = Activation(rawValue: activations[row]) else {
                throw StageError.invalidInput(path: file.path, reason: "unknown activation '\(activations[row])' in row \(row)")
            }
            return SweepConfiguration(
                index: Int(indices[row]), activation: activation, width: Int(widths[row]), learningRate: rates[row],
                seedIndex: Int(seeds[row]))
        }
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

    /// The full-batch training loss of the reference at steps 0…T.
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
