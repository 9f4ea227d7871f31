import ReportKit

/// One regime of E2/E3 per activation (docs/PROTOCOL.md §2.10): mean λ of the ranked series,
/// mean final loss and mean final test accuracy with 95 % t intervals, the fraction of
/// starts that learn XOR, and the within-activation ρ of claim 2. Used for the learning
/// regime, which has no table of the source's to sit beside.
enum RegimeTable {
    /// The table of `ranking`, read from `group` of aggregate.h5; `regime` names it in the caption.
    static func make(_ ranking: ActivationRanking, regime: String, group: String, aggregate: AggregateFile) -> PaperTable {
        let header = ["activation", "λ: \(SeriesNames.readable(ranking.rankSeries)) (\(ranking.seriesUnits[ranking.ranked]))", "final loss",
                      "test accuracy", "starts reaching \(ReportNumber.exact(ActivationRanking.learnedAccuracy))", "ρ(λ, final loss) within"]
        let breakdown = ranking.breakdown
        let rows = ranking.activations.indices.map { a in
            [
                ranking.activations[a],
                PaperText.withInterval(ranking.lambda.mean[ranking.ranked, a], ranking.lambda.tLow[ranking.ranked, a], ranking.lambda.tHigh[ranking.ranked, a]),
                PaperText.withInterval(ranking.finalLossMean[a], ranking.finalLossLow[a], ranking.finalLossHigh[a]),
                breakdown.map { PaperText.withInterval(ranking.testAccuracyMean[a], $0.testAccuracyLow[a], $0.testAccuracyHigh[a]) }
                    ?? ReportNumber.significant(ranking.testAccuracyMean[a]),
                ReportNumber.significant(ranking.learnedFraction[a]),
                breakdown.map { PaperText.correlation("ρ", $0.activationSpearman[a]) } ?? ReportNumber.missing,
            ]
        }
        let caption = "E2 in \(regime): \(Architecture.name(ranking.width)), η = \(ReportNumber.significant(ranking.learningRate)), "
            + "momentum \(ReportNumber.exact(ranking.momentum)), \(ReportNumber.count(ranking.steps)) steps, "
            + "\(ReportNumber.count(ranking.seedCount)) starts per activation. Means with 95 % Student-t intervals; the "
            + "within-activation ρ is the Spearman correlation of per-start λ and final loss with its p-value and 95 % "
            + "bootstrap interval."
        var table = PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [aggregate.source(group)])
        table.linkColumn(1, to: aggregate.dataset(group, "mean")) { [ranking.ranked, $0] }
        for (column, name) in [(2, "final_loss_mean"), (3, "test_accuracy_mean"), (4, "learned_fraction")] {
            table.linkColumn(column, to: aggregate.dataset(group, name)) { [$0] }
        }
        if breakdown != nil {
            table.linkColumn(5, to: aggregate.dataset(group, "activation_spearman")) { [$0, 0] }
        }
        return table
    }

    /// The placeholder table when the learning regime was not run.
    static func notRun() -> PaperTable {
        PaperTable(caption: "E2 in the learning regime: not run.", table: MarkdownTable(header: ["activation"], rows: []), sources: [])
    }
}
