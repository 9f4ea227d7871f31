import Dynamics
import Foundation
import NumericsCore

/// The finite-time divergence fit of Jiménez-González, Soriano & Lacasa (2025,
/// arXiv 2506.08523): docs/PROTOCOL.md §1 (4).
///
/// Each replica `r` perturbs the state once at `t = 0` (every coordinate in
/// `perturbedCoordinates` — all, or e.g. the weights only — gets `+ Uniform(−ε, ε)`,
/// drawn from `key.derive("replica", r)`), evolves reference and copy freely, and records
/// `d_r(t) = ‖w(t) − w'(t)‖₁` at every step. The exponent is the slope (nats per step) of
/// `y(t) = ⟨ln(d_r(t)/d_r(0))⟩_r` (or, with ``SeparationAverage/logarithmOfMean``,
/// `ln(⟨d_r(t)⟩_r/⟨d_r(0)⟩_r)`: docs/PROTOCOL.md §3 reports both) over the window chosen by
/// ``DivergenceWindowRule``.
///
/// Replicas start from the same state (`replicaSpacing` = 0, the paper's setting: one
/// initialization, several perturbations) or from states `replicaSpacing` steps apart
/// along the reference trajectory (averages the finite-time exponent over the attractor;
/// used for validation on chaotic maps).
///
/// Result: natural log per step; `series` is `y(t)` on the valid steps; `fit` the line;
/// `windowRule` the rule that chose the window.
/// Steps count from the perturbation, offset by `transientSteps`.
public struct DivergenceFitEstimator: LyapunovEstimator {
    /// The key of the perturbations.
    public var key: SeedKey
    /// `ε`, the half-width of the uniform perturbation (default 1e-8).
    public var perturbationSize: Double
    /// The number of perturbed replicas averaged.
    public var replicaCount: Int
    /// The coordinates perturbed (`nil`: all; pass the weight indices for "weights only").
    public var perturbedCoordinates: [Int]?
    /// Steps between the origins of successive replicas along the reference (0: one origin).
    public var replicaSpacing: Int
    /// Steps the reference runs before the first perturbation.
    public var transientSteps: Int
    /// The rule that picks the fitting window.
    public var windowRule: DivergenceWindowRule

    /// A divergence-fit estimator with the given perturbation and window rule.
    public init(
        key: SeedKey, perturbationSize: Double = 1e-8, replicaCount: Int = 8, perturbedCoordinates: [Int]? = nil,
        replicaSpacing: Int = 0, transientSteps: Int = 0, windowRule: DivergenceWindowRule = DivergenceWindowRule()
    ) {
        self.key = key
        self.perturbationSize = perturbationSize
        self.replicaCount = replicaCount
        self.perturbedCoordinates = perturbedCoordinates
        self.replicaSpacing = replicaSpacing
        self.transientSteps = transientSteps
        self.windowRule = windowRule
    }

    /// Records `d_r(t)` for `t = 0…steps` and fits it.
    public func estimate(_ map: some DynamicalMap, from initialState: [Double], steps: Int)
        throws(LyapunovConfigurationError) -> LyapunovEstimate
    {
        try LyapunovConfigurationError.requireDimension(initialState, of: map)
        let coordinates = perturbedCoordinates ?? Array(0..<map.dimension)
        try LyapunovConfigurationError.require(
            !coordinates.isEmpty && coordinates.allSatisfy { (0..<map.dimension).contains($0) },
            "perturbedCoordinates", coordinates.count, "they must be non-empty indices in 0..<\(map.dimension)")
        try LyapunovConfigurationError.require(
            perturbationSize > 0 && perturbationSize.isFinite, "perturbationSize", perturbationSize,
            "it must be positive and finite")
        try LyapunovConfigurationError.require(replicaCount >= 1, "replicaCount", replicaCount, "it must be at least 1")
        try LyapunovConfigurationError.require(replicaSpacing >= 0, "replicaSpacing", replicaSpacing, "it must be ≥ 0")
        try LyapunovConfigurationError.require(transientSteps >= 0, "transientSteps", transientSteps, "it must be ≥ 0")
        try LyapunovConfigurationError.require(steps >= 1, "steps", steps, "it must be at least 1")

        var origin = initialState
        var originTime = 0
        var separations: [[Double]] = []
        for replica in 0..<replicaCount {
            let advance = replica == 0 ? transientSteps : replicaSpacing
            if let failure = FiniteEvolution.advance(map, &origin, from: originTime, count: advance) {
                if separations.isEmpty {
                    return LyapunovEstimate(
                        method: .divergenceFit, exponents: [], base: .natural, timeStep: map.timeStep, series: [],
                        seriesKind: windowRule.average.seriesKind,
                        window: StepWindow(start: transientSteps, end: transientSteps),
                        status: .diverged(step: originTime + failure))
                }
                break
            }
            originTime += advance
            var reference = origin
            var perturbed = origin
            var stream = key.derive("replica", replica).stream()
            for index in coordinates {
                perturbed[index] += stream.uniform(-perturbationSize, perturbationSize)
            }
            var distances = [VectorArithmetic.manhattanDistance(perturbed, reference)]
            distances.reserveCapacity(steps + 1)
            for t in 0..<steps {
                map.step(&reference, time: originTime + t)
                map.step(&perturbed, time: originTime + t)
                let distance = VectorArithmetic.manhattanDistance(perturbed, reference)
                guard distance.isFinite, VectorArithmetic.isFinite(reference) else {
                    distances += Array(repeating: .infinity, count: steps + 1 - distances.count)
                    break
                }
                distances.append(distance)
            }
            separations.append(distances)
        }
        return try Self.estimate(
            separations: separations, timeStep: map.timeStep, windowRule: windowRule, firstStep: transientSteps)
    }

