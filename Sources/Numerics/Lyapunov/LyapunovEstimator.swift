import Dynamics

/// The one interface every Lyapunov estimator offers (estimators meet systems only at
/// ``DynamicalMap``, as in ChaosTools.jl).
///
/// An estimator is a value holding its parameters, with defaults; `estimate` starts at
/// `initialState` at step index 0, runs the estimator's own transient, then measures
/// over `steps` steps. Each estimator also offers a lower-level entry that the map-based
/// one calls, so a caller that records trajectories itself can use the same arithmetic.
public protocol LyapunovEstimator: Sendable {
    /// Estimates Lyapunov exponents of `map` along the trajectory from `initialState`.
    /// - Throws: ``LyapunovConfigurationError`` when the parameters or the state do not
    ///   fit `map` or `steps`; dynamical failures are reported in the result's status.
    func estimate(_ map: some DynamicalMap, from initialState: [Double], steps: Int)
        throws(LyapunovConfigurationError) -> LyapunovEstimate
}
