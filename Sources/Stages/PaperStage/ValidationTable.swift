import ReportKit

/// The estimators against systems with known exponents (docs/PROTOCOL.md §1, "Validation"),
/// one row per check as `data/validation.h5` stores it.
enum ValidationTable {
    static func make(_ validation: EstimatorValidation, validationPath: String, sha256: String) -> PaperTable {
        let header = ["system", "estimator", "exponent", "estimate", "reference", "|error|", "SE", "target",
                      "outcome", "first rule: tolerance, outcome"]
        // The layout does not fix whether `index` counts from 0 or 1; the largest exponent
        // is always present, so the smallest index stored is λ₁.
        let first = validation.rows.map(\.index).min() ?? 0
        let rows = validation.rows.map { row in
            [
                row.system, row.estimator, "λ\(subscriptDigits(row.index - first + 1))", ReportNumber.significant(row.estimate, digits: 6),
                ReportNumber.significant(row.reference, digits: 6), ReportNumber.significant(row.absoluteError),
                ReportNumber.significant(row.standardError), ReportNumber.significant(row.target),
                outcomeText(row), "\(ReportNumber.significant(row.firstRuleTolerance)), \(row.firstRulePassed ? "passed" : "failed")",
            ]
        }
        let number = { (outcome: ValidationOutcome) in validation.rows.filter { $0.outcome == outcome }.count }
        let count = { (outcome: ValidationOutcome) in ReportNumber.count(number(outcome)) }
        let caption = "Every estimator on systems with known Lyapunov exponents: \(count(.passed)) of "
            + "\(ReportNumber.count(validation.rows.count)) checks pass, \(count(.biasedByConstruction)) "
            + "\(number(.biasedByConstruction) == 1 ? "is" : "are") biased by construction, \(count(.failed)) "
            + "\(number(.failed) == 1 ? "fails" : "fail"). A check passes when its status is ok and |estimate − reference| is within "
            + "its target, which theory fixes rather than the errors it judges: \(ReportNumber.significant(validation.criticalValue, digits: 3)) "
            + "standard errors of the estimate (batch means over 20 batches of the run, or over 20 groups of replicas for the "
            + "divergence fit; the multiple is Student's t quantile with 19 degrees of freedom at the two-sided level 0.05 "
            + "divided by the number of checks), plus half a unit of the reference's last published digit, plus a round-off "
            + "allowance of \(ReportNumber.significant(validation.roundOffAllowance)); on the linear map (GD on a quadratic), where "
            + "the estimators are exact up to round-off, the allowance alone. The hybrid estimator of the source's Eq. 4 draws "
            + "fresh neighbours at every reference time, so on a map of two or more dimensions they are not aligned with the "
            + "most expanding direction and it is biased by construction: those checks show their error, and on the linear "
            + "map the bias theory predicts, instead of an outcome. The first rule, replaced by this one, gave every check a "
            + "fixed tolerance (the protocol's relative target for tangent and Benettin; for the hybrid estimator and the "
            + "divergence fit twice the largest error measured over other seeds, a measured rather than derived bound); its "
            + "tolerance and outcome stand beside the new ones. SE: standard error. Units: " + units(validation)
            + ". Estimates and references to 6 significant digits."
        var table = PaperTable(
            caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [PaperTable.Source(path: validationPath, part: "/validation")])
        linkNumbers(&table, validation, validationPath: validationPath, sha256: sha256)
        return table
    }

    /// "nats/step (system, …), nats/time (system)": each unit with the systems measured in it.
    static func units(_ validation: EstimatorValidation) -> String {
        var systems: [(unit: String, names: [String])] = []
        for row in validation.rows {
            if let at = systems.firstIndex(where: { $0.unit == row.unit }) {
                if !systems[at].names.contains(row.system) { systems[at].names.append(row.system) }
            } else {
                systems.append((row.unit, [row.system]))
            }
        }
        return systems.map { "\($0.unit) (\($0.names.joined(separator: "; ")))" }.joined(separator: ", ")
    }

    /// The outcome cell: the outcome (with the estimator's status when it is not ok), and for a
    /// biased check its predicted bias where theory gives one.
    static func outcomeText(_ row: EstimatorValidation.Row) -> String {
        if row.status != "ok" { return "\(row.outcome.rawValue) (status \(row.status))" }
        guard row.outcome == .biasedByConstruction else { return row.outcome.rawValue }
        guard row.predictedBias.isFinite else { return "biased by construction (size not derived)" }
        return "biased by construction (predicted bias \(ReportNumber.significant(row.predictedBias)), "
            + "error \(ReportNumber.significant(row.estimate - row.reference)))"
    }

    /// Links every number of the table to its element of `/validation` (row r ↔ element r):
    /// the exponent's index, estimate, reference, |error| (from estimate and reference), standard
    /// error, target and the first rule's tolerance.
    static func linkNumbers(_ table: inout PaperTable, _ validation: EstimatorValidation, validationPath: String, sha256: String) {
        let dataset = { (name: String) in PaperTable.Source(path: validationPath, part: "/validation/\(name)", sha256: sha256) }
        let element = { (row: Int) -> [Int]? in [row] }
        table.linkColumn(2, to: dataset("index"), index: element)
        table.linkColumn(3, to: dataset("estimate"), index: element)
        table.linkColumn(4, to: dataset("reference"), index: element)
        table.linkColumn(5, to: PaperTable.Source(path: validationPath, part: "/validation/estimate, /validation/reference", sha256: sha256), index: element)
        table.linkColumn(6, to: dataset("standard_error"), index: element)
        table.linkColumn(7, to: dataset("target"), index: element)
        table.linkColumn(9, to: dataset("first_rule_tolerance"), index: element)
    }

    /// λ₁, λ₂ … for spectrum indices.
    static func subscriptDigits(_ value: Int) -> String {
        let glyphs: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
        return String(String(value).map { glyphs[$0] ?? $0 })
    }
}
