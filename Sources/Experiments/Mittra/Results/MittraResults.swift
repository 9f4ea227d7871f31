import HDF5

/// Everything `data/mittra/aggregate.h5` holds: experiments E1, E2 and E3 of docs/PROTOCOL.md §2.
/// The one type that writes the file (the `aggregate` task) and reads it (the `figures`
/// and `section` tasks, the tests). Every dataset carries `dimensions` (one name per axis)
/// and `meaning` attributes; the root carries the writing stage's `provenance`.
///
/// Layout (shapes use S series, A activations, W widths, E learning rates, N starts, G band points):
///
/// `/learning_rate_sweep` — E1, λ against η (``LearningRateSweep``)
/// - attributes `activations`, `widths`, `learning_rates`, `series`, `series_units`,
///   `windows` (early start, early end, late start, late end, steps), `seed_count`,
///   `chaos_series`, `chaos_threshold` (nats/step), `series_cost` (gradient-equivalent
///   evaluations per estimate, per series)
/// - `mean`, `t_low`, `t_high`, `boot_low`, `boot_high`, `median`, `q25`, `q75` [S, A, W, E]:
///   λ over seeds (95 % Student-t and percentile-bootstrap intervals of the mean); `count` [S, A, W, E]
/// - `diverged`, `final_loss_mean`, `final_loss_t_low`, `final_loss_t_high`,
///   `chaotic_fraction` (``ChaosRule`` with ``LossTrend``), `sharpness_times_lr_mean` [A, W, E]
/// - `chaotic_count`, `seed_trials`, `chaotic_wilson_low`, `chaotic_wilson_high`,
///   `chaotic_fraction_end_points` (the first run's two-point rule) [A, W, E];
///   `chaos_lambda_per_seed` [A, W, E, seeds] with attribute `seed_indices`; attribute
///   `loss_trend` (k, δ, r of ``LossTrend``) (``LearningRateSweep/ChaosFractions``)
/// - `onset_lr`, `onset_kind` [S, A, W] (``ChaosOnset``)
/// - `agreement` [S, 3]: median |Δλ|, median relative |Δλ| and sign agreement against the
///   tangent estimate of the same window (``EstimatorAgreement``)
/// - `loss_lambda_spearman` [4]: ρ, p, bootstrap CI of mean chaos-series λ against mean
///   final loss over all cells
///
/// `/activation_ranking` — E2, the source's Table 1 (``ActivationRanking``)
/// - attributes `activations`, `width`, `learning_rate`, `momentum`, `steps`, `seed_count`,
///   `series`, `series_units`, `rank_series`
/// - `mean` … `q75` [S, A]; `final_loss_mean`, `final_loss_t_low`, `final_loss_t_high` [A]
/// - `rank_spearman` [4]: ρ, p, bootstrap CI of per-seed `rank_series` λ against final loss, pooled
///
/// `/activation_ranking_learning`, `/initial_weights_learning` — E2 and E3 in the learning
/// regime (same layouts), when the aggregate was given `learningStudy`
///
/// `/initial_weights` — E3, the source's Fig. 5 (``InitialWeightStudy``)
/// - attributes `activations`, `series`, `unit`, `filters` (`all`, `initial-loss IQR`)
/// - `lambda`, `final_loss`, `initial_loss`, `in_iqr` [A, N] (NaN / 0 padding where an
///   activation has fewer starts); `iqr_bounds` [A, 2] (``InitialLossFilter``)
/// - `pearson`, `spearman` [A, 2, 5]: coefficient, p, bootstrap CI, n; `fit` [A, 2, 4]:
///   intercept, slope, slope s.e., r² of final loss = a + b λ
/// - `band_x`, `band_fit`, `band_low`, `band_high` [A, 2, G]: the line with its 95 % band
public struct MittraResults: Sendable {
    /// E1: λ vs learning rate.
    public var sweep: LearningRateSweep
    /// E2: activation ranking (Table 1).
    public var ranking: ActivationRanking
    /// E3: choosing initial weights (Fig. 5).
    public var initialWeights: InitialWeightStudy
    /// E2 in the learning regime (groups `/activation_ranking_learning`), if run.
    public var learningRanking: ActivationRanking?
    /// E3 in the learning regime (`/initial_weights_learning`), if run.
    public var learningInitialWeights: InitialWeightStudy?

    /// Creates the results from its parts.
    public init(
        sweep: LearningRateSweep, ranking: ActivationRanking, initialWeights: InitialWeightStudy,
        learningRanking: ActivationRanking? = nil, learningInitialWeights: InitialWeightStudy? = nil
    ) {
        self.sweep = sweep
        self.ranking = ranking
        self.initialWeights = initialWeights
        self.learningRanking = learningRanking
        self.learningInitialWeights = learningInitialWeights
    }

    /// Reads the aggregate file at `path`.
    public static func read(path: String) throws -> MittraResults {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        let learning = try file.root.contains(ActivationRanking.learningGroupName)
        return MittraResults(
            sweep: try LearningRateSweep(file: file), ranking: try ActivationRanking(file: file),
            initialWeights: try InitialWeightStudy(file: file),
            learningRanking: learning ? try ActivationRanking(file: file, group: ActivationRanking.learningGroupName) : nil,
            learningInitialWeights: learning ? try InitialWeightStudy(file: file, group: InitialWeightStudy.learningGroupName) : nil)
    }

    /// Writes the three groups into `file` (whose root attributes the caller sets).
    public func write(into file: HDF5File) throws {
        try sweep.write(into: file)
        try ranking.write(into: file)
        try initialWeights.write(into: file)
        try learningRanking?.write(into: file, group: ActivationRanking.learningGroupName)
        try learningInitialWeights?.write(into: file, group: InitialWeightStudy.learningGroupName)
    }
}
