/// One line of the validation table (docs/PROTOCOL.md §1.8, "Validation on systems with
/// known exponents"): one estimator, one system, one entry of the spectrum, judged by the
/// theory rule, with the first rule's tolerance and outcome kept beside it.
public struct ValidationRow: Sendable, Equatable, Codable {
    /// How a check comes out.
    public enum Outcome: String, Sendable, Equatable, Codable, CaseIterable {
        /// Status ok and `|estimate − reference|` within the target.
        case passed = "passed"
        /// An estimator that theory says is biased on this system (the hybrid estimator of
        /// Mittra's Eq. 4 on a map of dimension ≥ 2): reported with its error, not judged.
        case biasedByConstruction = "biased by construction"
        /// No estimate, a status other than ok, or an error beyond the target.
        case failed = "failed"
    }

    /// The system and its parameters, e.g. `"Hénon a=1.4 b=0.3"`.
    public var system: String
    /// The estimator.
    public var estimator: LyapunovMethod
    /// The spectrum entry, 1-based (1 = the maximal exponent).
    public var index: Int
    /// The estimate (`nil` if the estimator returned none), in nats per step (maps, GD) or nats per unit time (flows); see `unit`.
    public var estimate: Double?
    /// The known value in the same unit.
    public var reference: Double
    /// `"nats/step"` or `"nats/time"`.
    public var unit: String
    /// The estimator's status.
    public var status: EstimateStatus
    /// The estimate's batch-means standard error (``LyapunovEstimate/standardErrors``), same
    /// unit; NaN when the run gives none.
    public var standardError: Double
    /// Half a unit of the last published digit of `reference` (0 when it is exact).
    public var referenceUncertainty: Double
    /// The largest accepted `|estimate − reference|` by the theory rule (``ValidationSuite``).
    public var target: Double
    /// The bias theory predicts for this estimator on this system (NaN when it predicts none
    /// or gives no value).
    public var predictedBias: Double
    /// The outcome by the theory rule.
    public var outcome: Outcome
    /// The first rule's tolerance (fixed per check; see ``ValidationSuite``), kept beside the target.
    public var firstRuleTolerance: Double
    /// Whether the check passed by the first rule: status ok and error within `firstRuleTolerance`.
    public var firstRulePassed: Bool

    /// `estimate − reference` (`nil` when the estimator returned no estimate).
    public var error: Double? { estimate.map { $0 - reference } }

    /// `|estimate − reference| / |reference|` (infinite for a zero reference; `nil` without an estimate).
    public var relativeError: Double? { error.map { abs($0) / abs(reference) } }
}
