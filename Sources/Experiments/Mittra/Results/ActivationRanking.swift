import HDF5
import ReportKit

/// Experiment E2 (docs/PROTOCOL.md §2, the source paper's Table 1): λ and final loss per
/// activation at one architecture and learning rate; group `/activation_ranking` of
/// aggregate.h5 (layout in ``MittraResults``).
public struct ActivationRanking: Sendable {
    /// The group's name in aggregate.h5.
    public static let groupName = "activation_ranking"
    /// The group of the same study in the learning regime (docs/PROTOCOL.md §2: claims 2 and 3
    /// also where the networks learn).
    public static let learningGroupName = "activation_ranking_learning"

    /// Hidden activations.
    public var activations: [String]
    /// The hidden-layer width.
    public var width: Int
    /// The learning rate η.
    public var learningRate: Double
    /// The momentum coefficient (0 for plain GD).
    public var momentum: Double
    /// Training steps.
    public var steps: Int
    /// Seeds per activation.
    public var seedCount: Int
    /// λ series.
    public var series: [String]
    /// The unit of each series.
    public var seriesUnits: [String]
    /// The series ranked against the final loss (`rank_spearman`, claim 2).
    public var rankSeries: String
    /// λ summaries, [series, activation].
    public var lambda: SeedSummaries
    /// Mean final loss per activation.
    public var finalLossMean: [Double]
    /// Lower end of its 95% t interval.
    public var finalLossLow: [Double]
    /// Upper end of its 95% t interval.
    public var finalLossHigh: [Double]
    /// Spearman ρ between per-seed λ (``rankSeries``) and final loss, pooled over activations.
    public var rankSpearman: CorrelationSummary
    /// Mean final test accuracy per activation (NaN without the ensembles file): whether
    /// the networks learn XOR at all at this setting (docs/PROTOCOL.md §2, lessons of the first run).
    public var testAccuracyMean: [Double]
    /// Fraction of seeds per activation whose final test accuracy reaches ``learnedAccuracy``.
    public var learnedFraction: [Double]
    /// A seed has learned XOR when its final test accuracy reaches this.
    public static let learnedAccuracy = 0.9
    /// Claim 2 per activation and over the activations that can represent XOR, with test
    /// accuracy intervals; nil in files written before it existed.
    public var breakdown: RankingBreakdown?

    /// Creates the ranking from its parts.
    public init(
        activations: [String], width: Int, learningRate: Double, momentum: Double, steps: Int, seedCount: Int,
        series: [String], seriesUnits: [String], rankSeries: String, lambda: SeedSummaries, finalLossMean: [Double],
        finalLossLow: [Double], finalLossHigh: [Double], rankSpearman: CorrelationSummary,
        testAccuracyMean: [Double]? = nil, learnedFraction: [Double]? = nil, breakdown: RankingBreakdown? = nil
    ) {
        self.breakdown = breakdown
        self.testAccuracyMean = testAccuracyMean ?? activations.map { _ in .nan }
        self.learnedFraction = learnedFraction ?? activations.map { _ in .nan }
        self.activations = activations
        self.width = width
        self.learningRate = learningRate
        self.momentum = momentum
        self.steps = steps
        self.seedCount = seedCount
        self.series = series
        self.seriesUnits = seriesUnits
        self.rankSeries = rankSeries
        self.lambda = lambda
        self.finalLossMean = finalLossMean
        self.finalLossLow = finalLossLow
        self.finalLossHigh = finalLossHigh
        self.rankSpearman = rankSpearman
    }

    /// Reads the group from `file`.
    public init(file: HDF5File, group: String = groupName) throws {
        let reader = try ResultsGroupReader(file: file, group: group)
        activations = try reader.strings("activations")
        width = try reader.int("width")
        learningRate = try reader.double("learning_rate")
        momentum = try reader.double("momentum")
        steps = try reader.int("steps")
        seedCount = try reader.int("seed_count")
        series = try reader.strings("series")
        seriesUnits = try reader.strings("series_units")
        rankSeries = try reader.string("rank_series")
        guard series.contains(rankSeries), seriesUnits.count == series.count else {
            throw reader.invalid("needs the rank_series among its series and one unit per series")
        }
        let a = activations.count
        lambda = try SeedSummaries(reader, shape: [series.count, a])
        finalLossMean = try reader.doubleGrid("final_loss_mean", shape: [a]).values
        finalLossLow = try reader.doubleGrid("final_loss_t_low", shape: [a]).values
        finalLossHigh = try reader.doubleGrid("final_loss_t_high", shape: [a]).values
        rankSpearman = CorrelationSummary(try reader.doubleGrid("rank_spearman", shape: [4]).values)
        testAccuracyMean = try reader.doubleGrid("test_accuracy_mean", shape: [a]).values
        learnedFraction = try reader.doubleGrid("learned_fraction", shape: [a]).values
        breakdown = try RankingBreakdown(reader, activationCount: a)
    }

    /// Writes the group into `file`.
    public func write(into file: HDF5File, group: String = groupName) throws {
        let writer = ResultsGroupWriter(try file.root.createGroup(group))
        try writer.attribute("activations", .strings(activations))
        try writer.attribute("width", .int(Int64(width)))
        try writer.attribute("learning_rate", .double(learningRate))
        try writer.attribute("momentum", .double(momentum))
        try writer.attribute("steps", .int(Int64(steps)))
        try writer.attribute("seed_count", .int(Int64(seedCount)))
        try writer.attribute("series", .strings(series))
        try writer.attribute("series_units", .strings(seriesUnits))
        try writer.attribute("rank_series", .string(rankSeries))
        try lambda.write(writer, dimensions: ["series", "activation"])
        let a = [activations.count]
        try writer.write("final_loss_mean", finalLossMean, shape: a, dimensions: ["activation"], meaning: "mean final training loss (MSE)")
        try writer.write("final_loss_t_low", finalLossLow, shape: a, dimensions: ["activation"], meaning: "95% t-interval of the mean final loss")
        try writer.write("final_loss_t_high", finalLossHigh, shape: a, dimensions: ["activation"], meaning: "95% t-interval of the mean final loss")
        try writer.write(
            "rank_spearman", rankSpearman.storedWithoutCount, shape: [4], dimensions: ["rho, p, boot_low, boot_high"],
            meaning: "Spearman ρ between per-seed \(rankSeries) λ and final loss, pooled over activations")
        try writer.write("test_accuracy_mean", testAccuracyMean, shape: a, dimensions: ["activation"], meaning: "mean final test accuracy")
        try writer.write(
            "learned_fraction", learnedFraction, shape: a, dimensions: ["activation"],
            meaning: "fraction of seeds whose final test accuracy is at least \(Self.learnedAccuracy)")
        try breakdown?.write(writer, series: rankSeries)
    }

    /// The index of ``rankSeries`` in ``series`` (checked when read).
    public var ranked: Int { series.firstIndex(of: rankSeries) ?? 0 }

    /// Mean λ of the ranked series per activation.
    public var rankedMeans: [Double] { activations.indices.map { lambda.mean[ranked, $0] } }
}
