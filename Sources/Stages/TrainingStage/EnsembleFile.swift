import HDF5
import Networks
import NumericsCore

/// The layout of an ensembles file (written by `train-ensembles`, read by
/// `estimate-exponents`); C configurations, T steps, K evaluation steps, K' parameter
/// steps, P the largest parameter count (smaller nets are padded with NaN), L the most
/// layer sizes, R replicas, M neighbour times, U neighbours per time. Every dataset's
/// `dimensions` attribute names its axes. The file says which networks, loss, optimizer
/// and batches made it, so downstream stages never need the producing stage's parameters:
///
/// A shard's file has the same layout (padding P and L, and the parameter decimation,
/// are those of the whole sweep), holding only its rows; ``EnsembleFileMerger`` puts the
/// shards' rows back in global order, giving the datasets of an unsharded run.
///
/// - root attributes: `steps`, `replica_count`, `shard` [i, n], `loss`, `output_activation`,
///   `initialization`, `optimizer` (name), `optimizer_hyperparameters` (canonical JSON),
///   `momentum` (heavy-ball μ, 0 otherwise), `batch_size` (0: full batch), `ensembles_key`
///   (the stage's seed, a decimal string: configuration c's minibatch order and per-step
///   noise are `SweepSpecification.key(seed, "batches" / "noise", c)`), `evaluates_training_set`, `engine` (the gradient code, ``GradientEngine``)
/// - `/configurations/{index, activation, width, learning_rate, seed_index, data_draw, parameter_count}` [C],
///   `layer_sizes` [C, L] (0-padded; `width` is the first hidden layer)
/// - `/reference/training_loss` [C, T+1] (loss of step t's batch at w_t), `test_loss`,
///   `test_accuracy` [C, K], `recorded_steps` [K], optionally `training_set_loss`,
///   `training_set_accuracy` [C, K]; `parameters` [C, K', P] at `parameter_steps` [K'],
///   `final_parameters` [C, P], `status_step`, `status_reason` [C] (−1 / 0: completed)
/// - `/replicas/distance_l1`, `distance_l2` [C, R, T+1], `status_step` [C, R]
/// - `/neighbours/reference_steps` [M], `initial_distance`, `final_distance`, `status_step` [C, M, U]
public struct EnsembleFileWriter {
    let sweep: SweepSpecification
    let configurations: [SweepConfiguration]
    let architectures: [Architecture]
    let seeds: SeedKey
    let maxParameterCount: Int
    let maxLayerCount: Int
    /// Reference parameters are stored every this many steps (the sweep's parameter
    /// interval, or a multiple of it when the trajectories would not fit the budget).
    public let parameterRecordInterval: Int
    /// Bytes the file will hold before compression.
    public let estimatedBytes: Int

    /// The budget for stored parameter trajectories; larger ones are decimated, never dropped.
    public static let parameterBudgetBytes = 2_000_000_000

    /// A writer for `configurations` (this shard's) and their `architectures`;
    /// `sweepArchitectures` are those of the whole sweep, which fix the padding and the
    /// decimation so that every shard's file has the layout of the unsharded one.
    public init(sweep: SweepSpecification, configurations: [SweepConfiguration], architectures: [Architecture],
                sweepArchitectures: [Architecture], seeds: SeedKey) {
        self.sweep = sweep
        self.configurations = configurations
        self.architectures = architectures
        self.seeds = seeds
        maxParameterCount = sweepArchitectures.map(\.parameterCount).max() ?? 0
        maxLayerCount = sweepArchitectures.map(\.layerSizes.count).max() ?? 0
        let count = configurations.count
        let records = sweep.steps / sweep.evaluationInterval + 2
        var interval = sweep.parameterInterval
        while sweepArchitectures.count * (sweep.steps / interval + 2) * maxParameterCount * 8
            > EnsembleFileWriter.parameterBudgetBytes
        {
            interval *= 2
        }
        parameterRecordInterval = interval
        let perConfiguration =
            (sweep.steps + 1) * (1 + 2 * sweep.replicaCount) + 2 * records
            + (sweep.steps / interval + 2) * maxParameterCount + maxParameterCount
            + 3 * (sweep.neighbours.map { $0.timeCount * $0.perTime } ?? 0)
        estimatedBytes = 8 * count * perConfiguration
    }

