import Dynamics
import Foundation
import NumericsCore

/// The hybrid Wolf–Kantz estimator of Mittra (2024, arXiv 2410.05988, Eq. 4), done as
/// the equation says: docs/PROTOCOL.md §1 (1).
///
/// At `M` reference times `t_i = t_0 + iτ` after the transient, `U` neighbours
/// `w(t_i) + δ_j` are started (δ Gaussian, per-coordinate std `σ`, drawn from
/// `key.derive("neighbour", i).derive("member", j)`) and evolved `τ` steps with the same
/// map and step indices as the reference. With `D_i(s) = (1/U) Σ_j ‖w^j(t_i+s) − w(t_i+s)‖₂`,
///
///     λ = (1 / (M τ Δt)) Σ_i log₂(D_i(τ) / D_i(0))
///
/// in bits per step (`Δt` = 1) and per unit time (`Δt` = `timeStep`; `η` for GD, Eq. 7).
/// The ratio is Wolf's (Wolf, Swift, Swinney & Vastano 1985, Physica D 16:285); the
/// neighbour average is Kantz's (Kantz 1994, Phys. Lett. A 185:77). Fresh neighbours at
/// every `t_i` are not aligned with the most expanding direction, so for a finite `τ`
/// the estimate is biased by `(1/τ) log₂(E‖J^τ δ‖ / (e^{λτ} E‖δ‖))`; the bias vanishes
/// only as `τ → ∞` (measured in ``ValidationSuite``).
///
/// Result: log₂ per step (`base` = `.binary`); `series` holds `log₂(D_i(τ)/D_i(0)) / τ`
/// per reference time. Step indices are those of the map (0 = `initialState`).
public struct HybridWolfKantzEstimator: LyapunovEstimator {
    /// The key of the neighbour perturbations.
    public var key: SeedKey
    /// `τ`, the number of steps each neighbour is evolved (and the spacing of the `t_i`).
    public var horizon: Int
    /// `U`, the number of neighbours per reference time (paper code: 16 or 10).
    public var neighbourCount: Int
    /// `σ`, the per-coordinate standard deviation of the neighbour offsets (paper code: 1e-4).
    public var neighbourSpread: Double
    /// Steps the reference runs before `t_0`.
    public var transientSteps: Int

    /// A hybrid estimator with horizon `τ` = `horizon`; `M = steps / τ` reference times.
    public init(
        key: SeedKey, horizon: Int, neighbourCount: Int = 16, neighbourSpread: Double = 1e-4,
        transientSteps: Int = 0
    ) {
        self.key = key
        self.horizon = horizon
        self.neighbourCount = neighbourCount
        self.neighbourSpread = neighbourSpread
        self.transientSteps = transientSteps
    }

    /// Eq. 4 over `M = steps / τ` reference times after the transient.
    public func estimate(_ map: some DynamicalMap, from initialState: [Double], steps: Int)
        throws(LyapunovConfigurationError) -> LyapunovEstimate
    {
        try LyapunovConfigurationError.requireDimension(initialState, of: map)
        try LyapunovConfigurationError.require(horizon >= 1, "horizon", horizon, "it must be at least 1")
        try LyapunovConfigurationError.require(neighbourCount >= 1, "neighbourCount", neighbourCount, "it must be at least 1")
        try LyapunovConfigurationError.require(
            neighbourSpread > 0 && neighbourSpread.isFinite, "neighbourSpread", neighbourSpread,
            "it must be positive and finite")
        try LyapunovConfigurationError.require(transientSteps >= 0, "transientSteps", transientSteps, "it must be ≥ 0")
        try LyapunovConfigurationError.require(
            steps >= horizon, "steps", steps, "it must be at least the horizon \(horizon) (one reference time)")

        var reference = initialState
        var failure = FiniteEvolution.advance(map, &reference, from: 0, count: transientSteps)
        var initialDistances: [[Double]] = []
        var evolvedDistances: [[Double]] = []
        var referenceSteps: [Int] = []
        var time = transientSteps
        while failure == nil, referenceSteps.count < steps / horizon {
            let index = referenceSteps.count
            var neighbours = (0..<neighbourCount).map { member in
                let noise = VectorArithmetic.standardNormal(
                    map.dimension, key: key.derive("neighbour", index).derive("member", member))
                return zip(reference, noise).map { $0 + neighbourSpread * $1 }
            }
            let before = neighbours.map { VectorArithmetic.euclideanDistance($0, reference) }
            if let step = FiniteEvolution.advance(map, &reference, from: time, count: horizon) {
                failure = time + step
                break
            }
            for member in neighbours.indices {
                _ = FiniteEvolution.advance(map, &neighbours[member], from: time, count: horizon)
            }
            initialDistances.append(before)
            evolvedDistances.append(neighbours.map { VectorArithmetic.euclideanDistance($0, reference) })
            referenceSteps.append(time)
            time += horizon
        }
        if referenceSteps.isEmpty, let failure {
            return LyapunovEstimate(
                method: .hybridWolfKantz, exponents: [], base: .binary, timeStep: map.timeStep, series: [],
                seriesKind: .perWindow, window: StepWindow(start: transientSteps, end: transientSteps),
                status: .diverged(step: failure))
        }
        var result = try Self.estimate(
            initialDistances: initialDistances, evolvedDistances: evolvedDistances, horizon: horizon,
            timeStep: map.timeStep, referenceSteps: referenceSteps)
        if result.status == .ok, let failure {
            result.status = .diverged(step: failure)
        }
        return result
    }

