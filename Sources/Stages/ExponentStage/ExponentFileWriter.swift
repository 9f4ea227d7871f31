import EnsembleReplay
import FileSchemas

/// The exponents file of an `estimate-exponents` run (layout: ``FileSchemas/ExponentsFile``)
/// from the estimates of every configuration of `ensembles`.
struct ExponentFileWriter {
    let settings: ExponentSettings
    let ensembles: EnsembleRuns

    /// The file's contents for `rows` (one per configuration, in the ensembles file's order);
    /// the sharpness group only when it was computed (`sharpnessIterations` > 0).
    func contents(_ rows: [ConfigurationEstimates]) -> ExponentsFile {
        let configurations = ensembles.configurations
        let windows = settings.windows
        return ExponentsFile(
            windows: [windows.early.start, windows.early.end, windows.late.start, windows.late.end].map(Int64.init),
            momentum: ensembles.momentum,
            configurations: ensembles.header.configurations,
            series: settings.series.map(\.name), units: settings.series.map(\.unit), costs: settings.series.map(cost),
            estimate: rows.flatMap(\.values),
            perUnitTime: zip(rows, configurations).flatMap { row, c in row.values.map { $0 / c.learningRate } },
            rSquared: rows.flatMap(\.rSquared), status: rows.flatMap(\.statuses),
            windowStart: rows.flatMap(\.windowStarts), windowEnd: rows.flatMap(\.windowEnds),
            spectrum: rows.flatMap(\.spectrum), spectrumCount: settings.spectrumCount,
            initialLoss: rows.map(\.initialLoss), finalLoss: rows.map(\.finalLoss),
            lossStillFalling: rows.map { Int64($0.lossStillFalling ? 1 : 0) }, divergenceStep: rows.map { Int64($0.divergenceStep) },
            sharpness: settings.sharpnessIterations > 0
                ? ExponentsFile.Sharpness(
                    topEigenvalue: rows.map(\.sharpness),
                    timesLearningRate: zip(rows, configurations).map { $0.sharpness * $1.learningRate },
                    converged: rows.map { Int64($0.sharpnessConverged ? 1 : 0) })
                : nil)
    }

    /// Gradient-equivalent evaluations per estimate (a Hessian–vector product counts as
    /// two): a deterministic cost, unlike wall time, so it can live in hashed files.
    func cost(_ series: ExponentSeries) -> Int64 {
        let window = settings.stepWindow(series.window)
        switch series.method {
        case .tangentSpace: return Int64(window!.end * (1 + 2 * settings.spectrumCount))
        case .benettin: return Int64(window!.end * 2)
        case .hybridWolfKantz:
            let times = ensembles.neighbourTimes(from: window!.start, to: window!.end).count
            return Int64(times * ensembles.neighbourHorizon * ensembles.neighbourCount)
        case .divergenceFit: return Int64(ensembles.replicaCount * ensembles.replicaSteps)
        }
    }
}
