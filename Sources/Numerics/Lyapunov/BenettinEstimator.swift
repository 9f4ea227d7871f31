import Dynamics
import Foundation
import NumericsCore

/// Benettin's two-trajectory method with renormalization: docs/PROTOCOL.md §1 (2).
///
/// One neighbour starts at distance `s = d0 · max(1, ‖x‖₂)` from the reference along a
/// random unit direction; every `k` steps the separation `d` is measured, `ln(d/s)` is
/// accumulated, and the neighbour is pulled back to distance `s` along the current
/// separation direction (Benettin, Galgani & Strelcyn 1976, Phys. Rev. A 14:2338;
/// Benettin, Galgani, Giorgilli & Strelcyn 1980, Meccanica 15:9; Wolf, Swift, Swinney &
/// Vastano 1985, Physica D 16:285). `λ₁ = Σ ln(d/s) / T`.
///
/// The factor `max(1, ‖x‖₂)` keeps the neighbour resolvable in floating point when the
/// state is large (e.g. a diverging GD run): `d0 ≫ ε_machine` relative to the state.
/// The distance `s` actually realized after each renormalization (not the nominal one)
/// is the denominator of the next ratio. As in the tangent method, the neighbour is
/// also evolved and renormalized during the transient, so its direction aligns first.
///
/// Result: natural log per step; `series` holds `ln(d/s)/k` per renormalization window.
/// Step indices are those of the map (0 = `initialState`).
public struct BenettinEstimator: LyapunovEstimator {
    /// The key of the initial separation direction (`key.derive("tangent", 0)`: the same
    /// Gaussian draw as the first vector of a ``TangentSpaceEstimator`` with this key, so
    /// that the two methods can be compared trajectory by trajectory from one direction).
    public var key: SeedKey
    /// `d0`, the separation relative to `max(1, ‖x‖₂)` (default 1e-8 in float64).
    public var initialSeparation: Double
    /// `k`, the number of steps between renormalizations.
    public var renormalizationInterval: Int
    /// Steps run before the measurement (both trajectories evolve and renormalize).
    public var transientSteps: Int
    /// The coordinates of the initial separation direction (nil: all); see
    /// ``TangentSpaceEstimator/initialCoordinates``.
    public var initialCoordinates: [Int]?

    /// A two-trajectory estimator of the maximal exponent.
    public init(
        key: SeedKey, initialSeparation: Double = 1e-8, renormalizationInterval: Int = 1, transientSteps: Int = 0,
        initialCoordinates: [Int]? = nil
    ) {
        self.initialCoordinates = initialCoordinates
        self.key = key
        self.initialSeparation = initialSeparation
        self.renormalizationInterval = renormalizationInterval
        self.transientSteps = transientSteps
    }

    /// The maximal exponent over `steps` steps after the transient.
    public func estimate(_ map: some DynamicalMap, from initialState: [Double], steps: Int)
        throws(LyapunovConfigurationError) -> LyapunovEstimate
    {
        try LyapunovConfigurationError.requireDimension(initialState, of: map)
        try LyapunovConfigurationError.require(
            initialSeparation > 0 && initialSeparation.isFinite, "initialSeparation", initialSeparation,
            "it must be positive and finite")
        try LyapunovConfigurationError.require(
            renormalizationInterval >= 1, "renormalizationInterval", renormalizationInterval, "it must be at least 1")
        try LyapunovConfigurationError.require(transientSteps >= 0, "transientSteps", transientSteps, "it must be ≥ 0")
        try LyapunovConfigurationError.require(steps >= 1, "steps", steps, "it must be at least 1")

        var reference = initialState
        let direction = VectorArithmetic.restricted(
            VectorArithmetic.standardNormal(map.dimension, key: key.derive("tangent", 0)), to: initialCoordinates)
        var neighbour = placed(around: reference, along: direction)
        var separation = VectorArithmetic.euclideanDistance(neighbour, reference)
        var time = 0
        var sum = 0.0
        var series: [Double] = []
        var measured = 0
        var logRatios: [Double] = [], lengths: [Int] = []
        var status = EstimateStatus.ok
        let phases = windows(transientSteps).map { ($0, false) } + windows(steps).map { ($0, true) }
        for (length, accumulate) in phases {
            let referenceFailure = FiniteEvolution.advance(map, &reference, from: time, count: length)
            let neighbourFailure = FiniteEvolution.advance(map, &neighbour, from: time, count: length)
            if let failure = [referenceFailure, neighbourFailure].compactMap({ $0 }).min() {
                status = .diverged(step: time + failure)
                break
            }
            time += length
            let offset = VectorArithmetic.difference(neighbour, reference)
            let distance = VectorArithmetic.euclideanNorm(offset)
            guard distance.isFinite else {
                status = .diverged(step: time)
                break
            }
            guard distance > 0 else {
                status = .degenerate(step: time, reason: .zeroSeparation)
                break
            }
            if accumulate {
                let logRatio = log(distance / separation)
                sum += logRatio
                logRatios.append(logRatio)
                lengths.append(length)
                measured += length
                series.append(logRatio / Double(length))
            }
            neighbour = placed(around: reference, along: offset)
            separation = VectorArithmetic.euclideanDistance(neighbour, reference)
            if separation == 0 {
                status = .degenerate(step: time, reason: .zeroSeparation)
                break
            }
        }
        var estimate = LyapunovEstimate(
            method: .benettin, exponents: measured > 0 ? [sum / Double(measured)] : [],
            base: .natural, timeStep: map.timeStep, series: series, seriesKind: .perWindow,
            window: StepWindow(start: transientSteps, end: transientSteps + measured), status: status)
        if measured > 0 { estimate.standardErrors = [BatchMeans.standardError(contributions: logRatios, lengths: lengths)] }
        return estimate
    }

    /// `x + d0 · max(1, ‖x‖₂) · u/‖u‖`, `u` being `direction`.
    private func placed(around reference: [Double], along direction: [Double]) -> [Double] {
        let norm = VectorArithmetic.euclideanNorm(direction)
        let scale = initialSeparation * max(1, VectorArithmetic.euclideanNorm(reference)) / norm
        var neighbour = reference
        for index in neighbour.indices {
            neighbour[index] += scale * direction[index]
        }
        return neighbour
    }

    /// `count` split into renormalization windows of length `k` (the last may be shorter).
    private func windows(_ count: Int) -> [Int] {
        let k = renormalizationInterval
        return stride(from: 0, to: count, by: k).map { min(k, count - $0) }
    }
}
