import HDF5
import ReportKit

/// Experiment E1 (docs/PROTOCOL.md §2, the source paper's Fig. 4): λ of every estimator series
/// against the learning rate, per activation and width; group `/learning_rate_sweep` of
/// aggregate.h5 (layout in ``MittraResults``).
public struct LearningRateSweep: Sendable {
    /// The group's name in aggregate.h5.
    public static let groupName = "learning_rate_sweep"
    /// Full-batch GD on a quadratic with top curvature S is stable iff η·S < 2
    /// (|1 − ηS| < 1; docs/PROTOCOL.md §5, "the GD stability threshold 2/η").
    public static let stabilityLimit = 2.0

    /// Hidden activations, e.g. `["sigmoid", "relu", "linear", "tanh"]`.
    public var activations: [String]
    /// Hidden-layer widths (networks 2-W-1).
    public var widths: [Int]
    /// The learning-rate grid, ascending.
    public var learningRates: [Double]
    /// Estimator series, e.g. `"tangent/late"`.
    public var series: [String]
    /// The unit of each series, e.g. `"nats/step"`.
    public var seriesUnits: [String]
    /// Early window start, early window end, late window start, late window end (steps).
    public var windows: [Double]
    /// Seeds per cell.
    public var seedCount: Int
    /// The series whose per-seed λ decides chaos (``ChaosRule``).
    public var chaosSeries: String
    /// λ (nats/step) above which a seed can count as chaotic; the onset η is where the
    /// lower 95% bound of the mean λ first exceeds it.
    public var chaosThreshold: Double
    /// λ summaries over seeds, [series, activation, width, learning rate].
    public var lambda: SeedSummaries
    /// Seeds with a finite estimate, [series, activation, width, learning rate].
    public var count: Grid<Int>
    /// Seeds whose training diverged, [activation, width, learning rate].
    public var diverged: Grid<Int>
    /// Mean final training loss, [activation, width, learning rate].
    public var finalLossMean: Grid<Double>
    /// Lower end of the 95% t interval of the final loss.
    public var finalLossLow: Grid<Double>
    /// Upper end of the 95% t interval of the final loss.
    public var finalLossHigh: Grid<Double>
    /// Fraction of seeds that are chaotic by ``ChaosRule``, [activation, width, learning rate].
    public var chaoticFraction: Grid<Double>
    /// Chaotic counts with Wilson intervals, the first run's fraction and per-seed λ.
    public var chaos: ChaosFractions
    /// Mean of η × top Hessian eigenvalue at the last step; GD is stable iff below
    /// ``stabilityLimit``.
    public var sharpnessTimesLearningRate: Grid<Double>
    /// The onset η (``ChaosOnset``), [series, activation, width]; NaN if none.
    public var onsetLearningRate: Grid<Double>
    /// How `onsetLearningRate` was found, [series, activation, width] (``ChaosOnset/Kind`` raw values).
    public var onsetKind: Grid<Int>
    /// Gradient-equivalent evaluations per estimate of each series.
    public var seriesCost: [Int]
    /// Per series: median |Δλ| and median relative |Δλ| against the tangent estimate of
    /// the same window, and the fraction of equal signs, [series, 3] (``EstimatorAgreement``).
    public var agreement: Grid<Double>
    /// Spearman ρ between mean chaos-series λ and mean final loss across all cells.
    public var lossLambdaSpearman: CorrelationSummary

