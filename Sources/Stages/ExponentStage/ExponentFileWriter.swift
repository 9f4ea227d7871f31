import HDF5
import TrainingStage

/// The layout of an exponents file (written by `estimate-exponents`, read by `aggregate`).
/// C configurations (rows, same order as the ensembles file), S series:
/// - `/configurations/{index, activation, width, learning_rate, seed_index}` [C]
/// - `/exponents/{estimate, per_unit_time}` Float64 [C, S]; `status`, `window_start`,
///   `window_end` Int64 [C, S], `r_squared` Float64 [C, S]; attributes `series`, `units`, `cost_gradient_evaluations`
/// - `/spectrum/tangent_late` [C, k]
/// - `/training/{initial_loss, final_loss}` [C], `loss_still_falling`, `divergence_step` Int64 [C]
/// - `/sharpness/{top_eigenvalue, times_learning_rate}` [C], `converged` Int64 [C]
struct ExponentFileWriter {
    let settings: ExponentSettings
    let ensembles: EnsembleFileReader

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
