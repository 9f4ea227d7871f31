import HDF5
import StageKit

/// Exponents files (written by `estimate-exponents`) read into columns. Several files
/// (shards of one sweep) are merged: rows are ordered by their global configuration
/// index, so a sharded sweep aggregates to the same numbers as an unsharded one.
struct ExponentTable {
    var indices: [Int]
    var activations: [String]
    var widths: [Int]
    var learningRates: [Double]
    var seedIndices: [Int]
    var series: [String]
    var units: [String]
    /// Gradient-equivalent evaluations per estimate, per series (deterministic cost).
    var costs: [Int64]
    /// estimate[row][series]
    var estimates: [[Double]]
    var initialLoss: [Double]
    var finalLoss: [Double]
    var lossStillFalling: [Bool]
    var diverged: [Bool]
    var sharpnessTimesLearningRate: [Double]
    var windows: [Int64]
    var momentum: Double

    init(paths: [String]) throws {
        guard let first = paths.first else {
            throw StageError.usage("aggregate needs at least one exponents file per experiment")
        }
        var merged = try ExponentTable(path: first)
        for path in paths.dropFirst() {
            let shard = try ExponentTable(path: path)
            guard shard.series == merged.series, shard.windows == merged.windows, shard.momentum == merged.momentum else {
                throw StageError.invalidInput(path: path, reason: "it is not a shard of the same sweep as \(first) (series, windows or momentum differ)")
            }
            merged.append(shard)
        }
        let order = merged.indices.indices.sorted { merged.indices[$0] < merged.indices[$1] }
        guard Set(merged.indices).count == merged.indices.count else {
            throw StageError.invalidInput(path: paths.joined(separator: ", "), reason: "two shards hold the same configuration")
        }
        merged.reorder(order)
        self = merged
    }

    private mutating func append(_ other: ExponentTable) {
        indices += other.indices
        activations += other.activations
        widths += other.widths
        learningRates += other.learningRates
        seedIndices += other.seedIndices
        estimates += other.estimates
        initialLoss += other.initialLoss
        finalLoss += other.finalLoss
        lossStillFalling += other.lossStillFalling
        diverged += other.diverged
        sharpnessTimesLearningRate += other.sharpnessTimesLearningRate
    }

    private mutating func reorder(_ order: [Int]) {
        indices = order.map { indices[$0] }
        activations = order.map { activations[$0] }
        widths = order.map { widths[$0] }
        learningRates = order.map { learningRates[$0] }
        seedIndices = order.map { seedIndices[$0] }
        estimates = order.map { estimates[$0] }
        initialLoss = order.map { initialLoss[$0] }
        finalLoss = order.map { finalLoss[$0] }
        lossStillFalling = order.map { lossStillFalling[$0] }
        diverged = order.map { diverged[$0] }
        sharpnessTimesLearningRate = order.map { sharpnessTimesLearningRate[$0] }
    }

    private init(path: String) throws {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        let root = try file.root
        let table = try root.openGroup("configurations")
        indices = try table.readDataset("index", as: Int64.self).values.map(Int.init)
        activations = try table.readStrings("activation").values
        widths = try table.readDataset("width", as: Int64.self).values.map(Int.init)
        learningRates = try table.readDataset("learning_rate", as: Double.self).values
        seedIndices = try table.readDataset("seed_index", as: Int64.self).values.map(Int.init)
        let exponents = try root.openGroup("exponents")
        guard case .strings(let series) = try exponents.attribute("series"), case .strings(let units) = try exponents.attribute("units"),
            case .ints(let windows) = try root.attribute("windows"), case .double(let momentum) = try root.attribute("momentum")
        else {
            throw StageError.invalidInput(path: path, reason: "the attributes series/units/windows/momentum are missing")
        }
        self.series = series
        self.units = units
        if case .ints(let costs) = try exponents.attribute("cost_gradient_evaluations") { self.costs = costs } else { costs = [] }
        self.windows = windows
        self.momentum = momentum
        let flat = try exponents.readDataset("estimate", as: Double.self).values
        estimates = activations.indices.map { Array(flat[($0 * series.count)..<(($0 + 1) * series.count)]) }
        let training = try root.openGroup("training")
        initialLoss = try training.readDataset("initial_loss", as: Double.self).values
        finalLoss = try training.readDataset("final_loss", as: Double.self).values
        lossStillFalling = try training.readDataset("loss_still_falling", as: Int64.self).values.map { $0 != 0 }
        diverged = try training.readDataset("divergence_step", as: Int64.self).values.map { $0 >= 0 }
        sharpnessTimesLearningRate = try root.openGroup("sharpness").readDataset("times_learning_rate", as: Double.self).values
    }

    /// The column of `name`, or a clear error naming the series that exist.
    func seriesIndex(_ name: String, path: String) throws -> Int {
        guard let index = series.firstIndex(of: name) else {
            throw StageError.parameter(path: path, message: "names series '\(name)', which the exponents file does not have (it has: \(series.joined(separator: ", ")))")
        }
        return index
    }

    /// Activations in order of first appearance.
    var activationOrder: [String] {
        var seen: [String] = []
        for activation in activations where !seen.contains(activation) { seen.append(activation) }
        return seen
    }
}
