import Dynamics
import Foundation
import NumericsCore
import Statistics

/// Every estimator on every system of known exponents (docs/PROTOCOL.md §1, "Validation on
/// systems with known exponents"): the rows of the paper's validation table and the
/// body of the tests. Runs in under a second in release mode.
///
/// | system | start, transient | tangent / Benettin | hybrid (Eq. 4) | divergence fit |
/// |---|---|---|---|---|
/// | logistic r = 4 | x₀ = 0.2, 100 | 2·10⁵ steps; 1 % | τ = 5, M = 20000; 1 % | 500 replicas 17 steps apart, 40 steps; 1 % |
/// | Hénon 1.4, 0.3 | (0.1, 0.1), 1000 | 10⁶ steps, k = 2; 1 % | τ = 12, M = 10⁴; 2 % | 1000 replicas 17 apart, 60 steps, fit from step 3; 1 % |
/// | Lorenz, RK4 h = 0.01 | (1, 1, 1), 2000 | 10⁵ steps (1000 time units), k = 3, Benettin k = 10; 2 % | τ = 1000, M = 100; 3 % | 100 replicas 1000 apart, 2500 steps, fit from step 300; 3 % |
/// | GD on ½wᵀAw, a = (0.25, 1, 2, 3, 4), η = 0.3 and 0.6 | (0.5, −0.3, 0.2, 0.1, −0.4), 200 | 1000 steps; 1e-6 | τ = 200 / 35, M = 2; 2·0.981/τ | 4 replicas, 300 steps, fit from step 60; 1e-6 |
///
/// **The rule (theory; docs/PROTOCOL.md §1.8).** A check passes when the status is ok and
/// `|estimate − reference| ≤ target`, with
/// `target = t · SE + u_ref + 10⁻⁶`:
/// - `SE` is the estimate's own statistical standard error (``LyapunovEstimate/standardErrors``:
///   batch means over 20 batches of the run, or 20 replica groups for the divergence fit) —
///   a finite-time exponent is a time average, and its error is that of the average;
/// - `t` is Student's t quantile with 19 degrees of freedom at two-sided level 0.05/N, N the
///   number of checks (Bonferroni: a correct estimator fails some check by chance with
///   probability ≤ 0.05);
/// - `u_ref` is half a unit of the last published digit of the reference (0 when exact);
/// - 10⁻⁶ is the round-off allowance of docs/PROTOCOL.md.
/// On the linear map (GD on a quadratic) every estimator but the hybrid one is exact up to
/// round-off, so the target there is 10⁻⁶ alone. The hybrid estimator (Eq. 4) draws fresh
/// neighbours at every reference time, so on a map of dimension ≥ 2 they are never aligned
/// with the most expanding direction and it is biased by construction: such checks are
/// reported as ``ValidationRow/Outcome/biasedByConstruction`` with their error, never judged
/// passed. On the linear map theory gives that bias, `(1/τ) ln c` with
/// `c = E|⟨δ, q₁⟩| / E‖δ‖ = √(2/π) Γ(d/2) / (√2 Γ((d+1)/2))` for Gaussian `δ` in `d`
/// dimensions (`−0.981/τ` for d = 5), stored as the predicted bias; on Hénon and Lorenz its
/// size depends on the geometry of the attractor and is not derived. On the logistic map
/// (d = 1) the hybrid estimator has nothing to misalign and is judged like the others.
///
/// **The first rule, kept beside it.** Before this rule every check had a fixed tolerance
/// (``ValidationRow/firstRuleTolerance``), absolute in the row's unit: "1 %" means 1 % of the
/// reference `λ₁` (for Lorenz's zero exponent 2 % of `λ₁`). Tangent and Benettin: the brief's
/// 1 % on maps, 2 % on Lorenz, 1e-6 on the linear map. Hybrid and divergence fit on the
/// chaotic systems: twice the largest relative error measured over root keys 1–10, rounded
/// up to 1, 2 or 3 % (largest measured: hybrid 0.16 / 0.89 / 1.04 %, fit 0.32 / 0.41 /
/// 1.07 % for logistic / Hénon / Lorenz) — measured, not derived, which is why it was
/// replaced. Hybrid on the linear map: twice the predicted bias above (measured
/// −0.0043…−0.0057 at τ = 200 and −0.028…−0.035 at τ = 35). (With η = 0.6 the state grows
/// as 1.4ᵗ and an absolute σ = 1e-4 stops being resolvable near |w| ≈ 10¹², which caps
/// Mτ at about 80.)
///
/// Other choices: the logistic map's separations saturate after ~25 steps, so the
/// divergence fit uses a 40-step record and many replica origins along the orbit;
/// Benettin renormalizes every step and the hybrid's τ = 5 keeps `D_i(τ)` below 1e-2.
/// A replica origin within ε = 1e-8 of 0 or 1 lets the perturbed copy leave [0, 1]
/// and escape to −∞ (a property of the map on ℝ, reported as `diverged`): the first
/// 500 origins 17 steps apart from x₀ = 0.2 stay ≥ 8.8e-7 from the ends (1000 do not).
/// References: ln 2 (exact); Hénon and Lorenz from Sprott (2003), *Chaos and
/// Time-Series Analysis*, Appendix A; the linear map's `ln max|1 − η a_i|` exactly.
public struct ValidationSuite: Sendable {
    /// The root key; each case and estimator derives its own.
    public var key: SeedKey

