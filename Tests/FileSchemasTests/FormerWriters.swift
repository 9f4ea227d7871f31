import EnsembleReplay
@testable import ExponentStage
import HDF5
import Networks
import NumericsCore
@testable import TrainingStage

/// The ensembles writer as it was before the schemas (commit d0f08c1), the reference of
/// ``FormerLayoutTests``.
struct FormerEnsembleFileWriter {
    let sweep: SweepSpecification
    let configurations: [SweepConfiguration]
    let architectures: [Architecture]
    let seeds: SeedKey
    let maxParameterCount: Int
    let maxLayerCount: Int
    let parameterRecordInterval: Int

    init(writer: EnsembleFileWriter, sweep: SweepSpecification, configurations: [SweepConfiguration], architectures: [Architecture], seeds: SeedKey) {
        (self.sweep, self.configurations, self.architectures, self.seeds) = (sweep, configurations, architectures, seeds)
        (maxParameterCount, maxLayerCount, parameterRecordInterval) = (writer.maxParameterCount, writer.maxLayerCount, writer.parameterRecordInterval)
    }

    /// Writes the results (one per configuration, in order) to `file`.
    func write(_ results: [EnsembleResult], to file: HDF5File) throws {
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
        let chunk = FormerEnsembleFileWriter.chunk(for: shape)
        let dataset = try group.writeDataset(
            name, values, shape: shape, chunk: chunk, deflateLevel: chunk == nil ? nil : 1)
        try dataset.setAttribute("dimensions", .strings(dimensions))
        try dataset.setAttribute("meaning", .string(meaning))
        return dataset
    }
}

/// The exponents writer as it was before the schemas (commit d0f08c1), the reference of
/// ``FormerLayoutTests``.
struct FormerExponentFileWriter {
    let settings: ExponentSettings
    let ensembles: EnsembleRuns

    func write(_ rows: [ConfigurationEstimates], to file: HDF5File) throws {
        let root = try file.root
        let configurations = ensembles.configurations
        let count = rows.count
        let seriesCount = settings.series.count
        try root.setAttribute("windows", .ints([settings.windows.early.start, settings.windows.early.end,
                                                settings.windows.late.start, settings.windows.late.end].map(Int64.init)))
        try root.setAttribute("momentum", .double(ensembles.momentum))

        let table = try root.createGroup("configurations")
        try table.writeDataset("index", configurations.map { Int64($0.index) }, shape: [count])
        try table.writeStrings("activation", configurations.map(\.activation.rawValue))
        try table.writeDataset("width", configurations.map { Int64($0.width) }, shape: [count])
        try table.writeDataset("learning_rate", configurations.map(\.learningRate), shape: [count])
        try table.writeDataset("seed_index", configurations.map { Int64($0.seedIndex) }, shape: [count])

        let exponents = try root.createGroup("exponents")
        try exponents.setAttribute("series", .strings(settings.series.map(\.name)))
        try exponents.setAttribute("units", .strings(settings.series.map(\.unit)))
        try exponents.setAttribute("cost_gradient_evaluations", .ints(settings.series.map(cost)))
        try exponents.setAttribute(
            "status_codes", .string("0 ok, 1 diverged, 2 saturated, 3 degenerate (zero separation, e.g. dead units), 4 poor straight-line fit"))
        let shape = [count, seriesCount]
        try matrix(exponents, "estimate", rows.flatMap(\.values), shape, "finite-time λ per step in the series' unit (NaN: no estimate)")
        try matrix(exponents, "per_unit_time", zip(rows, configurations).flatMap { row, c in row.values.map { $0 / c.learningRate } },
                   shape, "λ per unit time reading GD as Euler steps of gradient flow (Δt = η, Mittra Eq. 7)")
        try matrix(exponents, "status", rows.flatMap(\.statuses), shape, "estimate status (see status_codes)")
        try matrix(exponents, "window_start", rows.flatMap(\.windowStarts), shape, "first step of the window used")
        try matrix(exponents, "window_end", rows.flatMap(\.windowEnds), shape, "last step of the window used")
        try matrix(exponents, "r_squared", rows.flatMap(\.rSquared), shape, "R² of the straight-line fit of the divergence fit (NaN for other estimators)")

        let spectrum = try root.createGroup("spectrum")
        try matrix(spectrum, "tangent_late", rows.flatMap(\.spectrum), [count, settings.spectrumCount],
                   "top Lyapunov exponents (nats/step) over the late window, tangent-space method")

        let training = try root.createGroup("training")
        try matrix(training, "initial_loss", rows.map(\.initialLoss), [count], "training loss at step 0")
        try matrix(training, "final_loss", rows.map(\.finalLoss), [count], "training loss after the last step (NaN if diverged)")
        try matrix(training, "loss_still_falling", rows.map { Int64($0.lossStillFalling ? 1 : 0) }, [count],
                   "1 if the loss fell by more than \(settings.fallingThreshold) (relative) over the late window")
        try matrix(training, "divergence_step", rows.map { Int64($0.divergenceStep) }, [count], "first unrecorded step of a diverged reference; −1 if completed")

        let sharpness = try root.createGroup("sharpness")
        try matrix(sharpness, "top_eigenvalue", rows.map(\.sharpness), [count], "top Hessian eigenvalue at the final parameters (power iteration)")
        try matrix(sharpness, "times_learning_rate", zip(rows, configurations).map { $0.sharpness * $1.learningRate }, [count],
                   "η · sharpness; full-batch GD is linearly stable iff below 2")
        try matrix(sharpness, "converged", rows.map { Int64($0.sharpnessConverged ? 1 : 0) }, [count], "1 if power iteration converged")
    }

    /// Gradient-equivalent evaluations per estimate (a Hessian–vector product counts as
    /// two): a deterministic cost, unlike wall time, so it can live in hashed files.
    func cost(_ series: ExponentSeries) -> Int64 {
        let window = settings.stepWindow(series.window)
        switch series.method {
        case .tangentSpace: return Int64(window!.end * (1 + 2 * settings.spectrumCount))
        case .benettin: return Int64(window!.end * 2)
        case .hybridWolfKantz:
            let times = ensembles.neighbourSteps.filter { $0 >= window!.start && $0 + ensembles.neighbourHorizon <= window!.end }.count
            return Int64(times * ensembles.neighbourHorizon * ensembles.neighbourCount)
        case .divergenceFit: return Int64(ensembles.replicaCount * ensembles.steps)
        }
    }

    private func matrix<T: HDF5Element>(_ group: HDF5Group, _ name: String, _ values: [T], _ shape: [Int], _ meaning: String) throws {
        let dataset = try group.writeDataset(name, values, shape: shape)
        try dataset.setAttribute("meaning", .string(meaning))
        try dataset.setAttribute("dimensions", .strings(shape.count == 1 ? ["configuration"] : ["configuration", "series"]))
    }
}
