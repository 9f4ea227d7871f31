import ReportKit

/// The inline placeholders of the paper's frame that no experiment owns: `title`,
/// `validation.*` (from data/validation.h5), `upstream.<stage>.<path>` (every parameter
/// of the provenance chain) and `provenance.code` (listed in paper/README.md).
enum FrameValues {
    /// `validation.passed`, `validation.total`, `validation.failed`.
    static func validation(_ validation: EstimatorValidation) -> [String: String] {
        let failed = validation.rows.filter { !$0.passed }
        return [
            "validation.passed": ReportNumber.count(validation.rows.count - failed.count),
            "validation.total": ReportNumber.count(validation.rows.count),
            "validation.failed": PaperText.list(failed.map { "\($0.estimator) on \($0.system) (\($0.status))" }),
        ]
    }
}
