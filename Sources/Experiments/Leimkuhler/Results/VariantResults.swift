import HDF5
import ReportKit

/// The `/variants` group of aggregate.h5 (docs/PROTOCOL.md §4: "γ₁ and τ₁ for LOL are not given
/// anywhere: choose, state, and show their effect"): the main run of one optimizer (row 0)
/// and each variant of it, trained alike but for the settings under study. V rows,
/// D first-layer tensors.
///
/// - attributes `sources` [V] (the ensembles files, main first), `optimizer`, `tensors` [D],
///   `hyperparameter_names` [H]; `hyperparameter_values` [V, H] (``HyperparameterTable``)
/// - `final_accuracy_mean`, `_low`, `_high`, `_sd`, `final_accuracy_count` [V]: test accuracy at the last epoch over seeds
/// - `gap_mean`, `_low`, `_high` [V]: training-set minus test accuracy at the last epoch
/// - `kinetic_temperature_end` [V, D] (mean over seeds at the last epoch), `target_temperature` [V, D]
public struct VariantResults: Sendable {
    public var sources: [String]
    public var optimizer: String
    public var tensors: [String]
    public var hyperparameters: HyperparameterTable
    public var finalAccuracy: [SeedBand]
    public var gap: [SeedBand]
    public var kineticTemperatureEnd: Grid<Double>
    public var targetTemperature: Grid<Double>

    /// The row count V (main run included).
    public var count: Int { sources.count }

    /// Reads the group from `file`.
    public static func read(from file: HDF5File) throws -> VariantResults {
        let r = try ResultsGroupReader(file: file, group: "variants")
        let sources = try r.strings("sources"), tensors = try r.strings("tensors")
        let (v, d) = (sources.count, tensors.count)
        func bands(_ prefix: String, sd: Bool) throws -> [SeedBand] {
            let mean = try r.doubleGrid(prefix + "_mean", shape: [v]).values, low = try r.doubleGrid(prefix + "_low", shape: [v]).values
            let high = try r.doubleGrid(prefix + "_high", shape: [v]).values
            let deviation = sd ? try r.doubleGrid(prefix + "_sd", shape: [v]).values : [Double](repeating: .nan, count: v)
            let counts = sd ? try r.intGrid(prefix + "_count", shape: [v]).values : [Int](repeating: 0, count: v)
            return (0..<v).map { SeedBand(mean: mean[$0], low: low[$0], high: high[$0], standardDeviation: deviation[$0], count: counts[$0]) }
        }
        return VariantResults(
            sources: sources, optimizer: try r.string("optimizer"), tensors: tensors,
            hyperparameters: try HyperparameterTable.read(r, rows: v, prefix: "hyperparameter_"),
            finalAccuracy: try bands("final_accuracy", sd: true), gap: try bands("gap", sd: false),
            kineticTemperatureEnd: try r.doubleGrid("kinetic_temperature_end", shape: [v, d]),
            targetTemperature: try r.doubleGrid("target_temperature", shape: [v, d]))
    }

    /// Writes the group into `file`.
    public func write(into file: HDF5File) throws {
        let w = ResultsGroupWriter(try file.root.createGroup("variants"))
        try w.attribute("sources", .strings(sources))
        try w.attribute("optimizer", .string(optimizer))
        try w.attribute("tensors", .strings(tensors))
        try hyperparameters.write(w, rows: count, prefix: "hyperparameter_")
        let v = [count]
        for (name, bands, what) in [("final_accuracy", finalAccuracy, "test accuracy at the last epoch"), ("gap", gap, "training-set minus test accuracy at the last epoch")] {
            try w.write(name + "_mean", Grid(values: bands.map(\.mean), shape: v), dimensions: ["variant"], meaning: what + ", mean over seeds")
            try w.write(name + "_low", Grid(values: bands.map(\.low), shape: v), dimensions: ["variant"], meaning: what + ", 95% t interval, lower")
            try w.write(name + "_high", Grid(values: bands.map(\.high), shape: v), dimensions: ["variant"], meaning: what + ", 95% t interval, upper")
        }
        try w.write("final_accuracy_sd", Grid(values: finalAccuracy.map(\.standardDeviation), shape: v), dimensions: ["variant"],
                    meaning: "test accuracy at the last epoch, standard deviation over seeds")
        try w.write("final_accuracy_count", Grid(values: finalAccuracy.map(\.count), shape: v), dimensions: ["variant"],
                    meaning: "seeds with a finite final test accuracy")
        try w.write("kinetic_temperature_end", kineticTemperatureEnd, dimensions: ["variant", "tensor"],
                    meaning: "kinetic temperature pᵀp/N of each first-layer tensor at the last epoch, mean over seeds")
        try w.write("target_temperature", targetTemperature, dimensions: ["variant", "tensor"], meaning: "target temperature τ₁ of each first-layer tensor")
    }
}
