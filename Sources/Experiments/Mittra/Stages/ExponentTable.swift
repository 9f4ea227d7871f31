import FileSchemas
import StageKit

/// Exponents files (``FileSchemas/ExponentsFile``, written by `estimate-exponents`) read into rows. Several files
/// (shards of one sweep, or sweeps that add seeds with a `seedOffset`, whose indices start
/// at offset · 2^24) are merged: rows are ordered by their global configuration index, so
/// a sharded sweep aggregates to the same numbers as an unsharded one. No index and no
/// (activation, width, η, seed) may occur twice.
struct ExponentTable {
    /// One configuration's estimates and training outcome.
    struct Row {
        var index: Int
        var activation: String
        var width: Int
        var learningRate: Double
        var seedIndex: Int
        /// One estimate per series (see `series`).
        var estimates: [Double]
        var initialLoss: Double
        var finalLoss: Double
        /// The generic stage's two-point rule (the first run's; kept to show what changed).
        var lossStillFalling: Bool
        /// ``LossTrend`` over the late window, set by the aggregate from the training loss
        /// (false until then).
        var lossFallingByTrend = false
        /// ``LossTrend`` over each window of ``LossTrendWindow/allCases`` (sensitivity).
        var lossFallingByWindow: [Bool] = []
        /// Test accuracy at the end, set by the aggregate from the ensembles file (NaN until then).
        var finalTestAccuracy = Double.nan
        var diverged: Bool
        var sharpnessTimesLearningRate: Double
    }

    /// Rows in order of their global configuration index.
    var rows: [Row]
    var series: [String]
    var units: [String]
    /// Gradient-equivalent evaluations per estimate, per series (deterministic cost).
    var costs: [Int64]
    var windows: [Int64]
    var momentum: Double

    init(paths: [String]) throws {
        guard let first = paths.first else {
            throw StageError.usage("the aggregate task needs at least one exponents file for each of learningRateSweep and activationStudy")
        }
        var merged = try ExponentTable(path: first)
        for path in paths.dropFirst() {
            let shard = try ExponentTable(path: path)
            guard shard.series == merged.series, shard.windows == merged.windows, shard.momentum == merged.momentum else {
                throw StageError.invalidInput(path: path, reason: "it is not a shard of the same sweep as \(first) (series, windows or momentum differ)")
            }
            merged.rows += shard.rows
        }
        guard Set(merged.rows.map(\.index)).count == merged.rows.count else {
            throw StageError.invalidInput(
                path: paths.joined(separator: ", "),
                reason: "two files hold the same configuration index; a sweep that adds seeds needs its own seedOffset")
        }
        let cells = merged.rows.map { "\($0.activation)/\($0.width)/\($0.learningRate.bitPattern)/\($0.seedIndex)" }
        guard Set(cells).count == cells.count else {
            throw StageError.invalidInput(
                path: paths.joined(separator: ", "),
                reason: "two files train the same activation, width, η and seed; give the second sweep a seedOffset beyond the first one's seeds")
        }
        merged.rows.sort { $0.index < $1.index }
        self = merged
    }

    private init(path: String) throws {
        let file = try ExponentsFile(path: path)
        let table = file.configurations
        series = file.series
        units = file.units
        costs = file.costs
        windows = file.windows
        momentum = file.momentum
        // Without a sharpness group (not computed) every row's η · sharpness is unknown.
        let sharpness = file.sharpness?.timesLearningRate ?? [Double](repeating: .nan, count: file.count)
        rows = (0..<file.count).map { row in
            Row(
                index: Int(table.index[row]), activation: table.activation[row], width: Int(table.width[row]),
                learningRate: table.learningRate[row], seedIndex: Int(table.seedIndex[row]),
                estimates: Array(file.seriesRow(file.estimate, row)),
                initialLoss: file.initialLoss[row], finalLoss: file.finalLoss[row], lossStillFalling: file.lossStillFalling[row] != 0,
                diverged: file.divergenceStep[row] >= 0, sharpnessTimesLearningRate: sharpness[row])
        }
    }

    /// The column of `name`, or a clear error naming the series that exist.
    func seriesIndex(_ name: String, path: String) throws -> Int {
        guard let index = series.firstIndex(of: name) else {
            throw StageError.parameter(path: path, message: "names series '\(name)', which the exponents file does not have (it has: \(series.joined(separator: ", ")))")
        }
        return index
    }

    /// Applies `trend` over the late window (steps `windows[2]…windows[3]`) to every row's
    /// training loss in `losses`.
    mutating func applyLossTrend(_ trend: LossTrend, losses: TrainingLossTable, files: [String]) throws {
        guard windows.count == 4 else {
            throw StageError.invalidInput(path: files.joined(separator: ", "), reason: "the exponents file has no late window")
        }
        let (start, end) = (Int(windows[2]), Int(windows[3]))
        for row in rows.indices {
            let series = try losses.series(rows[row].index, files: files)
            rows[row].lossFallingByTrend = trend.isFalling(series, start: start, end: end)
            rows[row].lossFallingByWindow = LossTrendWindow.allCases.map {
                let steps = $0.steps(lateStart: start, lateEnd: end)
                return trend.isFalling(series, start: steps.start, end: steps.end)
            }
        }
    }

    /// Sets every row's final test accuracy from `runs`.
    mutating func applyTestAccuracy(_ runs: TrainingLossTable, files: [String]) throws {
        for row in rows.indices {
            guard let accuracy = runs.finalTestAccuracy[rows[row].index] else {
                throw StageError.invalidInput(
                    path: files.joined(separator: ", "),
                    reason: "no test accuracy for configuration \(rows[row].index); list the ensembles file of every exponents file")
            }
            rows[row].finalTestAccuracy = accuracy
        }
    }

    /// Activations in order of first appearance.
    var activationOrder: [String] {
        var seen: [String] = []
        for row in rows where !seen.contains(row.activation) { seen.append(row.activation) }
        return seen
    }
}
