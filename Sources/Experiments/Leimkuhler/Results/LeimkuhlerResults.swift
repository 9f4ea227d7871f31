import HDF5
import ReportKit

/// Everything `data/leimkuhler/aggregate.h5` holds: experiment E5 of docs/PROTOCOL.md §4. The
/// one type that writes the file (the `aggregate` task) and reads it (the `figures` and
/// `section` tasks, the tests). Every dataset carries `dimensions` and `meaning`
/// attributes; the root carries the writing stage's `provenance`.
///
/// One row per optimizer run set: every (ensembles file, learning rate) pair, so the SGD
/// grid gives one row per rate. Shapes use O rows, K evaluation epochs, N seeds,
/// D tensors (layer/weights|biases), S λ series.
///
/// `/optimizers`
/// - attributes `labels`, `optimizers` (the files' optimizer names), `learning_rates` [O],
///   `epochs` [K], `table_epochs`, `tensors` [D], `series`, `series_units` [S],
///   `seed_count`, `steps_per_epoch`, `best_sgd` (row of SGD's best rate by ``BestRate``, −1
///   if none), `best_adam` (likewise for Adam), `best_sgd_position`, `best_adam_position` (where
///   that rate lies in its grid, ``GridPosition``: `interior`, `lower end`, `upper end`, `only
///   rate`, `none`), `target_accuracy` (the old "faster" rule's
///   target), `band` (how the bands are made), `sources` [O] (each row's ensembles file),
///   `is_control` [O] (1: a control such as full-batch Langevin, never compared in the claims)
/// - `test_accuracy_mean`, `_low`, `_high`, `test_loss_mean`, `_low`, `_high`,
///   `train_accuracy_mean`, `train_loss_mean`, `gap_mean`, `gap_low`, `gap_high` [O, K]
///   (gap = whole-training-set accuracy − test accuracy, per seed, then banded)
/// - `final_test_accuracy`, `final_test_loss` [O, N] per seed
/// - `test_accuracy_per_seed` [O, N, K] (the amended "faster" rule's per-seed times), `final_gap`
///   [O, N] (training-set − test accuracy at the last epoch, per seed: the overfitting rule)
/// - `kinetic_temperature` [O, D, K] mean over seeds of pᵀp/N after each recorded step (NaN: no
///   momenta), `kinetic_temperature_at_thermostat` [O, D, K] likewise at the thermostat's own
///   point inside the step (after O, or at E for Adaptive Langevin; NaN at epoch 0 and where not
///   recorded), `target_temperature` [O, D]
/// - `lambda` [O, S, N] per seed; `lambda_mean`, `lambda_low`, `lambda_high` [O, S]
/// - attribute `hyperparameter_names` [H], `hyperparameter_values` [O, H]: each row's
///   optimizer settings as its ensembles file records them (``HyperparameterTable``)
///
/// `/decision_boundary` (``DecisionBoundaryResults``) and `/variants` (``VariantResults``)
/// when the aggregate task computed them.
public struct LeimkuhlerResults: Sendable {
    public var labels: [String]
    public var optimizers: [String]
    public var learningRates: [Double]
    public var epochs: [Double]
    public var tableEpochs: [Double]
    public var tensors: [String]
    public var series: [String]
    public var seriesUnits: [String]
    public var seedCount: Int
    public var stepsPerEpoch: Int
    public var bestSGD: Int
    public var targetAccuracy: Double
    /// Banded curves [O, K], by dataset name (see the layout).
    public var curves: [String: Grid<Double>]
    public var finalTestAccuracy: Grid<Double>
    public var finalTestLoss: Grid<Double>
    public var kineticTemperature: Grid<Double>
    public var targetTemperature: Grid<Double>
    public var lambda: Grid<Double>
    public var lambdaMean: Grid<Double>
    public var lambdaLow: Grid<Double>
    public var lambdaHigh: Grid<Double>
    /// The optimizer settings of every row, read from its ensembles file.
    public var hyperparameters = HyperparameterTable([])
    /// The row of Adam's best rate by ``BestRate``, −1 if none.
    public var bestAdam = -1
    /// Where SGD's best rate lies in its grid (the rule wants it inside).
    public var bestSGDPosition = GridPosition.none
    /// Where Adam's best rate lies in its grid.
    public var bestAdamPosition = GridPosition.none
    /// Each row's ensembles file.
    public var sources: [String] = []
    /// Whether each row is a control (never compared in the claims).
    public var isControl: [Bool] = []
    /// Test accuracy per seed at every epoch [O, N, K].
    public var testAccuracyPerSeed = Grid<Double>(values: [], shape: [0, 0, 0])
    /// pᵀp/N per tensor, mean over seeds, at the thermostat's own point inside the step [O, D, K].
    public var kineticTemperatureAtThermostat = Grid<Double>(values: [], shape: [0, 0, 0])
    /// Training-set minus test accuracy at the last epoch per seed [O, N].
    public var finalGap = Grid<Double>(values: [], shape: [0, 0])
    /// The typical run's classifier per panel, if computed.
    public var decisionBoundary: DecisionBoundaryResults?
    /// The main run of one optimizer and its variants, if any.
    public var variants: VariantResults?

