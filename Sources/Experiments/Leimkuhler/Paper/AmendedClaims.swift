import ReportKit

/// The section's five claims under the amended rules (docs/PROTOCOL.md §4, issue #20:
/// ``AmendedVerdict``), each of AdLaLa against SGD and Adam at their best rates, with the
/// evidence of every compared method; the old rules' verdicts stay beside them, labelled.
extension LeimkuhlerSection {
    /// The rows the claims compare: the baselines (SGD and Adam at their best rates) and the
    /// methods (every other row that is no control and no other rate of SGD's or Adam's grid).
    struct ClaimRows {
        var baselines: [Int], methods: [Int]

        init(_ r: LeimkuhlerResults) {
            baselines = [r.bestSGD, r.bestAdam].filter { $0 >= 0 }
            methods = r.labels.indices.filter { o in
                !r.isControlRow(o) && !["gd", "adam"].contains(r.optimizers[o])
            }
        }
    }

    /// The rule of each amended claim, in words, for `thresholds`.
    static func amendedRules(_ t: VerdictThresholds) -> [String] {
        let alpha = ReportNumber.exact(t.significanceLevel), level = ReportNumber.exact(100 * (1 - t.significanceLevel))
        return [
            "Per seed, AdLaLa reaches the common target — \(ReportNumber.exact(t.targetFraction)) × the lower of the two methods' best median-over-seeds test accuracies, so both reach it — at an earlier evaluation epoch than SGD at its best rate and than Adam at its best rate, paired by seed (seed s of every method trains on data draw s), by the exact one-sided sign test at α = \(alpha) (a seed that never reaches the target is later than any that does; ties take no part)",
            "The 95 % Student-t interval of AdLaLa's mean test accuracy at the last epoch lies wholly above the intervals of SGD and of Adam at their best rates (unchanged)",
            "The variance over seeds of AdLaLa's final test accuracy is smaller than that of SGD and of Adam at their best rates by the one-sided F-test of the variance ratio at α = \(alpha)",
            "Every tensor of AdLaLa has its kinetic temperature pᵀp/N (mean over seeds and over the second half of training, measured at the end of each recorded step) within a factor \(ReportNumber.exact(t.equipartitionTolerance)) of its target τ",
            "The \(level) % Student-t interval of the mean paired difference (AdLaLa − baseline, paired by seed) of the gap between training-set and test accuracy at the last epoch lies wholly below zero, against SGD and against Adam at their best rates",
        ]
    }

    /// The old rules of claims 1 and 3, kept beside the amended ones with the reason of the amendment.
    static func oldRules(_ r: LeimkuhlerResults) -> [String] {
        [
            "Old rule (amended, issue #20: in the first runs neither SGD nor Adam reached its target, so it repeated \"more accurate\"): AdLaLa's mean test accuracy first reaches \(pct(r.targetAccuracy)) % at an earlier evaluation epoch than that of SGD at its best rate and of Adam (a baseline that never reaches it counts as slower)",
            "Old rule (amended, issue #20: two standard deviations of 10 seeds compared as point values cannot tell noise from a difference): the standard deviation over seeds of AdLaLa's final test accuracy is smaller than that of SGD at its best rate and that of Adam",
        ]
    }

