/// How `validate-estimators` judged one estimator check (docs/PROTOCOL.md §1.8), as stored in
/// `/validation/outcome`: the target comes from theory — the estimate's own standard error
/// (batch means) times a Bonferroni t quantile, plus the reference's rounding and a round-off
/// allowance (10⁻⁶ alone on the linear map, where the estimators are exact) — never from the
/// error measured on the run being judged; the hybrid estimator on a map of dimension ≥ 2 is
/// biased by construction and reported with its error, not judged.
public enum ValidationOutcome: String, Sendable, Equatable, CaseIterable {
    /// Status ok and the error within the target.
    case passed = "passed"
    /// Biased by theory (the hybrid estimator on a map of dimension ≥ 2): a finding.
    case biasedByConstruction = "biased by construction"
    /// No estimate, a status other than ok, or an error beyond the target.
    case failed = "failed"
}
