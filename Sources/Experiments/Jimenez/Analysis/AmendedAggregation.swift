import Foundation
import NumericsCore
import ReportKit

/// The amended rules of E4 (docs/PROTOCOL.md §3.6) as the aggregation applies them: which
/// series, floor, tolerance and grids (`jimenez-aggregate` → `steepestSeries`, `amendedRule`,
/// `scaleSeries`).
public struct AmendedRuleSettings: Sendable, Equatable {
    /// The fits of the steepest-window rule, reported per η beside the best-R² fits.
    public var steepestSeries: [String]
    /// The series whose onset the amended rule decides: the primary first
    /// (`divergence-fit-log-mean/steepest`), then the second (`tangent/late`).
    public var series: [String]
    /// δ (nats/step), 0.05: the precedent of the group's earlier code.
    public var floor: Double
    /// r, "at the onset" means within a factor r in η (2.5).
    public var toleranceRatio: Double
    /// The source's η grid; the first rule and the source-grid rows use the sweep's η on it.
    public var sourceGrid: [Double]
    /// The tangent series of the scale check and of the per-η comparison (`tangent/late`).
    public var tangentSeries: String

    /// The settings, as stated in docs/PROTOCOL.md §3.6.
    public init(steepestSeries: [String], series: [String], floor: Double, toleranceRatio: Double, sourceGrid: [Double], tangentSeries: String) {
        (self.steepestSeries, self.series, self.floor) = (steepestSeries, series, floor)
        (self.toleranceRatio, self.sourceGrid, self.tangentSeries) = (toleranceRatio, sourceGrid, tangentSeries)
    }
}

extension JimenezAggregation {
    /// The rules the claim is judged by, first rule first: the first rule (sign only, the
    /// primary best-R² convention, one grid step) on the source grid's η; then the amended
    /// rule for each amended series on the refined grid and on the source grid's η.
    func claimRules(_ rates: [Double]) -> [ClaimRule] {
        guard let amended = amendedRule else {
            return [ClaimRule(label: "first rule", series: primaryConvention, learningRates: rates, gridName: "grid", floor: 0, tolerance: .gridSteps(1))]
        }
        let source = rates.filter(amended.sourceGrid.contains)
        var rules = [
            ClaimRule(label: "first rule", series: primaryConvention, learningRates: source, gridName: "source grid", floor: 0,
                      tolerance: .gridSteps(TransientChaosVerdict.toleranceInGridSteps))
        ]
        for (grid, name) in [(rates, "refined grid"), (source, "source grid")] {
            for series in amended.series {
                rules.append(ClaimRule(
                    label: "amended rule", series: series, learningRates: grid, gridName: name, floor: amended.floor,
                    tolerance: .factor(amended.toleranceRatio)))
            }
        }
        return rules
    }

    /// The claim judged by every rule of ``claimRules(_:)`` with the primary target's times;
    /// rule `v` draws from `key.derive("claim-rule", v)`.
    func claimVerdicts(_ data: SweepObservations, times: [[TrainingTime]]) throws -> JimenezResults.Verdicts {
        let rules = claimRules(data.sweep.learningRates)
        var outcomes: [ClaimRule.Outcome] = []
        for (v, rule) in rules.enumerated() {
            outcomes.append(try rule.outcome(
                exponents: try Self.series(rule.series, in: data), times: times, sweepRates: data.sweep.learningRates, base: onsetRule,
                resamples: bootstrapResamples, innerResamples: innerResamples, key: key.derive("claim-rule", v)))
        }
        let sourceGrid = data.sweep.learningRates.filter { amendedRule?.sourceGrid.contains($0) ?? true }
        return JimenezResults.Verdicts(rules, outcomes, sourceGrid: sourceGrid)
    }