    /// Writes the results (one per configuration, in order) to `file`.
    public func write(_ results: [EnsembleResult], to file: HDF5File) throws {
        let root = try file.root
        let count = configurations.count
        let steps = sweep.steps
        try root.setAttribute("steps", .int(Int64(steps)))
        try root.setAttribute("replica_count", .int(Int64(sweep.replicaCount)))
        try root.setAttribute("shard", .ints([Int64(sweep.shard.index), Int64(sweep.shard.count)]))
        if case .heavyBall(let momentum) = sweep.optimizer {
            try root.setAttribute("momentum", .double(momentum))
        } else {
            try root.setAttribute("momentum", .double(0))
        }
        try root.setAttribute("loss", .string(sweep.loss.rawValue))
        try root.setAttribute("output_activation", .string(sweep.outputActivation.rawValue))
        try root.setAttribute("initialization", .string(String(describing: sweep.initialization)))
        try root.setAttribute("optimizer", .string(sweep.optimizer.name))
        try root.setAttribute("optimizer_hyperparameters", .string(sweep.optimizer.hyperparameters.canonicalText))
        try root.setAttribute("batch_size", .int(Int64(sweep.batchSize ?? 0)))
        try root.setAttribute("ensembles_key", .string(String(seeds.rawValue)))
        try root.setAttribute("evaluates_training_set", .int(sweep.evaluatesTrainingSet ? 1 : 0))
        try root.setAttribute("engine", .string(sweep.engine.rawValue))

        let table = try root.createGroup("configurations")
        try column(table, "index", configurations.map { Int64($0.index) }, "position in the full sweep")
        try table.writeStrings("activation", configurations.map(\.activation.rawValue))
            .setAttribute("dimensions", .strings(["configuration"]))
        try column(table, "width", configurations.map { Int64($0.width) }, "units of the first hidden layer")
        try column(table, "learning_rate", configurations.map(\.learningRate), "step size η of the optimizer")
        try column(table, "seed_index", configurations.map { Int64($0.seedIndex) }, "seed s of init/width/w…/seed/s")
        try column(table, "data_draw", configurations.map { Int64(sweep.dataDraw(for: $0)) }, "draw of the data file trained and tested on")
        try column(table, "parameter_count", results.map { Int64($0.parameterCount) }, "parameters of the net")
        try matrix(table, "layer_sizes", architectures.flatMap { $0.layerSizes.map(Int64.init) + [Int64](repeating: 0, count: maxLayerCount - $0.layerSizes.count) },
                   [count, maxLayerCount], ["configuration", "layer"], "[inputs, hidden…, outputs] of each network (0-padded)")

        let reference = try root.createGroup("reference")
        let recorded = results.first?.recordedSteps ?? []
        try reference.writeDataset("recorded_steps", recorded.map(Int64.init), shape: [recorded.count])
        try matrix(reference, "training_loss", results.flatMap { $0.trainingLoss(run: 0) }, [count, steps + 1],
                   ["configuration", "step"], "full-batch training loss L(w_t) of the reference (NaN after divergence)")
        try matrix(reference, "test_loss", results.flatMap { Array($0.testLoss.prefix(recorded.count)) }, [count, recorded.count],
                   ["configuration", "recorded step"], "test-set loss of the reference at recorded_steps")
        try matrix(reference, "test_accuracy", results.flatMap { Array($0.testAccuracy.prefix(recorded.count)) }, [count, recorded.count],
                   ["configuration", "recorded step"], "test-set accuracy (fraction correct) at recorded_steps")
        if sweep.evaluatesTrainingSet {
            try matrix(reference, "training_set_loss", results.flatMap { Array($0.trainingSetLoss.prefix(recorded.count)) }, [count, recorded.count],
                       ["configuration", "recorded step"], "loss on the whole training set at recorded_steps")
            try matrix(reference, "training_set_accuracy", results.flatMap { Array($0.trainingSetAccuracy.prefix(recorded.count)) }, [count, recorded.count],
                       ["configuration", "recorded step"], "accuracy on the whole training set at recorded_steps")
        }
        if let names = results.first?.diagnosticNames, !names.isEmpty {
            let diagnostics = try matrix(
                reference, "optimizer_diagnostics", results.flatMap(\.diagnostics), [count, recorded.count, names.count],
                ["configuration", "recorded step", "diagnostic"],
                "observables of the reference's optimizer state at recorded_steps (names: attribute 'names'; kinetic temperatures are pᵀp/N per tensor)")
            try diagnostics.setAttribute("names", .strings(names))
        }
        let parameterSteps = results.first?.parameterSteps ?? []
        let keep = parameterSteps.enumerated().filter { $0.element % parameterRecordInterval == 0 || $0.element == steps }.map(\.offset)
        try reference.writeDataset("parameter_steps", keep.map { Int64(parameterSteps[$0]) }, shape: [keep.count])
        var trajectories: [Double] = []
        trajectories.reserveCapacity(count * keep.count * maxParameterCount)
        for result in results {
            for record in keep { trajectories += padded(Array(result.referenceParameters(record: record))) }
        }
        try matrix(reference, "parameters", trajectories, [count, keep.count, maxParameterCount],
                   ["configuration", "parameter step", "parameter"],
                   "reference parameters at parameter_steps (flat layout: layer by layer, weights row-major then biases; NaN padding beyond parameter_count)")
        try matrix(reference, "final_parameters", results.flatMap { padded(Array($0.finalParameters.prefix($0.parameterCount))) },
                   [count, maxParameterCount], ["configuration", "parameter"], "reference parameters after the last step")
        try column(reference, "status_step", results.map { Int64($0.statuses[0].stepCode) }, "first unrecorded step of a diverged run; −1 if completed")
        try column(reference, "status_reason", results.map { Int64($0.statuses[0].reasonCode) },
                   "0 completed, 1 non-finite loss, 2 non-finite parameters, 3 |w|∞ above the bound")

        let replicas = try root.createGroup("replicas")
        let replicaCount = sweep.replicaCount
        for (name, norm) in [("distance_l1", "L1"), ("distance_l2", "L2")] {
            let values = results.flatMap { name == "distance_l1" ? $0.distanceL1 : $0.distanceL2 }
            try matrix(replicas, name, values, [count, replicaCount, steps + 1], ["configuration", "replica", "step"],
                       "\(norm) distance between replica and reference parameters at every step (NaN after divergence)")
        }
        try matrix(replicas, "status_step", results.flatMap { $0.statuses.dropFirst().map { Int64($0.stepCode) } },
                   [count, replicaCount], ["configuration", "replica"], "first unrecorded step of a diverged replica; −1 if completed")
        try replicas.setAttribute("perturbation", .string(String(describing: sweep.replicaLaw)))

        if let plan = sweep.neighbours {
            let neighbours = try root.createGroup("neighbours")
            let times = results.first?.neighbourTimes ?? []
            try neighbours.writeDataset("reference_steps", times.map(Int64.init), shape: [times.count])
            try neighbours.setAttribute("horizon", .int(Int64(plan.spacing)))
            try neighbours.setAttribute("standard_deviation", .double(plan.standardDeviation))
            let shape = [count, times.count, plan.perTime]
            try matrix(neighbours, "initial_distance", results.flatMap(\.neighbourInitialDistance), shape,
                       ["configuration", "reference time", "neighbour"], "L2 distance ‖w^j(t_i) − w(t_i)‖ at spawning")
            try matrix(neighbours, "final_distance", results.flatMap(\.neighbourFinalDistance), shape,
                       ["configuration", "reference time", "neighbour"], "L2 distance ‖w^j(t_i+τ) − w(t_i+τ)‖ after the horizon τ")
            try matrix(neighbours, "status_step", results.flatMap { $0.neighbourStatuses.map { Int64($0.stepCode) } }, shape,
                       ["configuration", "reference time", "neighbour"], "first unrecorded step of a diverged neighbour; −1 if completed")
        }
    }

