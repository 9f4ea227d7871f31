import ReportKit

/// E1 per activation and architecture (SCIENCE.md §2 E1): the η at which the late-window
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

    static func make(_ sweep: LearningRateSweep, _ claim: ChaosClaim, options: FigureOptions, rules: VerdictRules, aggregate: AggregateFile) throws -> PaperTable {
        let late = try sweep.seriesIndex(options.lateSeries)
        let header = ["activation", "network", "η where \(sweep.onsetCondition)", "chaotic cells", "η of chaotic cells",
                      "largest chaotic fraction", "early-only positive cells", "diverged seeds at largest η"]
        var rows: [[String]] = []
        for (a, finding) in claim.findings.enumerated() {
            for (w, width) in sweep.widths.enumerated() {
                let cells = finding.chaoticCells.filter { $0.width == w }.map { sweep.learningRates[$0.learningRate] }
                let fractions = sweep.learningRates.indices.map { sweep.chaoticFraction[a, w, $0] }.filter(\.isFinite)
                rows.append([
                    finding.activation, Architecture.name(width), onsetText(sweep, series: late, activation: a, width: w),
                    ReportNumber.count(cells.count),
                    cells.isEmpty ? "—" : cells.min() == cells.max() ? ReportNumber.significant(cells.min() ?? .nan)
                        : "\(ReportNumber.significant(cells.min() ?? .nan))–\(ReportNumber.significant(cells.max() ?? .nan))",
                    ReportNumber.significant(fractions.max() ?? .nan), ReportNumber.count(finding.transientOnlyCells.filter { $0.width == w }.count),
                    "\(ReportNumber.count(sweep.diverged[a, w, sweep.learningRates.count - 1])) of \(ReportNumber.count(sweep.seedCount))",
                ])
            }
        }
        let caption = "Where training is chaotic (`\(sweep.series[late])`, \(sweep.steps(of: .late))). "
            + "A cell (activation, network, η) is chaotic when the 95 % interval of its late-window λ lies above 0 and at "
            + "least a fraction \(ReportNumber.exact(rules.chaoticFraction)) of its \(ReportNumber.count(sweep.seedCount)) "
            + "seeds is chaotic (late λ > \(ReportNumber.exact(sweep.chaosThreshold)) nats/step and loss not still falling). Early-only positive cells have an early-window λ "
            + "interval above 0 but are not chaotic: the transient while GD leaves the loss plateau."
        return PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [aggregate.source(LearningRateSweep.groupName)])
    }
}