    /// Every fit series against the tangent series, per η: the median over initialisations of
    /// the paired difference λ_fit − λ_tangent (docs/PROTOCOL.md §3.6).
    func comparison(_ data: SweepObservations) throws -> JimenezResults.Comparison {
        let tangentName = amendedRule?.tangentSeries ?? tangentSeries.last ?? ""
        let tangent = try Self.series(tangentName, in: data)
        let fits = conventions + (amendedRule?.steepestSeries ?? [])
        var difference: [Double] = [], count: [Int] = []
        for name in fits {
            let fit = try Self.series(name, in: data)
            for j in data.sweep.learningRates.indices {
                let spread = SpreadOverInitialisations(zip(fit, tangent).map { f, t in f[j].flatMap { a in t[j].map { a - $0 } } })
                difference.append(spread.median)
                count.append(spread.count)
            }
        }
        let shape = [fits.count, data.sweep.learningRates.count]
        return JimenezResults.Comparison(
            fitSeries: fits, tangentSeries: tangentName, medianDifference: Grid(values: difference, shape: shape),
            pairedCount: Grid(values: count, shape: shape))
    }

    /// Onset (tangent λ with the floor) and argmin (median τ for the primary fraction of
    /// each run's own best accuracy on these η) of the main sweep on the η of `scale`, and
    /// of `scale` itself.
    func scaleCheck(main: SweepObservations, scale: SweepObservations) throws -> JimenezResults.Scale {
        guard let amended = amendedRule else {
            throw JimenezAnalysisError.invalidParameter(name: "amendedRule", value: "absent", requirement: "the scale check needs the amended rule's floor and tangent series")
        }
        let rates = scale.sweep.learningRates
        var tau: [Double] = [], lambda: [Double] = [], onset: [Double] = [], argmin: [Double] = [], threshold: [Double] = []
        for (r, data) in [main, scale].enumerated() {
            let columns = try rates.map { rate throws(JimenezAnalysisError) -> Int in
                guard let j = data.sweep.learningRates.firstIndex(of: rate) else {
                    throw JimenezAnalysisError.invalidParameter(
                        name: "scale learning rates", value: "\(rate)", requirement: "every η of the scale check must be on the main grid")
                }
                return j
            }
            let exponents = try Self.series(amended.tangentSeries, in: data).map { row in columns.map { row[$0] } }
            let accuracy = data.testAccuracy.map { row in columns.map { row[$0] } }
            let analysis = try TrainingTimeAnalysis(accuracy: accuracy, target: .fractionOfBest(primaryTargetFraction))
            var rule = onsetRule
            rule.threshold = amended.floor
            let found = try ChaosOnset(exponents: exponents, rule: rule, key: key.derive("scale-onset", r)).onsetIndex
            tau += analysis.summaries.map { $0.median.value ?? .infinity }
            lambda += columns.indices.map { j in SpreadOverInitialisations(exponents.map { $0[j] }).median }
            onset.append(found.map { rates[$0] } ?? .nan)
            argmin.append(analysis.argminIndex.map { rates[$0] } ?? .nan)
            threshold.append(analysis.threshold)
        }
        return JimenezResults.Scale(
            learningRates: rates, series: amended.tangentSeries, floor: amended.floor, targetFraction: primaryTargetFraction,
            trainingSamples: [main.sweep.trainingSamples, scale.sweep.trainingSamples],
            initialisations: [main.sweep.initialisationCount, scale.sweep.initialisationCount], threshold: threshold,
            tauMedian: Grid(values: tau, shape: [2, rates.count]), lambdaMedian: Grid(values: lambda, shape: [2, rates.count]),
            onset: onset, argmin: argmin)
    }

    /// The λ matrix of `name`, or an error that lists the series the files hold.
    static func series(_ name: String, in data: SweepObservations) throws(JimenezAnalysisError) -> [[Double?]] {
        guard let matrix = data.estimates[name] else {
            throw JimenezAnalysisError.invalidParameter(
                name: "series", value: name, requirement: "the exponents files must hold it (they have: \(data.estimates.keys.sorted().joined(separator: ", ")))")
        }
        return matrix
    }
}