    /// A suite whose random streams all derive from `key`.
    public init(key: SeedKey = SeedKey(1)) {
        self.key = key
    }

    /// The round-off allowance in every target (absolute, the row's unit).
    public static let roundOffAllowance = 1e-6
    /// The familywise level of the checks (the paper's 0.05), split over the checks.
    public static let familywiseLevel = 0.05

    /// `t`: Student's t quantile, ``BatchMeans/batchCount`` − 1 degrees of freedom, two-sided
    /// level `familywiseLevel / checkCount`.
    public static func criticalValue(checkCount: Int) -> Double {
        let level = familywiseLevel / Double(max(checkCount, 1))
        return (try? StudentTDistribution(degreesOfFreedom: Double(BatchMeans.batchCount - 1)).quantile(1 - level / 2)) ?? .nan
    }

    /// Runs every case and returns one row per estimator and spectrum entry, judged by the
    /// theory rule above, with the first rule's outcome beside it.
    public func run() throws(LyapunovConfigurationError) -> [ValidationRow] {
        let cases = cases()
        let t = Self.criticalValue(checkCount: cases.flatMap(\.runs).map(\.firstRuleTolerances.count).reduce(0, +))
        var rows: [ValidationRow] = []
        for validationCase in cases {
            for run in validationCase.runs {
                let estimate = try run.estimator.estimate(
                    validationCase.map, from: validationCase.initialState, steps: run.steps)
                let values = validationCase.perUnitTime ? estimate.natsPerUnitTime : estimate.natsPerStep
                let scale = estimate.base.natsPerUnit / (validationCase.perUnitTime ? estimate.timeStep : 1)
                let biased = estimate.method == .hybridWolfKantz && validationCase.map.dimension >= 2
                for (index, tolerance) in run.firstRuleTolerances.enumerated() {
                    let value = index < values.count ? values[index] : nil
                    let reference = validationCase.reference[index]
                    let standardError = index < estimate.standardErrors.count ? estimate.standardErrors[index] * scale : .nan
                    let uncertainty = validationCase.referenceUncertainty[index]
                    let target = validationCase.isExact && !biased
                        ? Self.roundOffAllowance : t * standardError + uncertainty + Self.roundOffAllowance
                    let within = { (limit: Double) in estimate.status == .ok && value.map { abs($0 - reference) <= limit } == true }
                    rows.append(
                        ValidationRow(
                            system: validationCase.system, estimator: estimate.method, index: index + 1,
                            estimate: value, reference: reference,
                            unit: validationCase.perUnitTime ? "nats/time" : "nats/step", status: estimate.status,
                            standardError: standardError, referenceUncertainty: uncertainty, target: target,
                            predictedBias: run.predictedBias ?? .nan,
                            outcome: biased ? .biasedByConstruction : (within(target) ? .passed : .failed),
                            firstRuleTolerance: tolerance, firstRulePassed: within(tolerance)))
                }
            }
        }
        return rows
    }

    /// `c = E|⟨δ, q₁⟩| / E‖δ‖` for a standard Gaussian `δ` in `dimension` dimensions (see above).
    static func alignmentFactor(dimension: Int) -> Double {
        let d = Double(dimension)
        return (2 / Double.pi).squareRoot() * exp(lgamma(d / 2) - lgamma((d + 1) / 2)) / 2.0.squareRoot()
    }

    /// A system with its known spectrum and how each estimator is run on it.
    struct Case {
        let system: String
        let map: any DynamicalMap
        let initialState: [Double]
        let reference: [Double]
        /// Half a unit of the reference's last published digit, per entry (0: exact).
        let referenceUncertainty: [Double]
        let perUnitTime: Bool
        /// A linear map: every estimator but the hybrid one is exact up to round-off.
        var isExact = false
        let runs: [Run]
    }

    /// One estimator with its measurement length, the first rule's per-entry absolute
    /// tolerances and, where theory gives one, its predicted bias.
    struct Run {
        let estimator: any LyapunovEstimator
        let steps: Int
        let firstRuleTolerances: [Double]
        var predictedBias: Double? = nil
    }

    /// The cases of the table above.
    func cases() -> [Case] {
        [logisticCase(), henonCase(), lorenzCase()] + [0.3, 0.6].map(quadraticCase)
    }

