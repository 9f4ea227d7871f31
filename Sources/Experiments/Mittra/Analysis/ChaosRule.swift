/// When one training run counts as chaotic (docs/PROTOCOL.md §2 E1): its late-window λ exceeds
/// the chaos threshold and its loss is no longer falling. A positive λ while GD still
/// escapes the loss plateau is the learning transient, not chaos.
public enum ChaosRule {
    /// Whether a run with late-window `lambda` (nats/step) and `lossStillFalling` is chaotic.
    public static func isChaotic(lambda: Double, lossStillFalling: Bool, threshold: Double) -> Bool {
        lambda > threshold && !lossStillFalling
    }

    /// The fraction of `runs` that are chaotic; NaN for no runs.
    public static func chaoticFraction(_ runs: [(lambda: Double, lossStillFalling: Bool)], threshold: Double) -> Double {
        Double(runs.filter { isChaotic(lambda: $0.lambda, lossStillFalling: $0.lossStillFalling, threshold: threshold) }.count)
            / Double(runs.count)
    }
}