    /// How every band of the file is made (stored as the attribute `band`).
    public static let bandDescription = "95% Student-t interval of the mean over seeds (finite values only)"

    /// The curve datasets and their meanings, in the order they are written.
    public static let curveNames: [(name: String, meaning: String)] = [
        ("test_accuracy_mean", "test accuracy, mean over seeds"), ("test_accuracy_low", "test accuracy, 95% t interval, lower"),
        ("test_accuracy_high", "test accuracy, 95% t interval, upper"), ("test_loss_mean", "test loss (mean BCE), mean over seeds"),
        ("test_loss_low", "test loss, 95% t interval, lower"), ("test_loss_high", "test loss, 95% t interval, upper"),
        ("train_accuracy_mean", "whole-training-set accuracy, mean over seeds"), ("train_loss_mean", "whole-training-set loss, mean over seeds"),
        ("gap_mean", "training-set minus test accuracy, mean over seeds"), ("gap_low", "gap, 95% t interval, lower"),
        ("gap_high", "gap, 95% t interval, upper"),
    ]

    /// The curve `name` of row `o` (one value per epoch).
    public func curve(_ name: String, _ o: Int) -> [Double] {
        curves[name].map { $0.line(o) } ?? []
    }

    /// Whether row `o` is a control (false when the file does not say).
    public func isControlRow(_ o: Int) -> Bool { o < isControl.count && isControl[o] }

    /// The row of `label`, if any.
    public func row(_ label: String) -> Int? { labels.firstIndex(of: label) }

    /// The column of the λ series `name`, if any.
    public func seriesIndex(_ name: String) -> Int? { series.firstIndex(of: name) }

    /// The index of `epoch` among the evaluation epochs, if recorded.
    public func epochIndex(_ epoch: Double) -> Int? { epochs.firstIndex { abs($0 - epoch) < 1e-9 } }

    /// Reads the aggregate file at `path`.
    public static func read(path: String) throws -> LeimkuhlerResults {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        let r = try ResultsGroupReader(file: file, group: "optimizers")
        let labels = try r.strings("labels")
        let epochs = try r.doubles("epochs")
        let tensors = try r.strings("tensors")
        let series = try r.strings("series")
        let seeds = try r.int("seed_count")
        let (o, k, d, s) = (labels.count, epochs.count, tensors.count, series.count)
        var curves: [String: Grid<Double>] = [:]
        for (name, _) in curveNames { curves[name] = try r.doubleGrid(name, shape: [o, k]) }
        var results = LeimkuhlerResults(
            labels: labels, optimizers: try r.strings("optimizers"), learningRates: try r.doubles("learning_rates"),
            epochs: epochs, tableEpochs: try r.doubles("table_epochs"), tensors: tensors, series: series,
            seriesUnits: try r.strings("series_units"), seedCount: seeds, stepsPerEpoch: try r.int("steps_per_epoch"),
            bestSGD: try r.int("best_sgd"), targetAccuracy: try r.double("target_accuracy"), curves: curves,
            finalTestAccuracy: try r.doubleGrid("final_test_accuracy", shape: [o, seeds]),
            finalTestLoss: try r.doubleGrid("final_test_loss", shape: [o, seeds]),
            kineticTemperature: try r.doubleGrid("kinetic_temperature", shape: [o, d, k]),
            targetTemperature: try r.doubleGrid("target_temperature", shape: [o, d]),
            lambda: try r.doubleGrid("lambda", shape: [o, s, seeds]), lambdaMean: try r.doubleGrid("lambda_mean", shape: [o, s]),
            lambdaLow: try r.doubleGrid("lambda_low", shape: [o, s]), lambdaHigh: try r.doubleGrid("lambda_high", shape: [o, s]))
        results.hyperparameters = try HyperparameterTable.read(r, rows: o, prefix: "hyperparameter_")
        results.bestAdam = try r.int("best_adam")
        results.bestSGDPosition = try position(r, "best_sgd_position")
        results.bestAdamPosition = try position(r, "best_adam_position")
        results.sources = try r.strings("sources")
        results.isControl = try r.ints("is_control").map { $0 != 0 }
        results.testAccuracyPerSeed = try r.doubleGrid("test_accuracy_per_seed", shape: [o, seeds, k])
        results.finalGap = try r.doubleGrid("final_gap", shape: [o, seeds])
        results.kineticTemperatureAtThermostat = try r.doubleGrid("kinetic_temperature_at_thermostat", shape: [o, d, k])
        if try file.root.contains("decision_boundary") { results.decisionBoundary = try DecisionBoundaryResults.read(from: file) }
        if try file.root.contains("variants") { results.variants = try VariantResults.read(from: file) }
        return results
    }

