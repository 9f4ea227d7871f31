import NumericsCore

/// The statistics of E4 (docs/PROTOCOL.md §3, Outputs and Claim to test) from a sweep's
/// observations: λ(η) per series, the onset per fit convention, τ(η) per accuracy target,
/// the paired bootstrap and the verdict per convention and target, and the figure's curves.
/// Every random draw comes from `key`: the onset bootstrap of convention `c` from
/// `key.derive("onset", c)`, the paired bootstrap of convention `c` and target `k` from
/// `key.derive("paired", c · K + k)`.
public struct JimenezAggregation: Sendable {
    /// The divergence-fit series whose onset is decided (e.g. `divergence-fit-log-mean/auto`).
    public var conventions: [String]
    /// The convention of the claim's verdict (one of ``conventions``).
    public var primaryConvention: String
    /// The tangent-space series reported beside them and compared with the fits.
    public var tangentSeries: [String]
    /// The primary target: this fraction of the best accuracy at any η.
    public var primaryTargetFraction: Double
    /// Fixed accuracies beside it (sensitivity check).
    public var absoluteTargets: [Double]
    /// The onset rule (level, resamples of the median's interval, minimum accepted fraction).
    public var onsetRule: OnsetRule
    /// Outer resamples of the paired bootstrap.
    public var bootstrapResamples: Int
    /// Inner resamples (the onset's interval on each outer resample).
    public var innerResamples: Int
    /// Seeds every bootstrap.
    public var key: SeedKey
    /// Thresholds δ > 0 on λ (nats/step) of the sensitivity rows: the onset and verdict of
    /// the primary convention and target again with "median λ and its interval's lower end
    /// > δ" in place of "> 0". Reported beside the verdict, never replacing it.
    public var sensitivityThresholds: [Double]
    /// The amended rules of docs/PROTOCOL.md §3.6 (`nil`: the first rule alone, on the whole grid).
    public var amendedRule: AmendedRuleSettings?

    /// Creates the aggregation.
    public init(
        conventions: [String], primaryConvention: String, tangentSeries: [String], primaryTargetFraction: Double,
        absoluteTargets: [Double], onsetRule: OnsetRule, bootstrapResamples: Int, innerResamples: Int, key: SeedKey,
        sensitivityThresholds: [Double] = [], amendedRule: AmendedRuleSettings? = nil
    ) {
        self.sensitivityThresholds = sensitivityThresholds
        self.amendedRule = amendedRule
        (self.conventions, self.primaryConvention, self.tangentSeries) = (conventions, primaryConvention, tangentSeries)
        (self.primaryTargetFraction, self.absoluteTargets, self.onsetRule) = (primaryTargetFraction, absoluteTargets, onsetRule)
        (self.bootstrapResamples, self.innerResamples, self.key) = (bootstrapResamples, innerResamples, key)
    }

    /// The accuracy targets in stored order: the primary one, then the absolute ones.
    public var targets: [AccuracyTarget] {
        [.fractionOfBest(primaryTargetFraction)] + absoluteTargets.map(AccuracyTarget.absolute)
    }

    /// The label of a target as the results file stores it.
    public static func label(_ target: AccuracyTarget) -> String {
        switch target {
        case .fractionOfBest(let fraction): "\(fraction) × best accuracy"
        case .absolute(let accuracy): "accuracy \(accuracy)"
        }
    }

