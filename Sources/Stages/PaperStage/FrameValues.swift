import ReportKit

/// The inline placeholders of the paper's frame that no experiment owns: `title`,
/// `validation.*` (from data/validation.h5), `upstream.<stage>.<path>` (every parameter
/// of the provenance chain) and `provenance.code` (listed in paper/README.md).
enum FrameValues {
    /// `validation.passed`, `validation.total`, `validation.biased`, `validation.failed` (by ``ValidationOutcome``).
    static func validation(_ validation: EstimatorValidation) -> [String: String] {
        let rows = { (outcome: ValidationOutcome) in validation.rows.filter { ValidationOutcome.of($0) == outcome } }
        return [
            "validation.passed": ReportNumber.count(rows(.passed).count),
            "validation.total": ReportNumber.count(validation.rows.count),
            "validation.biased": PaperText.list(rows(.biasedByConstruction).map {
                "\($0.estimator) on \($0.system) (|error| \(ReportNumber.significant(abs($0.estimate - $0.reference))))"
            }),
            "validation.failed": PaperText.list(rows(.failed).map { "\($0.estimator) on \($0.system) (\($0.status))" }),
        ]
    }
}
