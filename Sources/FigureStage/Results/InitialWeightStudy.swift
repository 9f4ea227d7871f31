import HDF5

/// Experiment E3 (SCIENCE.md §2, the source paper's Fig. 5): λ and final loss of many
/// initial points per activation, all starts and the initial-loss IQR filter, read from
/// group `/e3`.
public struct InitialWeightStudy: Sendable {
    /// Hidden activations.
    public let activations: [String]
    /// Which λ series was measured, e.g. `"hybrid/early"`.
    public let series: String
    /// Its unit, e.g. `"bits/step"`.
    public let unit: String
    /// The two filters: `["all", "initial-loss IQR"]`.
    public let filters: [String]
    /// λ of each start, [activation, start]; NaN if missing.
    public let lambda: Grid<Double>
    /// Final loss of each start, [activation, start].
    public let finalLoss: Grid<Double>
    /// Initial loss of each start, [activation, start].
    public let initialLoss: Grid<Double>
    /// 1 when the start's initial loss lies in that activation's inter-quartile range.
    public let inIQR: Grid<Int>
    /// The IQR bounds per activation, [activation, 2].
    public let iqrBounds: Grid<Double>
    /// Pearson r per activation and filter, [activation, filter, 5].
    public let pearson: Grid<Double>
    /// Spearman ρ per activation and filter, [activation, filter, 5].
    public let spearman: Grid<Double>
    /// Least-squares fit of final loss on λ: intercept, slope, slope standard error, r².
    public let fit: Grid<Double>
    /// The λ values of the confidence band, [activation, filter, G].
    public let bandX: Grid<Double>
    /// The fitted line at `bandX`.
    public let bandFit: Grid<Double>
    /// The lower end of the 95% confidence band of the mean line.
    public let bandLow: Grid<Double>
    /// The upper end of the 95% confidence band of the mean line.
    public let bandHigh: Grid<Double>

    /// The index of the unfiltered set in ``filters``.
    public static let allStarts = 0
    /// The index of the initial-loss IQR filter in ``filters``.
    public static let iqrFiltered = 1

    /// Reads `/e3` of `file`.
    public init(file: HDF5File) throws {
        let reader = try ResultsGroupReader(file: file, group: "e3")
        activations = try reader.strings("activations")
        series = try reader.string("series")
        unit = try reader.string("unit")
        filters = try reader.strings("filters")
        guard filters.count == 2 else { throw reader.invalid("filters must have two entries (all, initial-loss IQR)") }
        let a = activations.count
        let n = try reader.extent("lambda", axis: 1)
        let g = try reader.extent("band_x", axis: 2)
        lambda = try reader.doubleGrid("lambda", shape: [a, n])
        finalLoss = try reader.doubleGrid("final_loss", shape: [a, n])
        initialLoss = try reader.doubleGrid("initial_loss", shape: [a, n])
        inIQR = try reader.intGrid("in_iqr", shape: [a, n])
        iqrBounds = try reader.doubleGrid("iqr_bounds", shape: [a, 2])
        pearson = try reader.doubleGrid("pearson", shape: [a, 2, 5])
        spearman = try reader.doubleGrid("spearman", shape: [a, 2, 5])
        fit = try reader.doubleGrid("fit", shape: [a, 2, 4])
        bandX = try reader.doubleGrid("band_x", shape: [a, 2, g])
        bandFit = try reader.doubleGrid("band_fit", shape: [a, 2, g])
        bandLow = try reader.doubleGrid("band_low", shape: [a, 2, g])
        bandHigh = try reader.doubleGrid("band_high", shape: [a, 2, g])
    }

    /// Pearson r of activation `a` under filter `f`.
    public func pearson(activation a: Int, filter f: Int) -> CorrelationSummary {
        CorrelationSummary(pearson.line(a, f))
    }

    /// Spearman ρ of activation `a` under filter `f`.
    public func spearman(activation a: Int, filter f: Int) -> CorrelationSummary {
        CorrelationSummary(spearman.line(a, f))
    }
}
