import ReportKit

/// The estimators against systems with known exponents (docs/PROTOCOL.md §1, "Validation"),
/// one row per check as `data/validation.h5` stores it.
enum ValidationTable {
    static func make(_ validation: EstimatorValidation, validationPath: String, sha256: String) -> PaperTable {
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
        var table = PaperTable(
            caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [PaperTable.Source(path: validationPath, part: "/validation")])
        linkNumbers(&table, validation, validationPath: validationPath, sha256: sha256)
        return table
    }

    /// Links every number of the table to its element of `/validation` (row r ↔ element r):
    /// the exponent's index, estimate, reference, |error| (from estimate and reference) and
    /// the stored tolerance; the target too where it is the stored tolerance (on the linear
    /// map it is the theory constant ``ValidationOutcome/linearMapTarget``, in the caption).
    static func linkNumbers(_ table: inout PaperTable, _ validation: EstimatorValidation, validationPath: String, sha256: String) {
        let dataset = { (name: String) in PaperTable.Source(path: validationPath, part: "/validation/\(name)", sha256: sha256) }
        let element = { (row: Int) -> [Int]? in [row] }
        table.linkColumn(2, to: dataset("index"), index: element)
        table.linkColumn(3, to: dataset("estimate"), index: element)
        table.linkColumn(4, to: dataset("reference"), index: element)
        table.linkColumn(5, to: PaperTable.Source(path: validationPath, part: "/validation/estimate, /validation/reference", sha256: sha256), index: element)
        table.linkColumn(7, to: dataset("tolerance"), index: element)
        for (row, check) in validation.rows.enumerated() where ValidationOutcome.target(of: check) == check.tolerance {
            table.linkCell(row: row, column: 6, to: .computed(dataset("tolerance"), index: [row]))
        }
    }

    /// λ₁, λ₂ … for spectrum indices.
    static func subscriptDigits(_ value: Int) -> String {
        let glyphs: [Character: Character] = ["0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉"]
        return String(String(value).map { glyphs[$0] ?? $0 })
    }
}
