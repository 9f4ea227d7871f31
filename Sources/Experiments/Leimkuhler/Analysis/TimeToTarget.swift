import Statistics

/// The amended "faster" rule of the E5 verdicts (docs/PROTOCOL.md §4, amended after the referee
/// of issue #20 found that 85 % is reached by neither SGD nor Adam, so the old rule repeated
/// "more accurate"):
///
/// 1. The *common target* is `fraction` × the lowest, over the compared methods, of the best
///    (over evaluation epochs) median-over-seeds test accuracy: every compared method's
///    median run reaches it.
/// 2. Per seed, the epochs to the target are the first evaluation epoch at which that seed's
///    test accuracy reaches it; a seed that never does is *censored* (nil: slower than any time).
/// 3. A method is faster than a baseline when, paired by seed (seed s of every method trains
///    on data draw s), it reaches the target earlier in significantly more pairs than later:
///    the exact one-sided sign test (``SignTest``) at the level α; ties (equal epochs, or
///    both censored) take no part.
public enum TimeToTarget {
    /// The outcome of one method against one baseline.
    public struct Comparison: Sendable, Equatable {
        /// Pairs in which the method reaches the target earlier, later, or at the same epoch (both censored included).
        public var wins: Int, losses: Int, ties: Int
        /// The one-sided sign-test p-value of `wins` against `losses`.
        public var pValue: Double
        /// p < α.
        public var faster: Bool
    }

    /// The median over the finite values of each epoch's column of `runs` [N][K]; NaN where none is finite.
    public static func medianCurve(_ runs: [[Double]]) -> [Double] {
        let k = runs.map(\.count).max() ?? 0
        return (0..<k).map { e in
            let column = runs.compactMap { e < $0.count && $0[e].isFinite ? $0[e] : nil }
            return (try? Quantiles.median(column)) ?? .nan
        }
    }

    /// `fraction` × min over `medianCurves` of each curve's highest finite value; NaN when a curve has none.
    public static func commonTarget(medianCurves: [[Double]], fraction: Double) -> Double {
        let bests = medianCurves.map { $0.filter(\.isFinite).max() ?? .nan }
        guard !bests.isEmpty, bests.allSatisfy(\.isFinite) else { return .nan }
        return fraction * bests.min()!
    }

    /// Per seed the first of `epochs` at which its accuracy in `runs` [N][K] is at least `target`; nil (censored) when never.
    public static func perSeed(epochs: [Double], runs: [[Double]], target: Double) -> [Double?] {
        runs.map { EpochsToAccuracy.first(epochs: epochs, meanAccuracy: $0, target: target) }
    }

    /// The median of per-seed times with censored seeds counted as later than every time; nil
    /// when the median falls on a censored seed (for an even count, when either middle value does).
    public static func medianEpochs(_ times: [Double?]) -> Double? {
        guard !times.isEmpty else { return nil }
        let sorted = times.map { $0 ?? .infinity }.sorted()
        let n = sorted.count
        let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        return median.isFinite ? median : nil
    }

    /// `method` against `baseline`, paired by position (seed index) over the common seeds, at level `alpha`.
    public static func compare(_ method: [Double?], against baseline: [Double?], alpha: Double) -> Comparison {
        var (wins, losses, ties) = (0, 0, 0)
        for (m, b) in zip(method, baseline) {
            let (a, c) = (m ?? .infinity, b ?? .infinity)
            if a < c { wins += 1 } else if a > c { losses += 1 } else { ties += 1 }
        }
        let p = SignTest.oneSidedPValue(wins: wins, losses: losses)
        return Comparison(wins: wins, losses: losses, ties: ties, pValue: p, faster: p < alpha)
    }
}