    /// Creates the sweep from its parts (shapes as documented on each property).
    public init(
        activations: [String], widths: [Int], learningRates: [Double], series: [String], seriesUnits: [String],
        windows: [Double], seedCount: Int, chaosSeries: String, chaosThreshold: Double, lambda: SeedSummaries,
        count: Grid<Int>, diverged: Grid<Int>, finalLossMean: Grid<Double>, finalLossLow: Grid<Double>,
        finalLossHigh: Grid<Double>, chaoticFraction: Grid<Double>, chaos: ChaosFractions, sharpnessTimesLearningRate: Grid<Double>,
        onsetLearningRate: Grid<Double>, onsetKind: Grid<Int>, seriesCost: [Int], agreement: Grid<Double>,
        lossLambdaSpearman: CorrelationSummary
    ) {
        self.activations = activations
        self.widths = widths
        self.learningRates = learningRates
        self.series = series
        self.seriesUnits = seriesUnits
        self.windows = windows
        self.seedCount = seedCount
        self.chaosSeries = chaosSeries
        self.chaosThreshold = chaosThreshold
        self.lambda = lambda
        self.count = count
        self.diverged = diverged
        self.finalLossMean = finalLossMean
        self.finalLossLow = finalLossLow
        self.finalLossHigh = finalLossHigh
        self.chaoticFraction = chaoticFraction
        self.chaos = chaos
        self.sharpnessTimesLearningRate = sharpnessTimesLearningRate
        self.onsetLearningRate = onsetLearningRate
        self.onsetKind = onsetKind
        self.seriesCost = seriesCost
        self.agreement = agreement
        self.lossLambdaSpearman = lossLambdaSpearman
    }

    private static let cellDimensions = ["activation", "width", "learning rate"]
    private static let onsetDimensions = ["series", "activation", "width"]

    /// Reads the group from `file`.
    public init(file: HDF5File) throws {
        let reader = try ResultsGroupReader(file: file, group: Self.groupName)
        activations = try reader.strings("activations")
        widths = try reader.ints("widths")
        learningRates = try reader.doubles("learning_rates")
        series = try reader.strings("series")
        seriesUnits = try reader.strings("series_units")
        windows = try reader.doubles("windows")
        seedCount = try reader.int("seed_count")
        chaosSeries = try reader.string("chaos_series")
        chaosThreshold = try reader.double("chaos_threshold")
        let (s, a, w, e) = (series.count, activations.count, widths.count, learningRates.count)
        guard seriesUnits.count == s, windows.count == 4 else {
            throw reader.invalid("series_units must have one entry per series and windows four entries")
        }
        lambda = try SeedSummaries(reader, shape: [s, a, w, e])
        count = try reader.intGrid("count", shape: [s, a, w, e])
        diverged = try reader.intGrid("diverged", shape: [a, w, e])
        finalLossMean = try reader.doubleGrid("final_loss_mean", shape: [a, w, e])
        finalLossLow = try reader.doubleGrid("final_loss_t_low", shape: [a, w, e])
        finalLossHigh = try reader.doubleGrid("final_loss_t_high", shape: [a, w, e])
        chaoticFraction = try reader.doubleGrid("chaotic_fraction", shape: [a, w, e])
        chaos = try ChaosFractions(reader, shape: [a, w, e])
        sharpnessTimesLearningRate = try reader.doubleGrid("sharpness_times_lr_mean", shape: [a, w, e])
        onsetLearningRate = try reader.doubleGrid("onset_lr", shape: [s, a, w])
        onsetKind = try reader.intGrid("onset_kind", shape: [s, a, w])
        seriesCost = try reader.ints("series_cost")
        agreement = try reader.doubleGrid("agreement", shape: [s, 3])
        lossLambdaSpearman = CorrelationSummary(try reader.doubleGrid("loss_lambda_spearman", shape: [4]).values)
    }

