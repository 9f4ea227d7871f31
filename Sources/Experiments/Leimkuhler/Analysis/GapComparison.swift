import Statistics

/// The "less overfitting" rule of the E5 verdicts (docs/PROTOCOL.md §4): the gap between the
/// whole-training-set and the test accuracy at the last epoch, per seed. A method overfits
/// less than a baseline when the (1 − α) Student-t interval of the mean paired difference
/// (method's gap − baseline's gap, paired by seed index, since seed s of every method trains
/// on data draw s; pairs with a non-finite gap left out) lies wholly below zero.
public enum GapComparison {
    /// The outcome of one method against one baseline.
    public struct Outcome: Sendable, Equatable {
        /// The mean paired difference and its interval (NaN with fewer than 2 pairs).
        public var meanDifference: Double, low: Double, high: Double
        /// How many pairs entered.
        public var pairs: Int
        /// The whole interval is below zero.
        public var lessOverfitting: Bool
    }

    /// `methodGaps` against `baselineGaps` (per seed index) at level `alpha`.
    public static func compare(_ methodGaps: [Double], against baselineGaps: [Double], alpha: Double) -> Outcome {
        let differences = zip(methodGaps, baselineGaps).compactMap { $0.isFinite && $1.isFinite ? $0 - $1 : nil }
        let mean = differences.isEmpty ? .nan : differences.reduce(0, +) / Double(differences.count)
        guard let interval = try? ConfidenceInterval.studentT(forMeanOf: differences, level: 1 - alpha) else {
            return Outcome(meanDifference: mean, low: .nan, high: .nan, pairs: differences.count, lessOverfitting: false)
        }
        return Outcome(meanDifference: mean, low: interval.lower, high: interval.upper, pairs: differences.count, lessOverfitting: interval.upper < 0)
    }
}
