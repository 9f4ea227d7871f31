import Dynamics
import Foundation
import NumericsCore

/// The tangent-space (Jacobian) method: the reference estimator of docs/PROTOCOL.md §1 (3).
///
/// `k` orthonormal tangent vectors are propagated with exact Jacobian–vector products
/// (``DynamicalMap/applyJacobian(at:time:to:)``) and re-orthonormalized by modified
/// Gram–Schmidt every `q` steps; `λ_i = (1/T) Σ ln R_ii` over the QR steps (Benettin,
/// Galgani, Giorgilli & Strelcyn 1980, Meccanica 15:9; Shimada & Nagashima 1979,
/// Prog. Theor. Phys. 61:1605). As in ChaosTools.jl's `lyapunovspectrum`, the tangent
/// vectors are also evolved (not accumulated) during the transient, so that they
/// align with the Lyapunov vectors before the measurement starts.
///
/// Result: natural log per step, `series` the running estimate of `λ₁` after each QR.
/// Step indices are those of the map (0 = `initialState`).
public struct TangentSpaceEstimator: LyapunovEstimator {
    /// The key of the initial tangent vectors (`key.derive("tangent", i)`, Gaussian, then QR).
    public var key: SeedKey
    /// `k`, the number of exponents (the top-`k` spectrum; 1 gives the maximal exponent).
    public var exponentCount: Int
    /// `q`, the number of steps between orthonormalizations.
    public var orthonormalizationInterval: Int
    /// Steps run before the measurement (state and tangent vectors both evolve).
    public var transientSteps: Int
    /// The coordinates the initial tangent vectors live on (nil: all). For a map whose
    /// state carries an optimizer's momentum, starting in the parameter coordinates
    /// measures how parameter perturbations grow, as the replicas and neighbours do, and
    /// avoids a finite-window bias from the fast-decaying momentum directions.
    public var initialCoordinates: [Int]?

    /// A tangent-space estimator of the top `exponentCount` exponents.
    public init(
        key: SeedKey, exponentCount: Int = 1, orthonormalizationInterval: Int = 1, transientSteps: Int = 0,
        initialCoordinates: [Int]? = nil
    ) {
        self.initialCoordinates = initialCoordinates
        self.key = key
        self.exponentCount = exponentCount
        self.orthonormalizationInterval = orthonormalizationInterval
        self.transientSteps = transientSteps
    }

    /// The top-`k` spectrum over `steps` steps after the transient.
    public func estimate(_ map: some DynamicalMap, from initialState: [Double], steps: Int)
        throws(LyapunovConfigurationError) -> LyapunovEstimate
    {
        try LyapunovConfigurationError.requireDimension(initialState, of: map)
        try LyapunovConfigurationError.require(
            (1...max(map.dimension, 1)).contains(exponentCount), "exponentCount", exponentCount,
            "it must lie in 1...\(map.dimension) (the map's dimension)")
        try LyapunovConfigurationError.require(
            orthonormalizationInterval >= 1, "orthonormalizationInterval", orthonormalizationInterval,
            "it must be at least 1")
        try LyapunovConfigurationError.require(transientSteps >= 0, "transientSteps", transientSteps, "it must be ≥ 0")
        try LyapunovConfigurationError.require(steps >= 1, "steps", steps, "it must be at least 1")

        var state = initialState
        var vectors = (0..<exponentCount).map {
            VectorArithmetic.restricted(
                VectorArithmetic.standardNormal(map.dimension, key: key.derive("tangent", $0)), to: initialCoordinates)
        }
        _ = GramSchmidt.orthonormalize(&vectors)
        var time = 0
        var sums = Array(repeating: 0.0, count: exponentCount)
        var series: [Double] = []
        var measured = 0
        // ln R_ii of every measured QR and its length, for the batch-means standard errors.
        var logs = Array(repeating: [Double](), count: exponentCount)
        var lengths: [Int] = []
        var status = EstimateStatus.ok
        let phases = chunks(transientSteps).map { ($0, false) } + chunks(steps).map { ($0, true) }
        phaseLoop: for (length, accumulate) in phases {
            for _ in 0..<length {
                map.applyJacobian(at: state, time: time, to: &vectors)
                map.step(&state, time: time)
                time += 1
                if !VectorArithmetic.isFinite(state) {
                    status = .diverged(step: time)
                    break phaseLoop
                }
            }
            let diagonal = GramSchmidt.orthonormalize(&vectors)
            if let bad = diagonal.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
                status = diagonal[bad].isFinite
                    ? .degenerate(step: time, reason: .zeroTangentVector) : .diverged(step: time)
                break
            }
            if accumulate {
                for index in sums.indices {
                    let logarithm = log(diagonal[index])
                    sums[index] += logarithm
                    logs[index].append(logarithm)
                }
                lengths.append(length)
                measured += length
                series.append(sums[0] / Double(measured))
            }
        }
        var estimate = LyapunovEstimate(
            method: .tangentSpace,
            exponents: measured > 0 ? sums.map { $0 / Double(measured) } : [],
            base: .natural, timeStep: map.timeStep, series: series, seriesKind: .runningEstimate,
            window: StepWindow(start: transientSteps, end: transientSteps + measured), status: status)
        if measured > 0 {
            estimate.standardErrors = logs.map { BatchMeans.standardError(contributions: $0, lengths: lengths) }
        }
        return estimate
    }

    /// `count` split into QR intervals of length `q` (the last one may be shorter).
    private func chunks(_ count: Int) -> [Int] {
        let q = orthonormalizationInterval
        return stride(from: 0, to: count, by: q).map { min(q, count - $0) }
    }
}
