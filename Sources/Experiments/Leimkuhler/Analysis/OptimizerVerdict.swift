/// The verdict rules of the E5 claims, fixed before the results are read (docs/PROTOCOL.md §4,
/// "faster, more accurate, more robust than SGD and Adam"). A kinetic method is compared
/// with the baselines: SGD at its best rate (``BestRate``) and Adam.
///
/// - *Faster*: it reaches the target test accuracy (mean over seeds) in fewer epochs than
///   every baseline; a baseline that never reaches it counts as slower.
/// - *More accurate*: its 95 % interval of the mean test accuracy at the last epoch lies
///   wholly above every baseline's.
/// - *More robust*: the standard deviation over seeds of its final test accuracy is smaller
///   than every baseline's.
public enum OptimizerVerdict {
    /// What one optimizer brings to the comparison.
    public struct Evidence: Sendable, Equatable {
        /// Epochs to the target accuracy; nil when never reached.
        public var epochsToTarget: Double?
        /// The band of the final test accuracy over seeds.
        public var finalAccuracy: SeedBand

        /// Creates the evidence.
        public init(epochsToTarget: Double?, finalAccuracy: SeedBand) {
            self.epochsToTarget = epochsToTarget
            self.finalAccuracy = finalAccuracy
        }
    }

    /// The three answers for one method against `baselines`.
    public struct Outcome: Sendable, Equatable {
        /// Fewer epochs to the target accuracy than every baseline.
        public var faster: Bool
        /// Final-accuracy interval wholly above every baseline's.
        public var moreAccurate: Bool
        /// Smaller spread over seeds of the final accuracy than every baseline's.
        public var moreRobust: Bool

        /// Creates the outcome.
        public init(faster: Bool, moreAccurate: Bool, moreRobust: Bool) {
            (self.faster, self.moreAccurate, self.moreRobust) = (faster, moreAccurate, moreRobust)
        }
    }

    /// Applies the rules to `method` against every one of `baselines`.
    public static func compare(_ method: Evidence, against baselines: [Evidence]) -> Outcome {
        let faster = method.epochsToTarget.map { epochs in
            baselines.allSatisfy { baseline in baseline.epochsToTarget.map { epochs < $0 } ?? true }
        } ?? false
        let accurate = baselines.allSatisfy { method.finalAccuracy.isAbove($0.finalAccuracy) }
        let robust = method.finalAccuracy.standardDeviation.isFinite && baselines.allSatisfy {
            $0.finalAccuracy.standardDeviation.isFinite && method.finalAccuracy.standardDeviation < $0.finalAccuracy.standardDeviation
        }
        return Outcome(faster: faster, moreAccurate: accurate, moreRobust: robust && !baselines.isEmpty)
    }
}
