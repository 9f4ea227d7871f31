/// The "faster" measure of the E5 verdicts (docs/PROTOCOL.md §4): the first evaluation epoch
/// at which the mean test accuracy over seeds reaches a target accuracy stated in advance.
public enum EpochsToAccuracy {
    /// The first of `epochs` whose `meanAccuracy` is at least `target`; nil when never reached.
    public static func first(epochs: [Double], meanAccuracy: [Double], target: Double) -> Double? {
        zip(epochs, meanAccuracy).first { $0.1.isFinite && $0.1 >= target }?.0
    }
}
