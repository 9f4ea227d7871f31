/// The amended E5 verdict rules (docs/PROTOCOL.md §4, issue #20) applied to the rows of
/// ``LeimkuhlerResults``: a method (row) against a baseline (row), paired by seed index.
/// The old rules (``OptimizerVerdict``) stay beside them, labelled.
public enum AmendedVerdict {
    /// Every rule's evidence and answer for one method against one baseline.
    public struct Comparison: Sendable, Equatable {
        /// The common target of the pair's "faster" rule and its paired sign test (``TimeToTarget``).
        public var target: Double
        public var faster: TimeToTarget.Comparison
        /// The rule as before: the 95 % t intervals of the final mean test accuracy do not overlap, the method's above.
        public var moreAccurate: Bool
        /// The one-sided F-test of the final accuracy's variance ratio (``VarianceRatioTest``).
        public var robust: VarianceRatioTest.Outcome
        /// The paired interval of the last-epoch gap difference (``GapComparison``).
        public var gap: GapComparison.Outcome
    }

    /// The median-over-seeds test-accuracy curve of row `o`.
    public static func medianCurve(_ r: LeimkuhlerResults, _ o: Int) -> [Double] {
        TimeToTarget.medianCurve(perSeed(r, o))
    }

    /// Row `o`'s test-accuracy curves per seed [N][K].
    public static func perSeed(_ r: LeimkuhlerResults, _ o: Int) -> [[Double]] {
        (0..<r.seedCount).map { r.testAccuracyPerSeed.line(o, $0) }
    }

    /// Row `o`'s per-seed epochs to `target` (nil: censored).
    public static func epochsToTarget(_ r: LeimkuhlerResults, _ o: Int, target: Double) -> [Double?] {
        TimeToTarget.perSeed(epochs: r.epochs, runs: perSeed(r, o), target: target)
    }

    /// The common target of `rows`: `fraction` × the lowest of their best median accuracies.
    public static func target(_ r: LeimkuhlerResults, rows: [Int], fraction: Double) -> Double {
        TimeToTarget.commonTarget(medianCurves: rows.map { medianCurve(r, $0) }, fraction: fraction)
    }

    /// Row `method` against row `baseline` with `thresholds`; the "faster" target is common to the pair.
    public static func compare(_ r: LeimkuhlerResults, method: Int, baseline: Int, thresholds: VerdictThresholds) -> Comparison {
        let alpha = thresholds.significanceLevel
        let target = target(r, rows: [method, baseline], fraction: thresholds.targetFraction)
        return Comparison(
            target: target,
            faster: TimeToTarget.compare(epochsToTarget(r, method, target: target), against: epochsToTarget(r, baseline, target: target), alpha: alpha),
            moreAccurate: SeedBand(r.finalTestAccuracy.line(method)).isAbove(SeedBand(r.finalTestAccuracy.line(baseline))),
            robust: VarianceRatioTest.compare(r.finalTestAccuracy.line(method), against: r.finalTestAccuracy.line(baseline), alpha: alpha),
            gap: GapComparison.compare(r.finalGap.line(method), against: r.finalGap.line(baseline), alpha: alpha))
    }

    /// How many of row `o`'s tensors with a target are in equipartition, of how many.
    public static func equipartitionHolds(_ r: LeimkuhlerResults, _ o: Int, tolerance: Double) -> (held: Int, total: Int) {
        let tensors = r.tensors.indices.filter { r.targetTemperature[o, $0].isFinite }
        let held = tensors.filter {
            Equipartition.holds(ratio: Equipartition.ratio(r.kineticTemperature.line(o, $0), target: r.targetTemperature[o, $0]), tolerance: tolerance)
        }
        return (held.count, tensors.count)
    }
}
