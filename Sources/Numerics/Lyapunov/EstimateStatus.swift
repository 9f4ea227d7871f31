/// Why an estimate is complete or stopped early: a typed status instead of NaN and a
/// warning (a lesson from ChaosTools.jl). Steps are counted as in ``StepWindow``.
public enum EstimateStatus: Sendable, Equatable, Codable {
    /// The estimate covers the whole requested measurement.
    case ok
    /// A state (reference or neighbour) became non-finite at `step`.
    case diverged(step: Int)
    /// The separation reached its saturation level at `step`, before a window of the
    /// minimum length was available (divergence fit).
    case saturated(step: Int)
    /// The estimate cannot continue from `step`, for `reason`.
    case degenerate(step: Int, reason: DegeneracyReason)
    /// No window passed the straight-line test; the estimate uses the longest
    /// unsaturated window and its coefficient of determination is `rSquared`.
    case poorFit(rSquared: Double)

    /// Whether the status is ``ok``.
    public var isOK: Bool { self == .ok }
}

/// Why an estimate is degenerate.
public enum DegeneracyReason: String, Sendable, Codable {
    /// A separation is exactly zero (e.g. dead ReLU units collapse neighbours onto
    /// the reference): its logarithm would be `−∞`.
    case zeroSeparation
    /// A tangent vector became exactly zero or linearly dependent (singular Jacobian).
    case zeroTangentVector
    /// Too few steps remain for the requested window.
    case tooFewSteps
}