    /// The results of `data`, with the scale check when `scale` (the reference runs at a
    /// larger training set) is given.
    public func results(_ data: SweepObservations, scale: SweepObservations? = nil) throws -> JimenezResults {
        let e = data.sweep.learningRates.count
        let series = conventions + tangentSeries + (amendedRule?.steepestSeries ?? [])
        func estimates(_ name: String) throws -> [[Double?]] { try Self.series(name, in: data) }
        try JimenezAnalysisError.require(conventions.contains(primaryConvention), "primaryConvention", primaryConvention, "it must be one of the conventions")

        // λ(η): median and quartiles over initialisations.
        var median: [Double] = [], q25: [Double] = [], q75: [Double] = [], accepted: [Int] = []
        for name in series {
            let matrix = try estimates(name)
            for j in 0..<e {
                let spread = SpreadOverInitialisations(matrix.map { $0[j] })
                median.append(spread.median); q25.append(spread.lowerQuartile); q75.append(spread.upperQuartile)
                accepted.append(spread.count)
            }
        }
        // The onset per convention, and the fits' agreement with the tangent λ.
        var onsets: [ChaosOnset] = []
        var agreementDifference: [Double] = [], agreementCount: [Int] = []
        for (c, name) in conventions.enumerated() {
            let matrix = try estimates(name)
            onsets.append(try ChaosOnset(exponents: matrix, rule: onsetRule, key: key.derive("onset", c)))
            for tangent in tangentSeries {
                let agreement = TangentAgreement(fit: matrix.flatMap { $0 }, tangent: try estimates(tangent).flatMap { $0 })
                agreementDifference.append(agreement.medianAbsoluteDifference)
                agreementCount.append(agreement.count)
            }
        }
        // τ(η) per target.
        var analyses: [TrainingTimeAnalysis] = []
        for target in targets { analyses.append(try TrainingTimeAnalysis(accuracy: data.testAccuracy, target: target)) }
        let best = try AccuracyTarget.bestAccuracy(in: data.testAccuracy)
        func steps(_ quantile: CensoredQuantile) -> Double { quantile.value ?? .infinity }
        // The paired bootstrap and the verdict per convention and target.
        var onsetInterval: [Double] = [], argminInterval: [Double] = [], differenceInterval: [Double] = []
        var undefined: [Double] = [], verdicts: [String] = []
        for (c, name) in conventions.enumerated() {
            for (k, analysis) in analyses.enumerated() {
                let paired = try OnsetBootstrap(
                    exponents: try estimates(name), trainingTimes: analysis.times, onsetRule: onsetRule, resampleCount: bootstrapResamples,
                    innerResampleCount: innerResamples, level: onsetRule.level, key: key.derive("paired", c * analyses.count + k))
                for (distribution, into) in [(paired.onset, 0), (paired.argmin, 1), (paired.difference, 2)] {
                    let bounds = distribution.interval.map { [Double($0.lowerBound), Double($0.upperBound)] } ?? [.nan, .nan]
                    switch into {
                    case 0: onsetInterval += bounds
                    case 1: argminInterval += bounds
                    default: differenceInterval += bounds
                    }
                    undefined.append(distribution.undefinedFraction)
                }
                verdicts.append(Self.text(TransientChaosVerdict.decide(onset: onsets[c], trainingTime: analysis, bootstrap: paired)))
            }
        }
        let k = analyses.count, cs = conventions.count
        let sensitivity = try self.sensitivity(try estimates(primaryConvention), analysis: analyses[0])
        return JimenezResults(
            sweep: data.sweep,
            exponents: JimenezResults.Exponents(
                series: series, conventions: conventions, primaryConvention: primaryConvention, tangentSeries: tangentSeries,
                onsetLevel: onsetRule.level, onsetResamples: onsetRule.resampleCount, minimumAcceptedFraction: onsetRule.minimumAcceptedFraction,
                median: .init(values: median, shape: [series.count, e]), q25: .init(values: q25, shape: [series.count, e]),
                q75: .init(values: q75, shape: [series.count, e]), accepted: .init(values: accepted, shape: [series.count, e]),
                onsetMedian: .init(values: onsets.flatMap { $0.medians.map { $0.median?.estimate ?? .nan } }, shape: [cs, e]),
                onsetLow: .init(values: onsets.flatMap { $0.medians.map { $0.median?.lower ?? .nan } }, shape: [cs, e]),
                onsetHigh: .init(values: onsets.flatMap { $0.medians.map { $0.median?.upper ?? .nan } }, shape: [cs, e]),
                onsetIndex: onsets.map { $0.onsetIndex ?? -1 },
                agreementMedianAbsoluteDifference: .init(values: agreementDifference, shape: [cs, tangentSeries.count]),
                agreementCount: .init(values: agreementCount, shape: [cs, tangentSeries.count])),
            trainingTimes: JimenezResults.TrainingTimes(
                targets: targets.map(Self.label), bestAccuracy: best, threshold: analyses.map(\.threshold),
                median: .init(values: analyses.flatMap { $0.summaries.map { steps($0.median) } }, shape: [k, e]),
                q25: .init(values: analyses.flatMap { $0.summaries.map { steps($0.lowerQuartile) } }, shape: [k, e]),
                q75: .init(values: analyses.flatMap { $0.summaries.map { steps($0.upperQuartile) } }, shape: [k, e]),
                censored: .init(values: analyses.flatMap { $0.summaries.map(\.censoredCount) }, shape: [k, e]),
                argminIndex: analyses.map { $0.argminIndex ?? -1 }),
            bootstrap: JimenezResults.PairedBootstrap(
                resamples: bootstrapResamples, innerResamples: innerResamples, level: onsetRule.level,
                tolerance: TransientChaosVerdict.toleranceInGridSteps,
                onsetInterval: .init(values: onsetInterval, shape: [cs, k, 2]), argminInterval: .init(values: argminInterval, shape: [cs, k, 2]),
                differenceInterval: .init(values: differenceInterval, shape: [cs, k, 2]),
                undefinedFraction: .init(values: undefined, shape: [cs, k, 3]), verdict: .init(values: verdicts, shape: [cs, k])),
            curves: Self.curves(data), sensitivity: sensitivity,
            amended: JimenezResults.Amended(
                comparison: try comparison(data), verdicts: try claimVerdicts(data, times: analyses[0].times),
                scale: try scale.map { try scaleCheck(main: data, scale: $0) }))
    }

