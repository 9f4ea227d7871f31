import ReportKit

/// E2's mean λ of every estimator series per activation with 95% t intervals
/// (docs/PROTOCOL.md §2 E2: "mean λ … with 95% CIs"; §5: estimators cross-checked), one row
/// per series so that the table stays narrow however many series there are.
enum E2SeriesTable {
    static func make(_ ranking: ActivationRanking, aggregate: AggregateFile) -> PaperTable {
        let header = ["series", "unit"] + ranking.activations
        let rows = ranking.series.indices.map { s in
            [SeriesNames.readable(ranking.series[s]), ranking.seriesUnits[s]] + ranking.activations.indices.map { a in
                PaperText.withInterval(ranking.lambda.mean[s, a], ranking.lambda.tLow[s, a], ranking.lambda.tHigh[s, a])
            }
        }
        let caption = "Mean λ per activation in E2 (\(Architecture.name(ranking.width)), η = "
            + "\(ReportNumber.exact(ranking.learningRate)), \(ReportNumber.count(ranking.seedCount)) seeds) for every "
            + "estimator series, with 95 % Student-t intervals. The series ranked against the final loss is the \(SeriesNames.readable(ranking.rankSeries))."
        var table = PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [aggregate.source(ActivationRanking.groupName)])
        for a in ranking.activations.indices {
            table.linkColumn(2 + a, to: aggregate.dataset(ActivationRanking.groupName, "mean")) { [$0, a] }
        }
        return table
    }
}
