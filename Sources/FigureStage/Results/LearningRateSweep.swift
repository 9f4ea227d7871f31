import HDF5

/// Experiment E1 (SCIENCE.md §2, the source paper's Fig. 4): λ of every estimator
/// series against the learning rate, per activation and width, read from group `/e1`
/// of `data/mittra/aggregate.h5`.
public struct LearningRateSweep: Sendable {
    /// How the onset η was found (`onset_kind`).
    public enum OnsetKind: Int, Sendable {
        /// The mean λ crosses zero upwards between two grid points.
        case crossing = 0
        /// λ is positive already at the smallest η.
        case alwaysPositive = 1
        /// λ is never positive on the grid.
        case neverPositive = 2
        /// λ only crosses zero downwards.
        case onlyDownward = 3
    }

    /// Hidden activations, e.g. `["sigmoid", "relu", "linear", "tanh"]`.
    public let activations: [String]
    /// Hidden-layer widths (networks 2-W-1).
    public let widths: [Int]
    /// The learning-rate grid, ascending.
    public let learningRates: [Double]
    /// Estimator series, e.g. `"tangent/late"`.
    public let series: [String]
    /// The unit of each series, e.g. `"nats/step"`.
    public let seriesUnits: [String]
    /// Early window start, early window end, late window start, late window end (steps).
    public let windows: [Double]
    /// Seeds per cell.
    public let seedCount: Int
    /// λ summaries over seeds, [series, activation, width, learning rate].
    public let lambda: LambdaSummaries
    /// Seeds with a finite estimate, [series, activation, width, learning rate].
    public let count: Grid<Int>
    /// Seeds whose training diverged, [activation, width, learning rate].
    public let diverged: Grid<Int>
    /// Mean final training loss, [activation, width, learning rate].
    public let finalLossMean: Grid<Double>
    /// Lower end of the 95% t interval of the final loss.
    public let finalLossLow: Grid<Double>
    /// Upper end of the 95% t interval of the final loss.
    public let finalLossHigh: Grid<Double>
    /// Fraction of seeds with late tangent λ > 0 and loss not still falling.
    public let chaoticFraction: Grid<Double>
    /// Mean of η × top Hessian eigenvalue at the last step; GD is stable iff below
    /// ``stabilityLimit``.
    public let sharpnessTimesLearningRate: Grid<Double>
    /// Full-batch GD on a quadratic with top curvature S is stable iff η·S < 2
    /// (|1 − ηS| < 1; SCIENCE.md §5, "the GD stability threshold 2/η").
    public static let stabilityLimit = 2.0
    /// The onset η, where the lower 95% bound of the mean λ first exceeds ``chaosThreshold``,
    /// [series, activation, width]; NaN if never.
    public let onsetLearningRate: Grid<Double>
    /// How `onsetLearningRate` was found, [series, activation, width] (see ``OnsetKind``).
    public let onsetKind: Grid<Int>
    /// λ (nats/step) above which a seed can count as chaotic; the onset η is where the
    /// lower 95% bound of the mean λ first exceeds it (`chaos_threshold`).
    public let chaosThreshold: Double
    /// Spearman ρ between mean late tangent λ and mean final loss across all cells.
    public let lossLambdaSpearman: CorrelationSummary
    /// Gradient-equivalent evaluations per estimate of each series (`series_cost`).
    public let seriesCost: [Int]
    /// Per series: median |Δλ| and median relative |Δλ| against the tangent estimate of
    /// the same window, and the fraction of equal signs (`agreement`, [series, 3]).
    public let agreement: Grid<Double>

    /// Reads `/e1` of `file`.
    public init(file: HDF5File) throws {
        let reader = try ResultsGroupReader(file: file, group: "e1")
        activations = try reader.strings("activations")
        widths = try reader.ints("widths")
        learningRates = try reader.doubles("learning_rates")
        series = try reader.strings("series")
        seriesUnits = try reader.strings("series_units")
        windows = try reader.doubles("windows")
        seedCount = try reader.int("seed_count")
        let (s, a, w, e) = (series.count, activations.count, widths.count, learningRates.count)
        guard seriesUnits.count == s, windows.count == 4 else {
            throw reader.invalid("series_units must have one entry per series and windows four entries")
        }
        lambda = try LambdaSummaries(reader, shape: [s, a, w, e])
        count = try reader.intGrid("count", shape: [s, a, w, e])
        diverged = try reader.intGrid("diverged", shape: [a, w, e])
        finalLossMean = try reader.doubleGrid("final_loss_mean", shape: [a, w, e])
        finalLossLow = try reader.doubleGrid("final_loss_t_low", shape: [a, w, e])
        finalLossHigh = try reader.doubleGrid("final_loss_t_high", shape: [a, w, e])
        chaoticFraction = try reader.doubleGrid("chaotic_fraction", shape: [a, w, e])
        sharpnessTimesLearningRate = try reader.doubleGrid("sharpness_times_lr_mean", shape: [a, w, e])
        onsetLearningRate = try reader.doubleGrid("onset_lr", shape: [s, a, w])
        onsetKind = try reader.intGrid("onset_kind", shape: [s, a, w])
        chaosThreshold = try reader.double("chaos_threshold")
        lossLambdaSpearman = CorrelationSummary(try reader.doubleGrid("loss_lambda_spearman", shape: [4]).values)
        seriesCost = try reader.ints("series_cost")
        agreement = try reader.doubleGrid("agreement", shape: [s, 3])
    }

    /// "late λ CI > 0.001": what the onset η marks.
    public var onsetCondition: String {
        "late λ 95% CI > \(ReportNumber.exact(chaosThreshold))"
    }

    /// The two windows over which λ is estimated (SCIENCE.md §2 E1).
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
            throw ResultsError.missingSeries(name, group: "/e1", available: series)
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

    /// The onset kind of series `s`, activation `a`, width `w`; nil for an unknown code.
    public func onset(series s: Int, activation a: Int, width w: Int) -> (learningRate: Double, kind: OnsetKind?) {
        (onsetLearningRate[s, a, w], OnsetKind(rawValue: onsetKind[s, a, w]))
    }
}
