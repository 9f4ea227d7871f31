import HDF5
import ReportKit

/// Experiment E3 (docs/PROTOCOL.md §2, the source paper's Fig. 5): λ and final loss of many
/// initial points per activation, all starts and the initial-loss IQR filter; group
/// `/initial_weights` of aggregate.h5 (layout in ``MittraResults``).
public struct InitialWeightStudy: Sendable {
    /// The group's name in aggregate.h5.
    public static let groupName = "initial_weights"
    /// The group of the same study in the learning regime (docs/PROTOCOL.md §2: claims 2 and 3
    /// also where the networks learn).
    public static let learningGroupName = "initial_weights_learning"
    /// The index of the unfiltered set in ``filters``.
    public static let allStarts = 0
    /// The index of the initial-loss IQR filter (``InitialLossFilter``) in ``filters``.
    public static let iqrFiltered = 1
    /// The two filters.
    public static let filterNames = ["all", "initial-loss IQR"]

    /// Hidden activations.
    public var activations: [String]
    /// Which λ series was measured, e.g. `"hybrid/early"`.
    public var series: String
    /// Its unit, e.g. `"bits/step"`.
    public var unit: String
    /// The two filters: ``filterNames``.
    public var filters: [String]
    /// λ of each start, [activation, start]; NaN where an activation has fewer starts.
    public var lambda: Grid<Double>
    /// Final loss of each start, [activation, start].
    public var finalLoss: Grid<Double>
    /// Initial loss of each start, [activation, start].
    public var initialLoss: Grid<Double>
    /// 1 when the start's initial loss lies in that activation's inter-quartile range.
    public var inIQR: Grid<Int>
    /// The IQR bounds per activation, [activation, 2].
    public var iqrBounds: Grid<Double>
    /// Pearson r per activation and filter, [activation, filter, 5]: r, p, bootstrap CI, n.
    public var pearson: Grid<Double>
    /// Spearman ρ per activation and filter, [activation, filter, 5].
    public var spearman: Grid<Double>
    /// Partial correlation of λ and final loss given the initial loss per activation and
    /// filter, [activation, filter, 5]: r, p (t on n − 3), NaN, NaN (no bootstrap), n
    /// (``Statistics/PartialCorrelation``; docs/PROTOCOL.md §2: where the networks barely learn,
    /// the final loss is mostly the initial loss).
    public var partial: Grid<Double>
    /// Least-squares fit of final loss on λ: intercept, slope, slope standard error, r², [activation, filter, 4].
    public var fit: Grid<Double>
    /// The λ values of the confidence band, [activation, filter, G].
    public var bandX: Grid<Double>
    /// The fitted line at `bandX`.
    public var bandFit: Grid<Double>
    /// The lower end of the 95% confidence band of the mean line.
    public var bandLow: Grid<Double>
    /// The upper end of the 95% confidence band of the mean line.
    public var bandHigh: Grid<Double>

    /// Creates the study from its parts.
    public init(
        activations: [String], series: String, unit: String, lambda: Grid<Double>, finalLoss: Grid<Double>,
        initialLoss: Grid<Double>, inIQR: Grid<Int>, iqrBounds: Grid<Double>, pearson: Grid<Double>, spearman: Grid<Double>, partial: Grid<Double>,
        fit: Grid<Double>, bandX: Grid<Double>, bandFit: Grid<Double>, bandLow: Grid<Double>, bandHigh: Grid<Double>
    ) {
        self.activations = activations
        self.series = series
        self.unit = unit
        self.filters = Self.filterNames
        self.lambda = lambda
        self.finalLoss = finalLoss
        self.initialLoss = initialLoss
        self.inIQR = inIQR
        self.iqrBounds = iqrBounds
        self.pearson = pearson
        self.spearman = spearman
        self.partial = partial
        self.fit = fit
        self.bandX = bandX
        self.bandFit = bandFit
        self.bandLow = bandLow
        self.bandHigh = bandHigh
    }

    /// Reads the group from `file`.
    public init(file: HDF5File, group: String = groupName) throws {
        let reader = try ResultsGroupReader(file: file, group: group)
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
        partial = try reader.doubleGrid("partial", shape: [a, 2, 5])
        fit = try reader.doubleGrid("fit", shape: [a, 2, 4])
        bandX = try reader.doubleGrid("band_x", shape: [a, 2, g])
        bandFit = try reader.doubleGrid("band_fit", shape: [a, 2, g])
        bandLow = try reader.doubleGrid("band_low", shape: [a, 2, g])
        bandHigh = try reader.doubleGrid("band_high", shape: [a, 2, g])
    }

    /// Writes the group into `file`.
    public func write(into file: HDF5File, group: String = groupName) throws {
        let writer = ResultsGroupWriter(try file.root.createGroup(group))
        try writer.attribute("activations", .strings(activations))
        try writer.attribute("series", .string(series))
        try writer.attribute("unit", .string(unit))
        try writer.attribute("filters", .strings(filters))
        let starts = ["activation", "start"]
        try writer.write("lambda", lambda, dimensions: starts, meaning: "λ of each start (\(series))")
        try writer.write("final_loss", finalLoss, dimensions: starts, meaning: "final training loss of each start")
        try writer.write("initial_loss", initialLoss, dimensions: starts, meaning: "training loss at step 0")
        try writer.write("in_iqr", inIQR, dimensions: starts, meaning: "1 if the initial loss lies within that activation's [q25, q75]")
        try writer.write("iqr_bounds", iqrBounds, dimensions: ["activation", "q25, q75"], meaning: "quartiles of the initial loss (R type 7)")
        let statistics = ["activation", "filter", "coefficient, p, boot_low, boot_high, n"]
        try writer.write("pearson", pearson, dimensions: statistics, meaning: "Pearson r of λ and final loss, two-sided t-test p, 95% bootstrap CI, n")
        try writer.write("spearman", spearman, dimensions: statistics, meaning: "Spearman ρ of λ and final loss, t-approximation p, 95% bootstrap CI, n")
        try writer.write(
            "partial", partial, dimensions: statistics,
            meaning: "partial r of λ and final loss given the initial loss, t-test p on n − 3, no bootstrap (NaN), n")
        try writer.write("fit", fit, dimensions: ["activation", "filter", "intercept, slope, slope SE, r²"], meaning: "least-squares line final loss = a + b λ")
        let band = ["activation", "filter", "point"]
        try writer.write("band_x", bandX, dimensions: band, meaning: "λ grid of the band")
        try writer.write("band_fit", bandFit, dimensions: band, meaning: "fitted mean final loss")
        try writer.write("band_low", bandLow, dimensions: band, meaning: "95% confidence band of the mean (lower)")
        try writer.write("band_high", bandHigh, dimensions: band, meaning: "95% confidence band of the mean (upper)")
    }

    /// Pearson r of activation `a` under filter `f`.
    public func pearson(activation a: Int, filter f: Int) -> CorrelationSummary {
        CorrelationSummary(pearson.line(a, f))
    }

    /// The partial r (given the initial loss) of activation `a` under filter `f`.
    public func partial(activation a: Int, filter f: Int) -> CorrelationSummary {
        CorrelationSummary(partial.line(a, f))
    }

    /// Spearman ρ of activation `a` under filter `f`.
    public func spearman(activation a: Int, filter f: Int) -> CorrelationSummary {
        CorrelationSummary(spearman.line(a, f))
    }
}
