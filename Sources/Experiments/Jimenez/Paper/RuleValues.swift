import Foundation
import ReportKit

/// The placeholders that state the section's rules — the first rule and the amended rule of
/// docs/PROTOCOL.md §3.6 — with their numbers read from the results (`/verdicts`).
enum RuleValues {
    /// The row of the first rule, and of the primary amended rule (refined grid).
    static func rows(_ verdicts: JimenezResults.Verdicts) throws -> (first: Int, amended: Int?, second: Int?, amendedSource: Int?) {
        guard let first = verdicts.rules.firstIndex(of: "first rule") else {
            throw JimenezAnalysisError.invalidParameter(name: "/verdicts/rules", value: verdicts.rules.joined(separator: ", "), requirement: "it must hold the first rule")
        }
        let amended = verdicts.rules.indices.filter { verdicts.rules[$0] == "amended rule" }
        let refined = amended.filter { verdicts.grids[$0] == "refined grid" }
        let source = amended.filter { verdicts.grids[$0] == "source grid" }
        return (first, refined.first, refined.dropFirst().first, source.first)
    }

    static func values(_ results: JimenezResults) throws -> [String: String] {
        let v = results.amended.verdicts
        let (first, amended, second, _) = try rows(v)
        let level = ReportNumber.exact(results.bootstrap.level * 100)
        let k = ReportNumber.count(Int(v.toleranceValues[first]))
        var values = [
            "jimenez.rule.first": "The onset η is the smallest grid η whose median λ (\(SeriesNames.readable(v.series[first]))) is positive "
                + "with a \(level) % bootstrap interval that excludes zero. With Δ the argmin of the median τ minus the onset, in grid steps, "
                + "and [L, U] its \(level) % paired-bootstrap interval over initialisations, the claim is *reproduced* when |Δ| ≤ \(k) and "
                + "[L, U] lies inside [−\(k), \(k)]; *not reproduced* when [L, U] and [−\(k), \(k)] are disjoint; *inconclusive* otherwise, "
                + "and also when there is no onset, no η whose median τ reaches the target, or too many resamples lack either for an interval.",
            "jimenez.grid.source-count": ReportNumber.count(v.sourceGrid.count),
            "jimenez.grid.added": PaperText.list(results.sweep.learningRates.filter { !v.sourceGrid.contains($0) }.map(ReportNumber.exact)),
            "jimenez.grid.added-count": ReportNumber.count(results.sweep.learningRates.count - v.sourceGrid.count),
        ]
        // The refined range: the source-grid points just below and above the added ones.
        let added = results.sweep.learningRates.filter { !v.sourceGrid.contains($0) }
        let low = added.min().flatMap { a in v.sourceGrid.last { $0 < a } }, high = added.max().flatMap { a in v.sourceGrid.first { $0 > a } }
        values["jimenez.lr.refined.low"] = low.map(ReportNumber.exact) ?? "none"
        values["jimenez.lr.refined.high"] = high.map(ReportNumber.exact) ?? "none"
        guard let amended else {
            for key in ["floor", "tolerance", "tolerance.log", "primary-series", "second-series", "first-series", "margin"] {
                values["jimenez.amended.\(key)"] = "not stated (this run has no amended rule)"
            }
            return values
        }
        let ratio = v.toleranceValues[amended]
        values["jimenez.amended.floor"] = ReportNumber.exact(v.floors[amended])
        values["jimenez.amended.tolerance"] = ReportNumber.exact(ratio)
        values["jimenez.amended.tolerance.log"] = ReportNumber.significant(log(ratio), digits: 2)
        values["jimenez.amended.primary-series"] = SeriesNames.readable(v.series[amended])
        values["jimenez.amended.second-series"] = second.map { SeriesNames.readable(v.series[$0]) } ?? "none"
        values["jimenez.amended.first-series"] = SeriesNames.readable(v.series[first])
        values["jimenez.amended.margin"] = margin(v, row: amended)
        return values
    }

    /// How far the amended rule's interval of Δ lies from its tolerance ±ln r: a verdict whose
    /// interval ends exactly at the tolerance (an argmin one factor r from the onset, which
    /// the rule counts as inside) is said to be reproduced at the edge of its rule.
    static func margin(_ v: JimenezResults.Verdicts, row: Int) -> String {
        let tolerance = log(v.toleranceValues[row])
        let (low, high) = (v.distanceInterval[row, 0], v.distanceInterval[row, 1])
        guard low.isFinite, high.isFinite else { return "The amended rule's interval of Δ is undefined." }
        let margin = tolerance - max(abs(low), abs(high))
        let ratio = ReportNumber.exact(v.toleranceValues[row])
        if abs(margin) <= 1e-9 * tolerance {
            return "The interval of Δ ends exactly at the tolerance ln \(ratio): in some resamples the argmin lies one factor "
                + "\(ratio) from the onset, which the rule counts as at the onset. The verdict, *\(v.verdict[row])*, therefore holds at the "
                + "edge of its rule: an interval one grid point wider would make it inconclusive."
        }
        if margin > 0 {
            return "The interval of Δ lies inside the tolerance ±ln \(ratio) with a margin of \(ReportNumber.significant(margin, digits: 2)) in ln η."
        }
        return "The interval of Δ reaches \(ReportNumber.significant(-margin, digits: 2)) in ln η beyond the tolerance ±ln \(ratio)."
    }
}