    /// Values, verdicts and tables of the five claims.
    static func amendedClaims(
        _ r: LeimkuhlerResults, thresholds t: VerdictThresholds, aggregate: PaperTable.Source
    ) -> (values: [String: String], verdicts: [String: String], tables: [String: PaperTable]) {
        let rows = ClaimRows(r)
        let headlineRow = r.optimizers.indices.first { r.optimizers[$0] == headline && !r.isControlRow($0) }
        var values: [String: String] = [:], verdicts: [String: String] = [:]
        let compare = { (m: Int, b: Int) in AmendedVerdict.compare(r, method: m, baseline: b, thresholds: t) }
        let rules = amendedRules(t)
        for (i, rule) in rules.enumerated() {
            let key = "leimkuhler.claim\(i + 1)"
            var verdict = "not tested (no AdLaLa runs)"
            if let h = headlineRow {
                if i == 3 {
                    let e = AmendedVerdict.equipartitionHolds(r, h, tolerance: t.equipartitionTolerance)
                    verdict = e.total == 0 ? "not tested (no temperatures)" : e.held == e.total ? "reproduced" : e.held > 0 ? "partly reproduced" : "not reproduced"
                } else {
                    let held = rows.baselines.filter { b in
                        let c = compare(h, b)
                        return [c.faster.faster, c.moreAccurate, c.robust.moreRobust, false, c.gap.lessOverfitting][i]
                    }.count
                    verdict = self.verdict(held: held, total: rows.baselines.count)
                }
            }
            verdicts[key] = verdict
            values[key + ".verdict"] = verdict
            values[key + ".rule"] = rule
        }
        // The old rules of claims 1 and 3, labelled.
        let old = { (m: Int) in
            OptimizerVerdict.Evidence(
                epochsToTarget: EpochsToAccuracy.first(epochs: r.epochs, meanAccuracy: r.curve("test_accuracy_mean", m), target: r.targetAccuracy),
                finalAccuracy: SeedBand(r.finalTestAccuracy.line(m)))
        }
        for (claim, rule) in zip([1, 3], oldRules(r)) {
            let key = "leimkuhler.claim\(claim).old"
            let held = headlineRow.map { h in
                rows.baselines.filter { b in
                    let o = OptimizerVerdict.compare(old(h), against: [old(b)])
                    return claim == 1 ? o.faster : o.moreRobust
                }.count
            }
            values[key + ".rule"] = rule
            values[key + ".verdict"] = held.map { verdict(held: $0, total: rows.baselines.count) } ?? "not tested (no AdLaLa runs)"
        }
        let baselineNames = rows.baselines.map { r.labels[$0] }
        let yes = { (b: Bool) in b ? "yes" : "no" }
        let p = ReportNumber.pValue
        let tableRows: [[String]] = (rows.baselines + rows.methods).map { m in
            let isBaseline = rows.baselines.contains(m)
            let against = { (text: (AmendedVerdict.Comparison, Int) -> String) in
                isBaseline ? "baseline" : rows.baselines.map { b in "vs " + shortName(r, b) + ": " + text(compare(m, b), b) }.joined(separator: "; ")
            }
            let oldEvidence = old(m)
            let oldAnswers = isBaseline ? ["baseline", "baseline"] : {
                let o = OptimizerVerdict.compare(oldEvidence, against: rows.baselines.map(old))
                return [yes(o.faster), yes(o.moreRobust)]
            }()
            return [
                r.labels[m],
                against { c, b in
                    let median = { (o: Int) in TimeToTarget.medianEpochs(AmendedVerdict.epochsToTarget(r, o, target: c.target)).map(ReportNumber.exact) ?? "never" }
                    return "\(yes(c.faster.faster)) (target \(pct(c.target)) %, median \(median(m)) vs \(median(b)) epochs, \(c.faster.wins)–\(c.faster.losses), \(p(c.faster.pValue)))"
                },
                against { c, _ in yes(c.moreAccurate) },
                ReportNumber.significant(100 * SeedBand(r.finalTestAccuracy.line(m)).standardDeviation, digits: 3),
                against { c, _ in "\(yes(c.robust.moreRobust)) (SD ratio \(ReportNumber.significant(c.robust.standardDeviationRatio, digits: 2)), \(p(c.robust.pValue)))" },
                against { c, _ in "\(yes(c.gap.lessOverfitting)) (\(PaperText.withInterval(100 * c.gap.meanDifference, 100 * c.gap.low, 100 * c.gap.high)) pp)" },
                oldEvidence.epochsToTarget.map(ReportNumber.exact) ?? "never",
            ] + oldAnswers
        }
        var table = PaperTable(
            caption: "The five claims' rules applied to every method against \(PaperText.list(baselineNames)) (the baselines, at their best rates by the same rule). Faster: amended rule, the pair's common target, the median epochs to it (method vs baseline; never: the median seed does not reach it), the sign test's wins–losses over paired seeds and its one-sided p; more robust: amended rule, the ratio of the SDs (method ÷ baseline) and the one-sided F-test's p; overfitting: the mean paired difference of the last-epoch train–test gap (method − baseline) with its \(ReportNumber.exact(100 * (1 - t.significanceLevel))) % t interval, percentage points. The last three columns are the old rules of claims 1 and 3, kept for comparison (epochs to \(pct(r.targetAccuracy)) % of the mean curve).",
            table: MarkdownTable(
                header: ["optimizer", "faster", "more accurate", "final SD (pp)", "more robust", "less overfitting",
                         "old: epochs to \(pct(r.targetAccuracy)) %", "old: faster", "old: more robust"],
                rows: tableRows),
            sources: [aggregate])
        // Each cell with numbers links to the row of the dataset they are computed from.
        let columns = [(1, "test_accuracy_per_seed"), (2, "final_test_accuracy"), (3, "final_test_accuracy"), (4, "final_test_accuracy"),
                       (5, "final_gap"), (6, "test_accuracy_mean")]
        for (row, o) in (rows.baselines + rows.methods).enumerated() {
            for (column, dataset) in columns where table.table.rows[row][column] != "baseline" {
                table.linkCell(row: row, column: column, to: .computed(
                    PaperTable.Source(path: aggregate.path, part: "/optimizers/" + dataset, sha256: aggregate.sha256), index: [o]))
            }
        }
        return (values, verdicts, ["leimkuhler.claims": table])
    }

    /// A baseline's short name in a comparison cell: its optimizer's name without the rate.
    static func shortName(_ r: LeimkuhlerResults, _ o: Int) -> String {
        LeimkuhlerAggregation.label(optimizer: r.optimizers[o], learningRate: r.learningRates[o], ofGrid: false)
    }
}