    /// The ``GridPosition`` stored in attribute `name` of `/optimizers`.
    private static func position(_ r: ResultsGroupReader, _ name: String) throws -> GridPosition {
        let text = try r.string(name)
        guard let position = GridPosition(rawValue: text) else {
            throw r.failure(name, "'\(text)' is not a grid position (one of \(GridPosition.allCases.map(\.rawValue))); rerun leimkuhler-aggregate")
        }
        return position
    }

    /// Writes `/optimizers` into `file` (whose root attributes the caller sets).
    public func write(into file: HDF5File) throws {
        let w = ResultsGroupWriter(try file.root.createGroup("optimizers"))
        try w.attribute("labels", .strings(labels))
        try w.attribute("optimizers", .strings(optimizers))
        try w.attribute("learning_rates", .doubles(learningRates))
        try w.attribute("epochs", .doubles(epochs))
        try w.attribute("table_epochs", .doubles(tableEpochs))
        try w.attribute("tensors", .strings(tensors))
        try w.attribute("series", .strings(series))
        try w.attribute("series_units", .strings(seriesUnits))
        try w.attribute("seed_count", .int(Int64(seedCount)))
        try w.attribute("steps_per_epoch", .int(Int64(stepsPerEpoch)))
        try w.attribute("best_sgd", .int(Int64(bestSGD)))
        try w.attribute("best_adam", .int(Int64(bestAdam)))
        try w.attribute("best_sgd_position", .string(bestSGDPosition.rawValue))
        try w.attribute("best_adam_position", .string(bestAdamPosition.rawValue))
        try w.attribute("target_accuracy", .double(targetAccuracy))
        try w.attribute("sources", .strings(sources))
        try w.attribute("is_control", .ints(isControl.map { $0 ? 1 : 0 }))
        try w.attribute("band", .string(Self.bandDescription))
        let ok = ["optimizer", "epoch"]
        for (name, meaning) in Self.curveNames {
            if let grid = curves[name] { try w.write(name, grid, dimensions: ok, meaning: meaning) }
        }
        try w.write("final_test_accuracy", finalTestAccuracy, dimensions: ["optimizer", "seed"], meaning: "test accuracy at the last epoch, per seed")
        try w.write("final_test_loss", finalTestLoss, dimensions: ["optimizer", "seed"], meaning: "test loss at the last epoch, per seed")
        try w.write("test_accuracy_per_seed", testAccuracyPerSeed, dimensions: ["optimizer", "seed", "epoch"], meaning: "test accuracy per seed at every evaluation epoch")
        try w.write("final_gap", finalGap, dimensions: ["optimizer", "seed"], meaning: "whole-training-set minus test accuracy at the last epoch, per seed")
        try w.write("kinetic_temperature", kineticTemperature, dimensions: ["optimizer", "tensor", "epoch"],
                    meaning: "kinetic temperature pᵀp/N of each tensor, mean over seeds (NaN: the optimizer has no momenta)")
        try w.write("kinetic_temperature_at_thermostat", kineticTemperatureAtThermostat, dimensions: ["optimizer", "tensor", "epoch"],
                    meaning: "kinetic temperature pᵀp/N of each tensor measured inside the step at its thermostat's own point (after O; at E for Adaptive Langevin), mean over seeds (NaN: not recorded, or epoch 0)")
        try w.write("target_temperature", targetTemperature, dimensions: ["optimizer", "tensor"], meaning: "target temperature τ of each tensor")
        try w.write("lambda", lambda, dimensions: ["optimizer", "series", "seed"], meaning: "λ₁ per seed (tangent method), nats/step")
        try w.write("lambda_mean", lambdaMean, dimensions: ["optimizer", "series"], meaning: "λ₁, mean over seeds")
        try w.write("lambda_low", lambdaLow, dimensions: ["optimizer", "series"], meaning: "λ₁, 95% t interval, lower")
        try w.write("lambda_high", lambdaHigh, dimensions: ["optimizer", "series"], meaning: "λ₁, 95% t interval, upper")
        try hyperparameters.write(w, rows: labels.count, prefix: "hyperparameter_")
        try decisionBoundary?.write(into: file)
        try variants?.write(into: file)
    }
}
