import Statistics

/// The characteristic training time of one run (docs/PROTOCOL.md §3, Outputs): the first step
/// at which the test accuracy reaches the target, or ``notReached`` when the run ends
/// first. A run that never reaches the target is *censored* — its time is only known to
/// exceed the run — so it is kept and counted, never dropped: dropping the slow runs
/// would make every η look fast.
///
/// Ordered as in the order statistics used below: every reached time before
/// ``notReached`` (censored = +∞).
public enum TrainingTime: Sendable, Hashable, Comparable {
    /// The target was first reached after `step` steps (0: before training).
    case reached(step: Int)
    /// The run ended before reaching the target (censored).
    case notReached

    /// The first `t` with `accuracy[t] ≥ target`, where `accuracy[t]` is the test accuracy
    /// after `t` steps. A non-finite accuracy (a diverged run) never reaches the target.
    public static func first(reaching target: Double, in accuracy: [Double]) -> TrainingTime {
        accuracy.firstIndex { $0 >= target }.map { TrainingTime.reached(step: $0) } ?? .notReached
    }

    /// The step, or `nil` when censored.
    public var step: Int? {
        if case .reached(let step) = self { step } else { nil }
    }
}

/// The accuracy a run must reach (docs/PROTOCOL.md §3: the primary target is 90 % of the best
/// accuracy reached at any η; fixed absolute targets beside it are a sensitivity check).
public enum AccuracyTarget: Sendable, Hashable {
    /// This fraction of the sweep's best accuracy (``bestAccuracy(in:)``).
    case fractionOfBest(Double)
    /// A fixed accuracy in [0, 1].
    case absolute(Double)

    /// The primary target: 90 % of the best accuracy.
    public static let primary = AccuracyTarget.fractionOfBest(0.9)

    /// The accuracy threshold this target means for a sweep whose best accuracy is `best`.
    public func threshold(bestAccuracy best: Double) -> Double {
        switch self {
        case .fractionOfBest(let fraction): fraction * best
        case .absolute(let accuracy): accuracy
        }
    }

    /// "The best accuracy reached at any η", stated: for each η, the median over
    /// initialisations of each run's peak test accuracy (over all steps); the largest of
    /// these medians over the grid.
    ///
    /// The median over initialisations, not the single best run, so that one lucky
    /// initialisation cannot set the bar for all (the same summary τ itself uses).
    /// Non-finite accuracies (diverged runs) are ignored; a run with none counts as 0.
    /// `accuracy[i][j][t]`: initialisation `i`, grid learning rate `j`, after `t` steps.
    public static func bestAccuracy(in accuracy: [[[Double]]]) throws(JimenezAnalysisError) -> Double {
        let columns = try JimenezAnalysisError.requireMatrix(accuracy, "accuracy")
        var best = -Double.infinity
        for j in 0..<columns {
            let peaks = accuracy.map { run in run[j].filter(\.isFinite).max() ?? 0 }
            best = max(best, try statistics { () throws(StatisticsError) in try Quantiles.median(peaks) })
        }
        return best
    }
}

/// A quantile of training times with censored runs counted as +∞ in the order
/// statistics: a value, or ``notReached`` when the quantile falls on a censored run.
public enum CensoredQuantile: Sendable, Hashable {
    /// The quantile, in steps.
    case value(Double)
    /// The quantile involves a run that never reached the target.
    case notReached

    /// The quantile, or `nil` when not reached.
    public var value: Double? {
        if case .value(let value) = self { value } else { nil }
    }
}

/// The median and quartiles of τ over initialisations at one η, censored runs included.
///
/// How censoring enters: censored runs are +∞ in the order statistics, and quantiles are
/// Hyndman–Fan type 7 (``Quantiles``) of all n runs: with `h = (n − 1)p`, `j = ⌊h⌋`,
/// `γ = h − j`, Q(p) interpolates x₍ⱼ₎ and x₍ⱼ₊₁₎ (the latter only when γ > 0). Q(p) is
/// ``CensoredQuantile/notReached`` exactly when one of the order statistics it uses is
/// censored; otherwise it is the finite interpolation. For the median that means: "not
/// reached" when more than half of the runs are censored (n odd), or at least half (n
/// even, where the median averages the two middle runs).
public struct TrainingTimeSummary: Sendable, Hashable {
    /// n, the initialisations summarized.
    public let runCount: Int
    /// How many of them never reached the target.
    public let censoredCount: Int
    /// The median τ.
    public let median: CensoredQuantile
    /// The first quartile Q(0.25).
    public let lowerQuartile: CensoredQuantile
    /// The third quartile Q(0.75).
    public let upperQuartile: CensoredQuantile