    /// The fit from recorded separations `separations[r][t] = d_r(t)`, `t = 0…T` (equal
    /// lengths), for a caller (e.g. the training stage) that runs the replicas itself.
    /// The curve (``DivergenceWindowRule/average``) ends at the first step where some
    /// `d_r(t)` is non-finite (status diverged) or where its logarithm would be −∞ (status
    /// degenerate: a zero `d_r(t)`, or a zero replica mean for the log of the mean); the
    /// window rule runs on the rest.
    /// `firstStep` offsets the reported steps (the step of the perturbation).
    public static func estimate(
        separations: [[Double]], timeStep: Double, windowRule: DivergenceWindowRule = DivergenceWindowRule(),
        firstStep: Int = 0
    ) throws(LyapunovConfigurationError) -> LyapunovEstimate {
        let length = separations.first?.count ?? 0
        try LyapunovConfigurationError.require(
            length >= 1 && separations.allSatisfy { $0.count == length }, "separations", "\(separations.count) rows",
            "it must hold at least one replica, all of the same positive length")

        try windowRule.validate()

        let (curve, dataStatus) = logSeparationCurve(separations, average: windowRule.average, firstStep: firstStep)
        var selection = windowRule.select(curve)
        selection.window.start += firstStep
        selection.window.end += firstStep
        if case let .saturated(step) = selection.status {
            selection.status = .saturated(step: firstStep + step)
        } else if case let .degenerate(step, reason) = selection.status {
            selection.status = .degenerate(step: firstStep + step, reason: reason)
        }
        var estimate = LyapunovEstimate(
            method: .divergenceFit, exponents: selection.fit.map { [$0.slope] } ?? [], base: .natural,
            timeStep: timeStep, series: curve, seriesKind: windowRule.average.seriesKind, window: selection.window,
            status: dataStatus == .ok ? selection.status : dataStatus, fit: selection.fit, windowRule: windowRule)
        if selection.fit != nil {
            let window = (selection.window.start - firstStep)...(selection.window.end - firstStep)
            estimate.standardErrors = [groupStandardError(separations, average: windowRule.average, window: window)]
        }
        return estimate
    }

    /// The standard error of the slope from the spread of ``BatchMeans/batchCount`` groups
    /// of consecutive replicas, each fitted over the same `window` as the whole; NaN with
    /// fewer replicas than groups.
    static func groupStandardError(_ separations: [[Double]], average: SeparationAverage, window: ClosedRange<Int>) -> Double {
        let groups = BatchMeans.groups(of: separations.count)
        guard !groups.isEmpty else { return .nan }
        let slopes = groups.map { group -> Double in
            let (curve, _) = logSeparationCurve(Array(separations[group]), average: average, firstStep: 0)
            guard curve.count > window.upperBound else { return .nan }
            var accumulator = LinearFit.Accumulator()
            for t in window { accumulator.add(t: Double(t), y: curve[t]) }
            return accumulator.fit.slope
        }
        return BatchMeans.standardError(ofGroupValues: slopes)
    }

    /// The curve `y(t)` of `average` up to (not including) the first step where the data
    /// stop being usable, and the status that names it: diverged at a non-finite `d_r(t)`;
    /// degenerate at a zero `d_r(t)` (mean of logs) or a zero mean (log of the mean).
    private static func logSeparationCurve(
        _ separations: [[Double]], average: SeparationAverage, firstStep: Int
    ) -> (curve: [Double], status: EstimateStatus) {
        let length = separations[0].count
        let count = Double(separations.count)
        var curve: [Double] = []
        var dataStatus = EstimateStatus.ok
        switch average {
        case .meanOfLogarithms:
            for t in 0..<length {
                var sum = 0.0
                for row in separations {
                    if !row[t].isFinite {
                        dataStatus = .diverged(step: firstStep + t)
                    } else if row[t] == 0 {
                        dataStatus = .degenerate(step: firstStep + t, reason: .zeroSeparation)
                    }
                    if dataStatus != .ok { break }
                    sum += log(row[t]) - log(row[0])
                }
                if dataStatus != .ok { break }
                curve.append(sum / count)
            }
        case .logarithmOfMean:
            var initialMean = 0.0
            for t in 0..<length {
                var sum = 0.0
                for row in separations {
                    if !row[t].isFinite {
                        dataStatus = .diverged(step: firstStep + t)
                        break
                    }
                    sum += row[t]
                }
                if dataStatus != .ok { break }
                guard sum > 0 else {
                    dataStatus = .degenerate(step: firstStep + t, reason: .zeroSeparation)
                    break
                }
                let mean = sum / count
                if t == 0 { initialMean = mean }
                curve.append(log(mean) - log(initialMean))
            }
        }
        return (curve, dataStatus)
    }
}