    private func padded(_ values: [Double]) -> [Double] {
        values + [Double](repeating: .nan, count: maxParameterCount - values.count)
    }

    private func column<T: HDF5Element>(_ group: HDF5Group, _ name: String, _ values: [T], _ meaning: String) throws {
        let dataset = try group.writeDataset(name, values, shape: [values.count])
        try dataset.setAttribute("dimensions", .strings(["configuration"]))
        try dataset.setAttribute("meaning", .string(meaning))
    }

    /// The chunks of a dataset of `shape` with more than one dimension: about 2¹⁸ elements
    /// of whole rows of the first axis (nil when an extent is 0: stored contiguous).
    static func chunk(for shape: [Int]) -> [Int]? {
        guard shape.allSatisfy({ $0 > 0 }) else { return nil }
        var chunk = shape
        chunk[0] = max(1, min(shape[0], max(1, 1 << 18 / max(1, shape.dropFirst().reduce(1, *)))))
        return chunk
    }

    @discardableResult
    private func matrix<T: HDF5Element>(
        _ group: HDF5Group, _ name: String, _ values: [T], _ shape: [Int], _ dimensions: [String], _ meaning: String
    ) throws -> HDF5Dataset {
        let chunk = EnsembleFileWriter.chunk(for: shape)
        let dataset = try group.writeDataset(
            name, values, shape: shape, chunk: chunk, deflateLevel: chunk == nil ? nil : 1)
        try dataset.setAttribute("dimensions", .strings(dimensions))
        try dataset.setAttribute("meaning", .string(meaning))
        return dataset
    }
}
