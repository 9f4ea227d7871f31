import HDF5
import Networks

/// The layout of an ensembles file (written by `train-ensembles`, read by
/// `estimate-exponents`); C configurations, T steps, K recorded steps, P the largest
/// parameter count (smaller nets are padded with NaN), R replicas, M neighbour times,
/// U neighbours per time. Every dataset's `dimensions` attribute names its axes.
///
/// - `/configurations/{index, activation, width, learning_rate, seed_index, parameter_count}` [C]
/// - `/reference/training_loss` [C, T+1], `test_loss`, `test_accuracy` [C, K], `recorded_steps` [K],
///   `parameters` [C, K', P] (every `parameter_record_interval` steps), `parameter_steps` [K'],
///   `final_parameters` [C, P], `status_step`, `status_reason` [C] (−1 / 0: completed)
/// - `/replicas/distance_l1`, `distance_l2` [C, R, T+1], `status_step`, `status_reason` [C, R]
/// - `/neighbours/reference_steps` [M], `initial_distance`, `final_distance`, `status_step` [C, M, U]
public struct EnsembleFileWriter {
    let sweep: SweepSpecification
    let configurations: [SweepConfiguration]
    let maxParameterCount: Int
    /// Reference parameters are stored every this many steps (the sweep's record
    /// interval, or a multiple of it when the trajectories would not fit the budget).
    public let parameterRecordInterval: Int
    /// Bytes the file will hold before compression.
    public let estimatedBytes: Int

    /// The budget for stored parameter trajectories; larger ones are decimated, never dropped.
    public static let parameterBudgetBytes = 2_000_000_000

    public init(sweep: SweepSpecification, configurations: [SweepConfiguration]) {
        self.sweep = sweep
        self.configurations = configurations
        maxParameterCount = (sweep.widths.max() ?? 0) * (sweep.inputCount + 2) + 1
        let count = configurations.count
        let records = sweep.steps / sweep.recordInterval + 2
        var interval = sweep.recordInterval
        while count * (sweep.steps / interval + 2) * maxParameterCount * 8 > EnsembleFileWriter.parameterBudgetBytes {
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
        try root.setAttribute("momentum", .double(sweep.momentum))

        let table = try root.createGroup("configurations")
        try column(table, "index", configurations.map { Int64($0.index) }, "position in the full sweep")
        try table.writeStrings("activation", configurations.map(\.activation.rawValue))
        try column(table, "width", configurations.map { Int64($0.width) }, "hidden units")
        try column(table, "learning_rate", configurations.map(\.learningRate), "η of full-batch GD")
        try column(table, "seed_index", configurations.map { Int64($0.seedIndex) }, "seed s of init/width/w/seed/s")
        try column(table, "parameter_count", results.map { Int64($0.parameterCount) }, "parameters of the net")

        let reference = try root.createGroup("reference")
        let recorded = results.first?.recordedSteps ?? []
        try reference.writeDataset("recorded_steps", recorded.map(Int64.init), shape: [recorded.count])
        try matrix(reference, "training_loss", results.flatMap { $0.trainingLoss(run: 0) }, [count, steps + 1],
                   ["configuration", "step"], "full-batch training loss L(w_t) of the reference (NaN after divergence)")
        try matrix(reference, "test_loss", results.flatMap { Array($0.testLoss.prefix(recorded.count)) }, [count, recorded.count],
                   ["configuration", "recorded step"], "test-set loss of the reference at recorded_steps")
        try matrix(reference, "test_accuracy", results.flatMap { Array($0.testAccuracy.prefix(recorded.count)) }, [count, recorded.count],
                   ["configuration", "recorded step"], "test-set accuracy (fraction correct) at recorded_steps")
        let keep = recorded.enumerated().filter { $0.element % parameterRecordInterval == 0 || $0.element == steps }.map(\.offset)
        try reference.writeDataset("parameter_steps", keep.map { Int64(recorded[$0]) }, shape: [keep.count])
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
        try dataset.setAttribute("meaning", .string(meaning))
    }

    private func matrix<T: HDF5Element>(
        _ group: HDF5Group, _ name: String, _ values: [T], _ shape: [Int], _ dimensions: [String], _ meaning: String
    ) throws {
        var chunk = shape
        chunk[0] = max(1, min(shape[0], max(1, 1 << 18 / max(1, shape.dropFirst().reduce(1, *)))))
        let usable = shape.allSatisfy { $0 > 0 }
        let dataset = try group.writeDataset(
            name, values, shape: shape, chunk: usable ? chunk : nil, deflateLevel: usable ? 1 : nil)
        try dataset.setAttribute("dimensions", .strings(dimensions))
        try dataset.setAttribute("meaning", .string(meaning))
    }
}
