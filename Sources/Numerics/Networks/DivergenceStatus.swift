/// When a run counts as diverged (docs/PROTOCOL.md: divergence is data, not an error).
public struct DivergencePolicy: Sendable, Hashable, Codable {
    /// A run stops when max_p |w_p| exceeds this (default 1e6).
    public let parameterBound: Double

    /// A policy with the given bound on |w|∞.
    public init(parameterBound: Double = 1e6) {
        self.parameterBound = parameterBound
    }
}

/// Why a run stopped early.
public enum DivergenceReason: Int, Sendable, Hashable, Codable {
    /// The loss at w_t was NaN or ±∞.
    case nonFiniteLoss = 1
    /// Some parameter became NaN or ±∞.
    case nonFiniteParameters = 2
    /// max_p |w_p| exceeded ``DivergencePolicy/parameterBound``.
    case parameterBoundExceeded = 3
    /// (Neighbours only) the reference had diverged before the neighbour's window ended.
    case referenceDiverged = 4
}

/// How a run ended. `step` is the first time index whose quantities are not recorded:
/// from it on, the run's losses, evaluations and distances are NaN. For a non-finite loss
/// at w_t the step is t; for parameters w_{t+1} that are non-finite or out of bounds it
/// is t + 1.
public enum DivergenceStatus: Sendable, Hashable {
    /// The run went the whole way.
    case completed
    /// The run stopped at `step` for `reason`; `value` is the offending loss or |w|∞.
    case diverged(step: Int, reason: DivergenceReason, value: Double)

    /// The divergence step, or −1 if the run completed (for plain integer arrays).
    public var stepCode: Int {
        if case .diverged(let step, _, _) = self { return step }
        return -1
    }

    /// The reason's raw value, or 0 if the run completed (for plain integer arrays).
    public var reasonCode: Int {
        if case .diverged(_, let reason, _) = self { return reason.rawValue }
        return 0
    }
}