    /// Eq. 4 from recorded distances: `initialDistances[i][j] = ‖w^j(t_i) − w(t_i)‖₂` and
    /// `evolvedDistances[i][j] = ‖w^j(t_i+τ) − w(t_i+τ)‖₂`, for a caller (e.g. the training
    /// stage) that runs the trajectories itself. `referenceSteps` are the `t_i` used for
    /// the window and the status (default `0, τ, 2τ, …`). Stops at the first reference
    /// time whose mean distance is non-finite (diverged) or zero (degenerate) and
    /// estimates from the reference times before it.
    public static func estimate(
        initialDistances: [[Double]], evolvedDistances: [[Double]], horizon: Int, timeStep: Double,
        referenceSteps: [Int]? = nil
    ) throws(LyapunovConfigurationError) -> LyapunovEstimate {
        let count = initialDistances.count
        let steps = referenceSteps ?? (0..<count).map { $0 * horizon }
        try LyapunovConfigurationError.require(horizon >= 1, "horizon", horizon, "it must be at least 1")
        try LyapunovConfigurationError.require(
            evolvedDistances.count == count && steps.count == count, "evolvedDistances.count", evolvedDistances.count,
            "initialDistances, evolvedDistances and referenceSteps must all have \(count) rows")
        try LyapunovConfigurationError.require(
            zip(initialDistances, evolvedDistances).allSatisfy { $0.count == $1.count && !$0.isEmpty },
            "neighbour rows", "ragged", "row i of both arrays must hold the same, positive number of neighbours")

        var sum = 0.0
        var series: [Double] = [], terms: [Double] = []
        var status = EstimateStatus.ok
        for index in 0..<count {
            let before = mean(initialDistances[index])
            let after = mean(evolvedDistances[index])
            if !before.isFinite || !after.isFinite {
                status = .diverged(step: steps[index] + (before.isFinite ? horizon : 0))
            } else if before == 0 || after == 0 {
                status = .degenerate(step: steps[index] + (before == 0 ? 0 : horizon), reason: .zeroSeparation)
            }
            if status != .ok { break }
            let term = log2(after) - log2(before)
            sum += term
            terms.append(term)
            series.append(term / Double(horizon))
        }
        let valid = series.count
        let start = steps.first ?? 0
        var estimate = LyapunovEstimate(
            method: .hybridWolfKantz,
            exponents: valid > 0 ? [sum / Double(valid * horizon)] : [],
            base: .binary, timeStep: timeStep, series: series, seriesKind: .perWindow,
            window: StepWindow(start: start, end: valid > 0 ? steps[valid - 1] + horizon : start),
            status: status)
        if valid > 0 {
            // Each term is one reference time's log2 growth over τ steps.
            estimate.standardErrors = [BatchMeans.standardError(contributions: terms, lengths: Array(repeating: horizon, count: valid))]
        }
        return estimate
    }

    /// The mean, summed left to right.
    private static func mean(_ values: [Double]) -> Double {
        var sum = 0.0
        for value in values {
            sum += value
        }
        return sum / Double(values.count)
    }
}