    /// The sensitivity rows: per threshold δ the onset, its paired bootstrap with the
    /// primary target's τ (seeds `key.derive("sensitivity", h)`) and the verdict.
    func sensitivity(_ exponents: [[Double?]], analysis: TrainingTimeAnalysis) throws -> JimenezResults.Sensitivity {
        var onsetIndex: [Int] = [], onsetInterval: [Double] = [], differenceInterval: [Double] = [], verdicts: [String] = []
        for (h, threshold) in sensitivityThresholds.enumerated() {
            var rule = onsetRule
            rule.threshold = threshold
            let onset = try ChaosOnset(exponents: exponents, rule: rule, key: key.derive("sensitivity-onset", h))
            let paired = try OnsetBootstrap(
                exponents: exponents, trainingTimes: analysis.times, onsetRule: rule, resampleCount: bootstrapResamples,
                innerResampleCount: innerResamples, level: rule.level, key: key.derive("sensitivity", h))
            onsetIndex.append(onset.onsetIndex ?? -1)
            for (distribution, isOnset) in [(paired.onset, true), (paired.difference, false)] {
                let bounds = distribution.interval.map { [Double($0.lowerBound), Double($0.upperBound)] } ?? [.nan, .nan]
                if isOnset { onsetInterval += bounds } else { differenceInterval += bounds }
            }
            verdicts.append(Self.text(TransientChaosVerdict.decide(onset: onset, trainingTime: analysis, bootstrap: paired)))
        }
        let h = sensitivityThresholds.count
        return JimenezResults.Sensitivity(
            thresholds: sensitivityThresholds, convention: primaryConvention, target: Self.label(targets[0]),
            onsetIndex: onsetIndex, onsetInterval: .init(values: onsetInterval, shape: [h, 2]),
            differenceInterval: .init(values: differenceInterval, shape: [h, 2]), verdict: verdicts)
    }

    /// ⟨ln d(t)/d(0)⟩ per η over the steps the replicas ran (T_R + 1 points) and the median
    /// test accuracy per η over the reference's steps (T + 1): each curve keeps its own
    /// length (a row shorter than its family's longest, e.g. an η without replicas, is
    /// NaN-padded to it).
    static func curves(_ data: SweepObservations) -> JimenezResults.Curves {
        let e = data.sweep.learningRates.count
        let divergence = (0..<e).map { j in StepCurves.meanLogDivergence(data.distances.map { $0[j] }) }
        let accuracy = (0..<e).map { j in StepCurves.medianAccuracy(data.testAccuracy.map { $0[j] }) }
        func grid(_ rows: [[Double]]) -> JimenezResults.Curves.Values {
            let steps = rows.map(\.count).max() ?? 0
            return .init(values: rows.flatMap { $0 + Array(repeating: .nan, count: steps - $0.count) }, shape: [e, steps])
        }
        return JimenezResults.Curves(meanLogDivergence: grid(divergence), medianTestAccuracy: grid(accuracy))
    }

    /// The stored text of a verdict: `reproduced`, `not reproduced`, `inconclusive (<why>)`.
    public static func text(_ verdict: TransientChaosVerdict) -> String {
        switch verdict {
        case .reproduced: "reproduced"
        case .notReproduced: "not reproduced"
        case .inconclusive(.noOnset): "inconclusive (no onset on the grid)"
        case .inconclusive(.noTrainingTime): "inconclusive (no η's median τ reaches the target)"
        case .inconclusive(.differenceUndefined): "inconclusive (too many resamples without an onset or an argmin)"
        case .inconclusive(.unresolved): "inconclusive (the interval straddles the tolerance)"
        }
    }
}
