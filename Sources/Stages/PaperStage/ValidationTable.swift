import ReportKit

/// The estimators against systems with known exponents (docs/PROTOCOL.md §1, "Validation"),
/// one row per check as `data/validation.h5` stores it.
enum ValidationTable {
    static func make(_ validation: EstimatorValidation, validationPath: String) -> PaperTable {
        let header = ["system", "estimator", "exponent", "estimate", "reference", "|error|", "tolerance", "unit", "passed", "status"]
        // The layout does not fix whether `index` counts from 0 or 1; the largest exponent
        // is always present, so the smallest index stored is λ₁.
        let first = validation.rows.map(\.index).min() ?? 0
        let rows = validation.rows.map { row in
            [
                row.system, row.estimator, "λ\(subscriptDigits(row.index - first + 1))", ReportNumber.significant(row.estimate, digits: 6),
                ReportNumber.significant(row.reference, digits: 6), ReportNumber.significant(abs(row.estimate - row.reference)),
                ReportNumber.significant(row.tolerance), row.unit, row.passed ? "yes" : "no", row.status,
            ]
        }
        let passed = validation.rows.filter(\.passed).count
        let caption = "Every estimator on systems with known Lyapunov exponents: \(ReportNumber.count(passed)) of "
            + "\(ReportNumber.count(validation.rows.count)) checks pass (|estimate − reference| ≤ tolerance). Estimates "
            + "and references to 6 significant digits."
        return PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [PaperTable.Source(path: validationPath, part: "/validation")])
    }

    /// λ₁, λ₂ … for spectrum indices.
    static func subscriptDigits(_ value: Int) -> String {
        let glyphs: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
        return String(String(value).map { glyphs[$0] ?? $0 })
    }
}
