import ReportKit

/// Claim 1 over the sensitivity grid (``LearningRateSweep/ChaosSensitivity``): for each chaos
/// threshold and trend-test window, the activations with a chaotic regime and the verdict,
/// and whether the verdict is the same across the grid.
enum SensitivityTable {
    /// One row per (threshold, window): threshold, window, activations, verdict.
    static func rows(_ sweep: LearningRateSweep, rules: VerdictRules) -> [(threshold: Double, window: String, chaotic: [String], verdict: Verdict)] {
        let grid = sweep.chaos.sensitivity
        var rows: [(threshold: Double, window: String, chaotic: [String], verdict: Verdict)] = []
        for (t, threshold) in grid.thresholds.enumerated() {
            for (v, window) in grid.windows.enumerated() {
                let (verdict, chaotic) = ChaosClaim.decide(sweep, rules: rules) { a, w, e in grid.wilsonLow[t, v, a, w, e] }
                rows.append((threshold, window, chaotic, verdict))
            }
        }
        return rows
    }

    /// "holds across the grid" or "changes across the grid (…)".
    static func summary(_ sweep: LearningRateSweep, _ claim: ChaosClaim, rules: VerdictRules) -> String {
        let verdicts = Set(rows(sweep, rules: rules).map(\.verdict.rawValue))
        if verdicts == [claim.verdict.rawValue] { return "is the same (\(claim.verdict.rawValue)) for every choice of the grid" }
        return "changes across the grid (\(PaperText.list(verdicts.sorted())))"
    }

    static func make(_ sweep: LearningRateSweep, _ claim: ChaosClaim, rules: VerdictRules, aggregate: AggregateFile) -> PaperTable {
        let body = rows(sweep, rules: rules).map { row in
            [ReportNumber.exact(row.threshold), row.window, PaperText.list(row.chaotic), row.verdict.rawValue,
             row.verdict == claim.verdict ? "yes" : "no"]
        }
        let caption = "Claim 1 under other choices: the λ threshold above which a seed can be chaotic (nats/step) and the "
            + "window of the \"still falling\" trend test, all else as in the claim-1 rule (lower 95 % Wilson bound of the "
            + "chaotic fraction above \(ReportNumber.exact(rules.chaoticFractionLowerBound)) in some cell). The verdict "
            + "\(summary(sweep, claim, rules: rules))."
        return PaperTable(
            caption: caption,
            table: MarkdownTable(header: ["chaos threshold", "trend window", "activations with a chaotic regime", "claim 1", "same verdict"], rows: body),
            sources: [aggregate.source(LearningRateSweep.groupName)])
    }
}
