import HDF5

/// Experiment E2 (SCIENCE.md §2, the source paper's Table 1): mean λ and mean final loss
/// per activation at one architecture and learning rate, read from group `/e2`.
public struct ActivationRanking: Sendable {
    /// Hidden activations.
    public let activations: [String]
    /// The hidden-layer width.
    public let width: Int
    /// The learning rate η.
    public let learningRate: Double
    /// The momentum coefficient (0 for plain GD).
    public let momentum: Double
    /// Training steps.
    public let steps: Int
    /// Seeds per activation.
    public let seedCount: Int
    /// λ series; series 0 is the one ranked against the final loss (`rank_spearman`).
    public let series: [String]
    /// The unit of each series.
    public let seriesUnits: [String]
    /// λ summaries, [series, activation].
    public let lambda: LambdaSummaries
    /// Mean final loss per activation.
    public let finalLossMean: [Double]
    /// Lower end of its 95% t interval.
    public let finalLossLow: [Double]
    /// Upper end of its 95% t interval.
    public let finalLossHigh: [Double]
    /// Spearman ρ between per-seed λ (series 0) and final loss, pooled over activations.
    public let rankSpearman: CorrelationSummary

    /// Reads `/e2` of `file`.
    public init(file: HDF5File) throws {
        let reader = try ResultsGroupReader(file: file, group: "e2")
        activations = try reader.strings("activations")
        width = try reader.int("width")
        learningRate = try reader.double("learning_rate")
        momentum = try reader.double("momentum")
        steps = try reader.int("steps")
        seedCount = try reader.int("seed_count")
        series = try reader.strings("series")
        seriesUnits = try reader.strings("series_units")
        guard !series.isEmpty, seriesUnits.count == series.count else {
            throw reader.invalid("needs at least one series and one unit per series")
        }
        let a = activations.count
        lambda = try LambdaSummaries(reader, shape: [series.count, a])
        finalLossMean = try reader.doubleGrid("final_loss_mean", shape: [a]).values
        finalLossLow = try reader.doubleGrid("final_loss_t_low", shape: [a]).values
        finalLossHigh = try reader.doubleGrid("final_loss_t_high", shape: [a]).values
        rankSpearman = CorrelationSummary(try reader.doubleGrid("rank_spearman", shape: [4]).values)
    }
}
