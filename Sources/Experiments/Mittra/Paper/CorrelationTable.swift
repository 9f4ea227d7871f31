import ReportKit

/// E3's correlations between λ and final loss (docs/PROTOCOL.md §2 E3): per activation and
/// filter, Pearson r and Spearman ρ with p-values and bootstrap intervals, the fitted
/// slope, and the claim-3 rule on the filtered set.
enum CorrelationTable {
    static func make(_ study: InitialWeightStudy, _ claim: InitialWeightClaim, aggregate: AggregateFile) -> PaperTable {
        let header = ["activation", "starts", "n", "Pearson r [95% bootstrap CI]", "p (r)", "Spearman ρ [95% bootstrap CI]",
                      "p (ρ)", "partial r given initial loss", "p (partial)", "slope ± s.e.", "claim 3 rule"]
        var rows: [[String]] = []
        for a in study.activations.indices {
            for f in study.filters.indices {
                let r = study.pearson(activation: a, filter: f)
                let rho = study.spearman(activation: a, filter: f)
                let partial = study.partial(activation: a, filter: f)
                let slope = study.fit[a, f, 1]
                let error = study.fit[a, f, 2]
                rows.append([
                    study.activations[a], study.filters[f], ReportNumber.whole(r.count),
                    "\(ReportNumber.significant(r.coefficient)) \(ReportNumber.interval(r.bootLow, r.bootHigh))",
                    ReportNumber.pValueFigure(r.pValue),
                    "\(ReportNumber.significant(rho.coefficient)) \(ReportNumber.interval(rho.bootLow, rho.bootHigh))",
                    ReportNumber.pValueFigure(rho.pValue),
                    ReportNumber.significant(partial.coefficient), ReportNumber.pValueFigure(partial.pValue),
                    "\(ReportNumber.significant(slope)) ± \(ReportNumber.significant(error))",
                    f == InitialWeightStudy.iqrFiltered
                        ? (claim.holds[a] ? "holds" : "does not hold") + (claim.representing.contains(study.activations[a]) ? "" : " (not counted: cannot represent XOR)")
                        : "—",
                ])
            }
        }
        let caption = "Correlation between λ (\(SeriesNames.readable(study.series)), \(study.unit)) at the start and the final loss, per "
            + "activation, over all starts and over the starts whose initial loss lies in the inter-quartile range. "
            + "Partial r: the Pearson r of λ and final loss after the linear effect of the initial loss is removed from "
            + "both (t-test on n − 3 degrees of freedom, no bootstrap). "
            + "Slope: least-squares slope of final loss on λ with its standard error."
        var table = PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [aggregate.source(InitialWeightStudy.groupName)])
        // Row a·F + f holds activation a and filter f; each correlation dataset stores
        // [activation, filter, (coefficient, p, boot low, boot high, n)].
        let cell = { (row: Int, element: Int) in [row / study.filters.count, row % study.filters.count, element] }
        let group = InitialWeightStudy.groupName
        table.linkColumn(2, to: aggregate.dataset(group, "pearson")) { cell($0, 4) }
        for (column, name, element) in [(3, "pearson", 0), (4, "pearson", 1), (5, "spearman", 0), (6, "spearman", 1),
                                         (7, "partial", 0), (8, "partial", 1), (9, "fit", 1)] {
            table.linkColumn(column, to: aggregate.dataset(group, name)) { cell($0, element) }
        }
        return table
    }
}
