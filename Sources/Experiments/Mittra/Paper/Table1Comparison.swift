import ReportKit

/// The source paper's Table 1 beside ours (docs/PROTOCOL.md §2 E2): per activation the quoted
/// λ and final loss, our mean λ (E2 series 0, the ranked one) and mean final loss with
/// 95% t intervals, the ranks, and a verdict per row. Every other series is in
/// ``E2SeriesTable``.
///
/// Row rule: "agrees" iff the sign of our mean λ (series 0) is the source's and is
/// certain (the 95% interval excludes 0), and our ranks of λ and of final loss among
/// the activations both tables share equal the source's ranks (1 = lowest).
enum Table1Comparison {
    static func make(_ ranking: ActivationRanking, _ source: SourceValues, aggregate: AggregateFile) -> PaperTable {
        let pairs = ranking.activations.indices.compactMap { a in
            SourceValues.value(source.table1, ranking.activations[a]).map { (activation: a, reported: $0) }
        }
        let shared = pairs.map(\.activation)
        let ours = (
            lambda: RankOrder.ranks(shared.map { ranking.lambda.mean[ranking.ranked, $0] }),
            loss: RankOrder.ranks(shared.map { ranking.finalLossMean[$0] }))
        let quoted = pairs.map(\.reported)
        let theirs = (lambda: RankOrder.ranks(quoted.map(\.lambda)), loss: RankOrder.ranks(quoted.map(\.loss)))
        let header = ["activation", "λ (source, quoted)", "λ ours: \(SeriesNames.readable(ranking.rankSeries)) (\(ranking.seriesUnits[ranking.ranked]))",
                      "final loss (source, quoted)", "final loss ours", "rank λ source / ours", "rank loss source / ours", "verdict"]
        let rows = ranking.activations.indices.map { a -> [String] in
            let reported = SourceValues.value(source.table1, ranking.activations[a])
            var row = [ranking.activations[a], reported.map { ReportNumber.quoted($0.lambda) } ?? "not reported"]
            row.append(PaperText.withInterval(ranking.lambda.mean[ranking.ranked, a], ranking.lambda.tLow[ranking.ranked, a], ranking.lambda.tHigh[ranking.ranked, a]))
            row += [
                reported.map { ReportNumber.quoted($0.loss) } ?? "not reported",
                PaperText.withInterval(ranking.finalLossMean[a], ranking.finalLossLow[a], ranking.finalLossHigh[a]),
            ]
            guard let reported, let position = shared.firstIndex(of: a) else {
                return row + ["—", "—", "no source value"]
            }
            let rank = { (value: Double) in ReportNumber.whole(value) }
            row += [
                "\(rank(theirs.lambda[position])) / \(rank(ours.lambda[position]))",
                "\(rank(theirs.loss[position])) / \(rank(ours.loss[position]))",
            ]
            let differences = Table1Agreement.differences(
                quotedLambda: reported.lambda, interval: (ranking.lambda.tLow[ranking.ranked, a], ranking.lambda.tHigh[ranking.ranked, a]),
                sourceRanks: (theirs.lambda[position], theirs.loss[position]), ourRanks: (ours.lambda[position], ours.loss[position]))
            return row + [differences.isEmpty ? "agrees" : "differs: " + differences.map(\.rawValue).joined(separator: ", ")]
        }
        let caption = "The source paper's Table 1 (quoted) beside ours: \(Architecture.name(ranking.width)), "
            + "η = \(ReportNumber.exact(ranking.learningRate)), momentum \(ReportNumber.exact(ranking.momentum)), "
            + "\(ReportNumber.count(ranking.steps)) steps, \(ReportNumber.count(ranking.seedCount)) seeds per activation; "
            + "means with 95 % Student-t intervals. Ranks: 1 = lowest, among the activations both tables share, our λ "
            + "rank from \(SeriesNames.readable(ranking.rankSeries)). A row agrees when the sign of our mean λ is the source's and its interval "
            + "excludes 0, and both ranks equal the source's."
        var table = PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [aggregate.source(ActivationRanking.groupName)])
        table.linkColumn(2, to: aggregate.dataset(ActivationRanking.groupName, "mean")) { [ranking.ranked, $0] }
        table.linkColumn(4, to: aggregate.dataset(ActivationRanking.groupName, "final_loss_mean")) { [$0] }
        return table
    }
}
