/// One line of the validation table (docs/PROTOCOL.md §1, "Validation on systems with known
/// exponents"): one estimator, one system, one entry of the spectrum.
public struct ValidationRow: Sendable, Equatable, Codable {
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
    /// The largest accepted `|estimate − reference|`, in the same unit.
    public var tolerance: Double
    /// `"nats/step"` or `"nats/time"`.
    public var unit: String
    /// The estimator's status.
    public var status: EstimateStatus
    /// Whether the status is ok and the error is within the tolerance.
    public var passed: Bool

    /// `estimate − reference` (`nil` when the estimator returned no estimate).
    public var error: Double? { estimate.map { $0 - reference } }

    /// `|estimate − reference| / |reference|` (infinite for a zero reference; `nil` without an estimate).
    public var relativeError: Double? { error.map { abs($0) / abs(reference) } }
}
