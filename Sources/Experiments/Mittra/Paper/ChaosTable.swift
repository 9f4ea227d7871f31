import ReportKit

/// E1 per activation and architecture (docs/PROTOCOL.md §2 E1): the η at which the late-window
/// mean λ turns positive, the cells that are chaotic by the claim-1 rule, and the cells
/// whose early-window λ alone is positive (the plateau-escape transient, not chaos).
enum ChaosTable {
    static func onsetText(_ sweep: LearningRateSweep, series s: Int, activation a: Int, width w: Int) -> String {
        let (rate, kind) = sweep.onset(series: s, activation: a, width: w)
        switch kind {
        case .crossing?: return "η ≈ \(ReportNumber.significant(rate))"
        case .alwaysPositive?: return "already at the smallest η"
        case .neverPositive?: return "never on the grid"
        case .onlyDownward?: return "no upward crossing"
        case nil: return ReportNumber.missing
        }
    }

    /// "k/n [low, high]": the chaotic seeds of cell (a, w, e) with their Wilson interval.
    static func fractionText(_ sweep: LearningRateSweep, _ a: Int, _ w: Int, _ e: Int) -> String {
        let chaos = sweep.chaos
        return "\(ReportNumber.count(chaos.count[a, w, e]))/\(ReportNumber.count(chaos.trials[a, w, e])) "
            + "[\(ReportNumber.significant(chaos.wilsonLow[a, w, e], digits: 2)), \(ReportNumber.significant(chaos.wilsonHigh[a, w, e], digits: 2))]"
    }

    static func make(_ sweep: LearningRateSweep, _ claim: ChaosClaim, options: FigureOptions, rules: VerdictRules, aggregate: AggregateFile) throws -> PaperTable {
        let late = try sweep.seriesIndex(options.lateSeries)
        let header = ["activation", "network", "first η with \(sweep.onsetCondition)", "chaotic cells",
                      "onset η (chaotic cells, claim-1 rule)", "most chaotic cell: chaotic seeds [95 % Wilson]",
                      "chaotic cells by the alternative rule",
                      "early-only positive cells", "diverged seeds at largest η"]
        func range(_ cells: [Double]) -> String {
            cells.isEmpty ? "—" : cells.min() == cells.max() ? ReportNumber.significant(cells.min() ?? .nan)
                : "\(ReportNumber.significant(cells.min() ?? .nan))–\(ReportNumber.significant(cells.max() ?? .nan))"
        }
        var rows: [[String]] = []
        for (a, finding) in claim.findings.enumerated() {
            for (w, width) in sweep.widths.enumerated() {
                let cells = finding.chaoticCells.filter { $0.width == w }.map { sweep.learningRates[$0.learningRate] }
                let most = sweep.learningRates.indices.filter { sweep.chaos.wilsonLow[a, w, $0].isFinite }
                    .max { sweep.chaos.wilsonLow[a, w, $0] < sweep.chaos.wilsonLow[a, w, $1] }
                let last = sweep.learningRates.count - 1
                rows.append([
                    finding.activation, Architecture.name(width), onsetText(sweep, series: late, activation: a, width: w),
                    ReportNumber.count(cells.count), range(cells),
                    most.map { "\(fractionText(sweep, a, w, $0)) at η ≈ \(ReportNumber.significant(sweep.learningRates[$0], digits: 3))" }
                        ?? ReportNumber.missing,
                    ReportNumber.count(finding.firstRunChaoticCells.filter { $0.width == w }.count),
                    ReportNumber.count(finding.transientOnlyCells.filter { $0.width == w }.count),
                    "\(ReportNumber.count(sweep.diverged[a, w, last])) of \(ReportNumber.count(sweep.chaos.trials[a, w, last]))",
                ])
            }
        }
        let caption = "Where training is chaotic (\(SeriesNames.readable(sweep.series[late])), \(sweep.steps(of: .late))). "
            + "A seed is chaotic when its late λ exceeds \(ReportNumber.exact(sweep.chaosThreshold)) nats/step and its loss "
            + "is not still falling (trend test); a cell (activation, network, η) is chaotic when the lower end of the 95 % "
            + "Wilson interval of its fraction of chaotic seeds exceeds \(ReportNumber.exact(rules.chaoticFractionLowerBound)). "
            + "The onset η column lists the η of the chaotic cells (— where there are none). The first η with "
            + "\(sweep.onsetCondition) is where the lower end of the 95 % t interval of the mean late λ first exceeds "
            + "\(ReportNumber.exact(sweep.chaosThreshold)) nats/step: a positive mean, not chaos by the claim-1 rule. "
            + "The alternative rule (a cell is chaotic when the t interval of its mean late λ lies above 0 and "
            + "at least a fraction \(ReportNumber.exact(rules.chaoticFraction)) of its seeds have a late λ above the threshold "
            + "and a loss not lower at the window's end than at its start) is counted beside it. "
            + "Early-only positive cells have an early-window λ interval above 0 but are not chaotic: the transient while GD "
            + "leaves the loss plateau."
        let folded = ConstantColumns.fold(MarkdownTable(header: header, rows: rows), candidates: Array(2..<header.count))
        var table = PaperTable(caption: caption + folded.sentence, table: folded.table, sources: [aggregate.source(LearningRateSweep.groupName)])
        // The numbers of each row (activation a, network w) link to their element of the sweep.
        let widths = sweep.widths.count, last = sweep.learningRates.count - 1
        let links: [(column: Int, dataset: String, index: (Int, Int) -> [Int])] = [
            (2, "onset_lr", { [late, $0, $1] }), (3, "chaotic_wilson_low", { [$0, $1] }), (5, "chaotic_wilson_low", { [$0, $1] }),
            (8, "diverged", { [$0, $1, last] }),
        ]
        for link in links {
            guard let column = folded.table.header.firstIndex(of: header[link.column]) else { continue }
            for row in folded.table.rows.indices where !["—", ReportNumber.missing].contains(folded.table.rows[row][column]) {
                table.linkCell(row: row, column: column, to: .computed(
                    aggregate.dataset(LearningRateSweep.groupName, link.dataset), index: link.index(row / widths, row % widths)))
            }
        }
        return table
    }
}