    /// Q(0.75) − Q(0.25), or `nil` when the third quartile is not reached.
    public var interquartileRange: Double? {
        guard let upper = upperQuartile.value, let lower = lowerQuartile.value else { return nil }
        return upper - lower
    }

    /// The summary of one η's training times (at least one run).
    public init(_ times: [TrainingTime]) throws(JimenezAnalysisError) {
        guard !times.isEmpty else { throw .empty(quantity: "training times") }
        let reached = times.compactMap(\.step).map(Double.init)
        runCount = times.count
        censoredCount = times.count - reached.count
        // Censored runs sit above every reached one; any stand-in ≥ the largest reached
        // time gives the same order, and the stand-ins are never interpolated (see above).
        let standIn = (reached.max() ?? 0) + 1
        let ordered = reached + Array(repeating: standIn, count: censoredCount)
        func quantile(_ p: Double) throws(JimenezAnalysisError) -> CensoredQuantile {
            let h = Double(ordered.count - 1) * p
            let j = Int(h.rounded(.down))
            let usesCensored = j >= reached.count || (h > Double(j) && j + 1 >= reached.count)
            if usesCensored { return .notReached }
            return .value(try statistics { () throws(StatisticsError) in try Quantiles.quantile(ordered, p) })
        }
        median = try quantile(0.5)
        lowerQuartile = try quantile(0.25)
        upperQuartile = try quantile(0.75)
    }
}

/// τ(η) of a sweep for one accuracy target (docs/PROTOCOL.md §3): the times of every run, their
/// summary per η, and the argmin of the median.
public struct TrainingTimeAnalysis: Sendable, Hashable {
    /// The target asked for.
    public let target: AccuracyTarget
    /// The accuracy a run had to reach (``AccuracyTarget/threshold(bestAccuracy:)``).
    public let threshold: Double
    /// τ per run, `[initialisation][learning rate]`.
    public let times: [[TrainingTime]]
    /// The summary per grid learning rate.
    public let summaries: [TrainingTimeSummary]
    /// The grid index of the smallest median τ (``argminOfMedian(_:)``).
    public let argminIndex: Int?

    /// Training times from test accuracies `accuracy[i][j][t]` (initialisation `i`, grid
    /// learning rate `j`, after `t` steps). The threshold is resolved once on all runs and
    /// then held fixed, also by ``OnsetBootstrap`` (which measures the uncertainty of the
    /// argmin for this threshold).
    public init(accuracy: [[[Double]]], target: AccuracyTarget = .primary) throws(JimenezAnalysisError) {
        let best = try AccuracyTarget.bestAccuracy(in: accuracy)
        self.target = target
        let threshold = target.threshold(bestAccuracy: best)
        self.threshold = threshold
        times = accuracy.map { runs in runs.map { TrainingTime.first(reaching: threshold, in: $0) } }
        summaries = try Self.columnSummaries(times)
        argminIndex = try Self.argminOfMedian(times)
    }

    /// The grid index whose median τ is smallest; ties go to the smallest η (the fast
    /// region's edge, which is what the claim locates); `nil` when no η's median is reached.
    public static func argminOfMedian(_ times: [[TrainingTime]]) throws(JimenezAnalysisError) -> Int? {
        var best: (index: Int, median: Double)?
        for (j, summary) in try columnSummaries(times).enumerated() {
            guard let median = summary.median.value else { continue }
            if best == nil || median < best!.median { best = (j, median) }
        }
        return best?.index
    }

    static func columnSummaries(_ times: [[TrainingTime]]) throws(JimenezAnalysisError) -> [TrainingTimeSummary] {
        let columns = try JimenezAnalysisError.requireMatrix(times, "training times")
        var summaries: [TrainingTimeSummary] = []
        for j in 0..<columns { summaries.append(try TrainingTimeSummary(times.map { $0[j] })) }
        return summaries
    }
}