    /// Writes the group into `file`.
    public func write(into file: HDF5File) throws {
        let writer = ResultsGroupWriter(try file.root.createGroup(Self.groupName))
        try writer.attribute("activations", .strings(activations))
        try writer.attribute("widths", .ints(widths.map(Int64.init)))
        try writer.attribute("learning_rates", .doubles(learningRates))
        try writer.attribute("series", .strings(series))
        try writer.attribute("series_units", .strings(seriesUnits))
        try writer.attribute("windows", .doubles(windows))
        try writer.attribute("seed_count", .int(Int64(seedCount)))
        try writer.attribute("chaos_series", .string(chaosSeries))
        try writer.attribute("chaos_threshold", .double(chaosThreshold))
        try writer.attribute("series_cost", .ints(seriesCost.map(Int64.init)))
        let names = ["series", "activation", "width", "learning rate"]
        try lambda.write(writer, dimensions: names)
        try writer.write("count", count, dimensions: names, meaning: "number of seeds with a finite estimate")
        let cells = Self.cellDimensions
        try writer.write("diverged", diverged, dimensions: cells, meaning: "number of seeds whose training diverged")
        try writer.write("final_loss_mean", finalLossMean, dimensions: cells, meaning: "mean final training loss (MSE)")
        try writer.write("final_loss_t_low", finalLossLow, dimensions: cells, meaning: "95% t-interval of the mean final loss")
        try writer.write("final_loss_t_high", finalLossHigh, dimensions: cells, meaning: "95% t-interval of the mean final loss")
        try writer.write(
            "chaotic_fraction", chaoticFraction, dimensions: cells,
            meaning: "fraction of seeds with \(chaosSeries) λ > \(chaosThreshold) nats/step and the loss no longer falling (LossTrend)")
        try chaos.write(writer, chaosSeries: chaosSeries)
        try writer.write(
            "sharpness_times_lr_mean", sharpnessTimesLearningRate, dimensions: cells,
            meaning: "mean of η · top Hessian eigenvalue at the end (GD stable iff < 2)")
        try writer.write(
            "onset_lr", onsetLearningRate, dimensions: Self.onsetDimensions,
            meaning: "η at which the lower 95% t bound of the mean λ first exceeds chaos_threshold (log-linear interpolation)")
        try writer.write(
            "onset_kind", onsetKind, dimensions: Self.onsetDimensions,
            meaning: "0 crossing, 1 always positive, 2 never positive, 3 only downward crossings")
        try writer.write(
            "agreement", agreement, dimensions: ["series", "median |Δλ|, median |Δλ|/|λ_ref|, sign agreement"],
            meaning: "per-seed agreement with the tangent estimate of the same window (divergence fit: the early window), in nats/step, "
                + "over the estimates whose reference |λ| exceeds chaos_threshold")
        try writer.write(
            "loss_lambda_spearman", lossLambdaSpearman.storedWithoutCount, shape: [4], dimensions: ["rho, p, boot_low, boot_high"],
            meaning: "Spearman ρ between mean \(chaosSeries) λ and mean final loss across all (activation, width, η) cells")
    }

    /// "late λ 95% CI > 0.001": what the onset η marks.
    public var onsetCondition: String {
        "late λ 95% CI > \(ReportNumber.exact(chaosThreshold))"
    }

    /// The two windows over which λ is estimated (docs/PROTOCOL.md §2 E1).
    public enum Window: Int, Sendable {
        /// The learning transient.
        case early = 0
        /// After the loss settles; decides chaos.
        case late = 1
    }

    /// "steps a–b" for `window`, from the `windows` attribute.
    public func steps(of window: Window) -> String {
        let start = windows[2 * window.rawValue]
        let end = windows[2 * window.rawValue + 1]
        return "steps \(ReportNumber.whole(start))–\(ReportNumber.whole(end))"
    }

    /// The index of `name` in ``series``, or an error naming the series that exist.
    public func seriesIndex(_ name: String) throws -> Int {
        guard let index = series.firstIndex(of: name) else {
            throw ResultsError.missingSeries(name, group: "/" + Self.groupName, available: series)
        }
        return index
    }

    /// The index of `width` in ``widths``, or an error naming the widths that exist.
    public func widthIndex(_ width: Int) throws -> Int {
        guard let index = widths.firstIndex(of: width) else {
            throw ResultsError.missingWidth(width, available: widths)
        }
        return index
    }

    /// The onset of series `s`, activation `a`, width `w`; nil kind for an unknown code.
    public func onset(series s: Int, activation a: Int, width w: Int) -> (learningRate: Double, kind: ChaosOnset.Kind?) {
        (onsetLearningRate[s, a, w], ChaosOnset.Kind(rawValue: onsetKind[s, a, w]))
    }
}