    private func logisticCase() -> Case {
        let key = self.key.derive("logistic")
        let exact = log(2.0)
        return Case(
            system: "logistic r=4", map: LogisticMap(growthRate: 4), initialState: [0.2], reference: [exact],
            referenceUncertainty: [0], perUnitTime: false,
            runs: [
                Run(estimator: TangentSpaceEstimator(key: key, transientSteps: 100), steps: 200_000,
                    firstRuleTolerances: [0.01 * exact]),
                Run(estimator: BenettinEstimator(key: key, transientSteps: 100), steps: 200_000,
                    firstRuleTolerances: [0.01 * exact]),
                Run(estimator: HybridWolfKantzEstimator(key: key, horizon: 5, transientSteps: 100), steps: 100_000,
                    firstRuleTolerances: [0.01 * exact]),
                Run(estimator: DivergenceFitEstimator(key: key, replicaCount: 500, replicaSpacing: 17, transientSteps: 100),
                    steps: 40, firstRuleTolerances: [0.01 * exact]),
            ])
    }

    private func henonCase() -> Case {
        let key = self.key.derive("henon")
        let reference = [0.41922, -1.62319]
        return Case(
            system: "Hénon a=1.4 b=0.3", map: HenonMap(a: 1.4, b: 0.3), initialState: [0.1, 0.1],
            reference: reference, referenceUncertainty: [5e-6, 5e-6], perUnitTime: false,
            runs: [
                Run(estimator: TangentSpaceEstimator(key: key, exponentCount: 2, transientSteps: 1000),
                    steps: 1_000_000, firstRuleTolerances: reference.map { 0.01 * abs($0) }),
                Run(estimator: BenettinEstimator(key: key, transientSteps: 1000), steps: 1_000_000,
                    firstRuleTolerances: [0.01 * reference[0]]),
                Run(estimator: HybridWolfKantzEstimator(key: key, horizon: 12, transientSteps: 1000), steps: 120_000,
                    firstRuleTolerances: [0.02 * reference[0]]),
                Run(estimator: DivergenceFitEstimator(
                        key: key, replicaCount: 1000, replicaSpacing: 17, transientSteps: 1000,
                        windowRule: DivergenceWindowRule(fitStart: 3)),
                    steps: 60, firstRuleTolerances: [0.01 * reference[0]]),
            ])
    }

    private func lorenzCase() -> Case {
        let key = self.key.derive("lorenz")
        let reference = [0.9056, 0, -14.5723]
        return Case(
            system: "Lorenz σ=10 ρ=28 β=8/3 (RK4 h=0.01)",
            map: LorenzRK4Map(sigma: 10, rho: 28, beta: 8.0 / 3.0, stepSize: 0.01), initialState: [1, 1, 1],
            reference: reference, referenceUncertainty: [5e-5, 0, 5e-5], perUnitTime: true,
            runs: [
                Run(estimator: TangentSpaceEstimator(key: key, exponentCount: 3, transientSteps: 2000), steps: 100_000,
                    firstRuleTolerances: [0.02 * reference[0], 0.02 * reference[0], 0.02 * abs(reference[2])]),
                Run(estimator: BenettinEstimator(key: key, renormalizationInterval: 10, transientSteps: 2000),
                    steps: 100_000, firstRuleTolerances: [0.02 * reference[0]]),
                Run(estimator: HybridWolfKantzEstimator(key: key, horizon: 1000, transientSteps: 2000), steps: 100_000,
                    firstRuleTolerances: [0.03 * reference[0]]),
                Run(estimator: DivergenceFitEstimator(
                        key: key, replicaCount: 100, replicaSpacing: 1000, transientSteps: 2000,
                        windowRule: DivergenceWindowRule(fitStart: 300)),
                    steps: 2500, firstRuleTolerances: [0.03 * reference[0]]),
            ])
    }

    private func quadraticCase(learningRate: Double) -> Case {
        let key = self.key.derive("quadratic", Int((learningRate * 10).rounded()))
        let map = QuadraticGradientDescent(curvatures: [0.25, 1, 2, 3, 4], learningRate: learningRate)
        let horizon = learningRate < 0.5 ? 200 : 35
        return Case(
            system: "GD on ½wᵀAw, a=(0.25,1,2,3,4), η=\(learningRate)", map: map,
            initialState: [0.5, -0.3, 0.2, 0.1, -0.4], reference: [map.exactMaximalExponent],
            referenceUncertainty: [0], perUnitTime: false, isExact: true,
            runs: [
                Run(estimator: TangentSpaceEstimator(key: key, transientSteps: 200), steps: 1000, firstRuleTolerances: [1e-6]),
                Run(estimator: BenettinEstimator(key: key, transientSteps: 200), steps: 1000, firstRuleTolerances: [1e-6]),
                Run(estimator: HybridWolfKantzEstimator(key: key, horizon: horizon), steps: 2 * horizon,
                    firstRuleTolerances: [2 * 0.981 / Double(horizon)],
                    predictedBias: log(Self.alignmentFactor(dimension: map.dimension)) / Double(horizon)),
                Run(estimator: DivergenceFitEstimator(
                        key: key, replicaCount: 4, windowRule: DivergenceWindowRule(fitStart: 60)),
                    steps: 300, firstRuleTolerances: [1e-6]),
            ])
    }
}
