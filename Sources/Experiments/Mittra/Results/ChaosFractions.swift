import ReportKit

extension LearningRateSweep {
    /// E1's chaos per seed and per cell (docs/PROTOCOL.md §2, "Lessons from the first full run":
    /// at large η outcomes are bimodal, so the robust quantity is the fraction of chaotic
    /// seeds with a Wilson interval, beside the per-seed values). A seed is chaotic by
    /// ``ChaosRule`` with "loss still falling" decided by ``LossTrend``; every seed of a
    /// cell is a trial, so a diverged seed counts as not chaotic.
    public struct ChaosFractions: Sendable {
        /// Chaotic seeds, [activation, width, learning rate].
        public var count: Grid<Int>
        /// Seeds, [activation, width, learning rate].
        public var trials: Grid<Int>
        /// Lower end of the 95 % Wilson interval of count/trials.
        public var wilsonLow: Grid<Double>
        /// Upper end of the 95 % Wilson interval of count/trials.
        public var wilsonHigh: Grid<Double>
        /// The chaotic fraction when "still falling" is the first run's two-point rule
        /// (kept so that the paper can show what the trend test changed).
        public var endPointFraction: Grid<Double>
        /// The seed indices of the last axis of ``lateLambda``, ascending.
        public var seedIndices: [Int]
        /// Per-seed λ of the chaos series, [activation, width, learning rate, seed]; NaN
        /// where a cell has no such seed.
        public var lateLambda: Grid<Double>
        /// The thresholds of the trend test that decided "loss still falling".
        public var lossTrend: LossTrend
        /// The same evidence over a grid of thresholds and trend windows.
        public var sensitivity: ChaosSensitivity
        /// Fraction of seeds whose final test accuracy reaches ``ActivationRanking/learnedAccuracy``,
        /// [activation, width, learning rate] (kept with the other per-cell seed counts): what
        /// the learning regime of claims 2 and 3 is chosen from.
        public var learnedFraction: Grid<Double>

        /// Creates the fractions from their parts.
        public init(
            count: Grid<Int>, trials: Grid<Int>, wilsonLow: Grid<Double>, wilsonHigh: Grid<Double>,
            endPointFraction: Grid<Double>, seedIndices: [Int], lateLambda: Grid<Double>,
            lossTrend: LossTrend, sensitivity: ChaosSensitivity, learnedFraction: Grid<Double>
        ) {
            self.learnedFraction = learnedFraction
            self.lossTrend = lossTrend
            self.sensitivity = sensitivity
            self.count = count
            self.trials = trials
            self.wilsonLow = wilsonLow
            self.wilsonHigh = wilsonHigh
            self.endPointFraction = endPointFraction
            self.seedIndices = seedIndices
            self.lateLambda = lateLambda
        }

        private static let cells = ["activation", "width", "learning rate"]

        init(_ reader: ResultsGroupReader, shape: [Int]) throws {
            count = try reader.intGrid("chaotic_count", shape: shape)
            trials = try reader.intGrid("seed_trials", shape: shape)
            wilsonLow = try reader.doubleGrid("chaotic_wilson_low", shape: shape)
            wilsonHigh = try reader.doubleGrid("chaotic_wilson_high", shape: shape)
            endPointFraction = try reader.doubleGrid("chaotic_fraction_end_points", shape: shape)
            seedIndices = try reader.ints("seed_indices")
            let trend = try reader.doubles("loss_trend")
            guard trend.count == 3 else { throw reader.invalid("loss_trend must hold k, δ and r") }
            lossTrend = LossTrend(tStatistic: trend[0], relativeDrop: trend[1], dropToScatter: trend[2])
            sensitivity = try ChaosSensitivity(reader, cells: shape)
            learnedFraction = try reader.doubleGrid("learned_fraction", shape: shape)
            lateLambda = try reader.doubleGrid("chaos_lambda_per_seed", shape: shape + [seedIndices.count])
        }

        func write(_ writer: ResultsGroupWriter, chaosSeries: String) throws {
            try writer.attribute("seed_indices", .ints(seedIndices.map(Int64.init)))
            try sensitivity.write(writer)
            try writer.write(
                "learned_fraction", learnedFraction, dimensions: Self.cells,
                meaning: "fraction of seeds whose final test accuracy is at least \(ActivationRanking.learnedAccuracy)")
            try writer.attribute("loss_trend", .doubles([lossTrend.tStatistic, lossTrend.relativeDrop, lossTrend.dropToScatter]))
            try writer.write("chaotic_count", count, dimensions: Self.cells, meaning: "seeds chaotic by ChaosRule with the LossTrend test")
            try writer.write("seed_trials", trials, dimensions: Self.cells, meaning: "seeds of the cell (the trials of the Wilson interval)")
            try writer.write("chaotic_wilson_low", wilsonLow, dimensions: Self.cells, meaning: "95% Wilson interval of chaotic_count/seed_trials")
            try writer.write("chaotic_wilson_high", wilsonHigh, dimensions: Self.cells, meaning: "95% Wilson interval of chaotic_count/seed_trials")
            try writer.write(
                "chaotic_fraction_end_points", endPointFraction, dimensions: Self.cells,
                meaning: "chaotic fraction when 'loss still falling' is the two-point rule of the exponents file (the first run's rule)")
            try writer.write(
                "chaos_lambda_per_seed", lateLambda, dimensions: Self.cells + ["seed (seed_indices)"],
                meaning: "per-seed \(chaosSeries) λ; NaN where the cell has no such seed")
        }
    }
}

extension LearningRateSweep {
    /// "10 seeds" when every cell has the same seeds, else "10 seeds (30 at η ≥ 10)": the
    /// seeds per cell, from ``ChaosFractions/trials`` (a second sweep may add seeds at large η).
    public var seedsPerCell: String {
        let counts = chaos.trials.values.filter { $0 > 0 }
        guard let fewest = counts.min(), let most = counts.max() else { return "0 seeds" }
        if fewest == most { return "\(ReportNumber.count(most)) seeds" }
        let e = learningRates.count
        let first = chaos.trials.values.indices.filter { chaos.trials.values[$0] == most }.map { learningRates[$0 % e] }.min() ?? .nan
        return "\(ReportNumber.count(fewest)) seeds (\(ReportNumber.count(most)) at η ≥ \(ReportNumber.significant(first)))"
    }
}
