import ReportKit

/// The four estimators on the same E1 trajectories (ISSUE #4: "estimators 1–4 are
/// compared with each other — estimate, CI over seeds, cost"): per series the mean λ over
/// all cells of the figure's network, the cost per estimate in gradient-equivalent
/// evaluations (deterministic, unlike wall time), and the per-seed agreement with the
/// tangent-space reference of the same window.
enum EstimatorComparisonTable {
    static func make(_ sweep: LearningRateSweep, aggregate: AggregateFile) -> PaperTable {
        let header = ["series", "unit", "cost per estimate (gradient evaluations)", "median |Δλ| vs tangent (nats/step)",
                      "median relative |Δλ|", "same sign as tangent"]
        let rows = sweep.series.indices.map { s -> [String] in
            [SeriesNames.readable(sweep.series[s]), sweep.seriesUnits[s],
             s < sweep.seriesCost.count ? ReportNumber.count(sweep.seriesCost[s]) : ReportNumber.missing,
             ReportNumber.significant(sweep.agreement[s, 0]), ReportNumber.significant(sweep.agreement[s, 1]),
             ReportNumber.significant(sweep.agreement[s, 2])]
        }
        let caption = "The estimators compared on the same E1 trajectories (all activations, networks and η, "
            + "\(sweep.seedsPerCell) per cell). Differences are taken per seed against the "
            + "tangent-space estimate of the same window (for the divergence fit: the early window), in nats/step "
            + "(bits × ln 2), over the seeds whose tangent |λ| exceeds \(ReportNumber.exact(sweep.chaosThreshold)) nats/step. "
            + "Cost: gradient-equivalent evaluations per estimate (a Hessian–vector product counts as two), for the hybrid "
            + "and divergence-fit estimators the neighbour and replica training they need."
        var table = PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [aggregate.source(LearningRateSweep.groupName)])
        for measure in 0..<3 {
            table.linkColumn(3 + measure, to: aggregate.dataset(LearningRateSweep.groupName, "agreement")) { [$0, measure] }
        }
        return table
    }
}
