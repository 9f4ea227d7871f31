import ReportKit

/// The estimators against systems with known exponents (docs/PROTOCOL.md §1, "Validation"),
/// one row per check as `data/validation.h5` stores it.
enum ValidationTable {
    static func make(_ validation: EstimatorValidation, validationPath: String) -> PaperTable {
        let header = ["system", "estimator", "exponent", "estimate", "reference", "|error|", "target", "tolerance in file",
                      "unit", "outcome", "status"]
        // The layout does not fix whether `index` counts from 0 or 1; the largest exponent
        // is always present, so the smallest index stored is λ₁.
        let first = validation.rows.map(\.index).min() ?? 0
        let rows = validation.rows.map { row in
            [
                row.system, row.estimator, "λ\(subscriptDigits(row.index - first + 1))", ReportNumber.significant(row.estimate, digits: 6),
                ReportNumber.significant(row.reference, digits: 6), ReportNumber.significant(abs(row.estimate - row.reference)),
                ReportNumber.significant(ValidationOutcome.target(of: row)), ReportNumber.significant(row.tolerance), row.unit,
                ValidationOutcome.of(row).rawValue, row.status,
            ]
        }
        let outcomes = validation.rows.map(ValidationOutcome.of)
        let count = { (outcome: ValidationOutcome) in ReportNumber.count(outcomes.filter { $0 == outcome }.count) }
        let caption = "Every estimator on systems with known Lyapunov exponents: \(count(.passed)) of "
            + "\(ReportNumber.count(validation.rows.count)) checks pass, \(count(.biasedByConstruction)) are biased by "
            + "construction, \(count(.failed)) fail. A check passes when |estimate − reference| is within its target: "
            + "\(ReportNumber.significant(ValidationOutcome.linearMapTarget)) on the linear map (GD on a quadratic, exact exponent) "
            + "for every estimator, from theory; elsewhere the tolerance stored with the check, which for tangent and Benettin is "
            + "the protocol's relative target and for the hybrid estimator and the divergence fit twice the largest error "
            + "measured over other seeds, a measured rather than derived bound. The hybrid estimator of the source's Eq. 4 "
            + "draws fresh neighbours at every reference time, so on a map whose directions expand at different rates it is "
            + "biased by construction; its stored tolerance there is twice that predicted bias, and a check beyond the target "
            + "but within it is reported as biased by construction, a property of the estimator, not as passed. Estimates "
            + "and references to 6 significant digits."
        return PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [PaperTable.Source(path: validationPath, part: "/validation")])
    }

    /// λ₁, λ₂ … for spectrum indices.
    static func subscriptDigits(_ value: Int) -> String {
        let glyphs: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
        return String(String(value).map { glyphs[$0] ?? $0 })
    }
}
