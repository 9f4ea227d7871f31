import Foundation
import NumericsCore

/// One way of judging E4's claim (docs/PROTOCOL.md §3.5 and §3.6): which λ series decides the
/// onset, on which η of the sweep, with which floor δ, and what "at the onset" tolerates.
/// The first rule (sign only, best-R² fit, one grid step, the source grid) and the amended
/// rule (δ = 0.05, steepest-window fit or tangent λ, a factor 2.5 in η) are both instances,
/// so that the section prints them side by side from one computation.
public struct ClaimRule: Sendable, Equatable {
    /// What "at the onset" tolerates.
    public enum Tolerance: Sendable, Equatable {
        /// `|argmin − onset| ≤ k` grid steps (``TransientChaosVerdict``, the first rule).
        case gridSteps(Int)
        /// `|ln(η_argmin/η_onset)| ≤ ln r` (``LogDistanceVerdict``, the amended rule).
        case factor(Double)
    }

    /// "first rule" or "amended rule", as the section prints it.
    public var label: String
    /// The λ series whose onset is decided (a key of ``SweepObservations/estimates``).
    public var series: String
    /// The η the rule looks at (each on the sweep's grid), ascending.
    public var learningRates: [Double]
    /// "source grid" or "refined grid", as the section prints it.
    public var gridName: String
    /// δ, the λ (nats/step) the median and its interval's lower end must exceed.
    public var floor: Double
    /// The tolerance of "at the onset".
    public var tolerance: Tolerance

    /// A rule with the given parts.
    public init(label: String, series: String, learningRates: [Double], gridName: String, floor: Double, tolerance: Tolerance) {
        (self.label, self.series, self.learningRates, self.gridName) = (label, series, learningRates, gridName)
        (self.floor, self.tolerance) = (floor, tolerance)
    }

    /// What the rule finds: onset and argmin (as η) with their paired-bootstrap intervals,
    /// the distance argmin − onset in the tolerance's unit with its interval, and the verdict.
    public struct Outcome: Sendable, Equatable {
        public var onset: Double?
        public var onsetInterval: ClosedRange<Double>?
        public var argmin: Double?
        public var argminInterval: ClosedRange<Double>?
        /// Grid steps (``Tolerance/gridSteps(_:)``) or ln η (``Tolerance/factor(_:)``).
        public var distance: Double?
        public var distanceInterval: ClosedRange<Double>?
        public var verdict: TransientChaosVerdict
    }

    /// The outcome on `exponents[i][j]` and `times[i][j]` (initialisation `i`, grid index `j`
    /// of `sweepRates`), with the onset rule `base` (level, resamples, accepted fraction) and
    /// this rule's floor; every draw from `key`.
    public func outcome(
        exponents: [[Double?]], times: [[TrainingTime]], sweepRates: [Double], base: OnsetRule, resamples: Int,
        innerResamples: Int, key: SeedKey
    ) throws(JimenezAnalysisError) -> Outcome {
        var columns: [Int] = []
        for rate in learningRates {
            guard let j = sweepRates.firstIndex(of: rate) else {
                throw JimenezAnalysisError.invalidParameter(
                    name: "learningRates", value: "\(rate)", requirement: "every η of a claim rule must be on the sweep's grid (\(sweepRates))")
            }
            columns.append(j)
        }
        let lambda = exponents.map { row in columns.map { row[$0] } }
        let tau = times.map { row in columns.map { row[$0] } }
        var rule = base
        rule.threshold = floor
        let onset = try ChaosOnset(exponents: lambda, rule: rule, key: key.derive("onset")).onsetIndex
        let argmin = try TrainingTimeAnalysis.argminOfMedian(tau)
        let paired = try OnsetBootstrap(
            exponents: lambda, trainingTimes: tau, onsetRule: rule, resampleCount: resamples, innerResampleCount: innerResamples,
            level: rule.level, key: key.derive("paired"))
        func rates(_ range: ClosedRange<Int>?) -> ClosedRange<Double>? { range.map { learningRates[$0.lowerBound]...learningRates[$0.upperBound] } }
        var outcome = Outcome(
            onset: onset.map { learningRates[$0] }, onsetInterval: rates(paired.onset.interval), argmin: argmin.map { learningRates[$0] },
            argminInterval: rates(paired.argmin.interval), distance: nil, distanceInterval: nil, verdict: .inconclusive(.noOnset))
        switch tolerance {
        case .gridSteps(let k):
            outcome.distance = onset.flatMap { o in argmin.map { Double($0 - o) } }
            outcome.distanceInterval = paired.difference.interval.map { Double($0.lowerBound)...Double($0.upperBound) }
            outcome.verdict = TransientChaosVerdict.decide(
                onsetIndex: onset, argminIndex: argmin, differenceInterval: paired.difference.interval, tolerance: k)
        case .factor(let ratio):
            let verdict = try LogDistanceVerdict(
                learningRates: learningRates, onsetIndex: onset, argminIndex: argmin, bootstrap: paired, level: rule.level,
                toleranceRatio: ratio)
            (outcome.distance, outcome.distanceInterval, outcome.verdict) = (verdict.distance, verdict.interval, verdict.verdict)
        }
        return outcome
    }
}
