import NumericsCore

/// Which samples step t uses. The schedule is a pure function of t, so every run of an
/// ensemble (and every neighbour started later) sees the same minibatch at the same step.
public enum BatchSchedule: Sendable, Hashable {
    /// Every step uses the whole training set in its stored order (full-batch GD).
    case fullBatch
    /// Shuffled minibatches of `size`: epoch e is the Fisher–Yates permutation of
    /// `key.derive("epoch", e)`'s stream, cut into ⌈m / size⌉ consecutive batches (the
    /// last one smaller when size does not divide m, as PyTorch's DataLoader with
    /// `drop_last=False`); step t is batch t mod ⌈m/size⌉ of epoch ⌊t / ⌈m/size⌉⌋.
    case shuffledMinibatches(size: Int, key: SeedKey)

    /// Steps in one epoch over `sampleCount` samples.
    public func stepsPerEpoch(sampleCount: Int) -> Int {
        switch self {
        case .fullBatch: return 1
        case .shuffledMinibatches(let size, _): return (sampleCount + size - 1) / size
        }
    }

    /// Checks the minibatch size.
    public func validate(sampleCount: Int) throws(NetworkError) {
        if case .shuffledMinibatches(let size, _) = self, size <= 0 || size > sampleCount {
            throw .invalidConfiguration("minibatch size \(size) must lie in 1...\(sampleCount) (the training set size)")
        }
    }

    /// The sample indices of step `step` (nil: all samples in order).
    public func indices(step: Int, sampleCount: Int) -> [Int]? {
        var cache = EpochCache()
        return cache.indices(schedule: self, step: step, sampleCount: sampleCount)
    }

    /// The permutation of the current epoch, kept so that a run does not reshuffle at
    /// every step of the same epoch.
    struct EpochCache {
        var epoch = -1
        var permutation: [Int] = []

        mutating func indices(schedule: BatchSchedule, step: Int, sampleCount: Int) -> [Int]? {
            positions(schedule: schedule, step: step, sampleCount: sampleCount).map { Array(permutation[$0]) }
        }

        /// Where step `step`'s sample indices lie in ``permutation`` (nil: all samples in
        /// order), reshuffling only when the epoch changes; allocates nothing otherwise.
        mutating func positions(schedule: BatchSchedule, step: Int, sampleCount: Int) -> Range<Int>? {
            guard case .shuffledMinibatches(let size, let key) = schedule else { return nil }
            let perEpoch = (sampleCount + size - 1) / size
            let epoch = step / perEpoch, position = step % perEpoch
            if epoch != self.epoch {
                var stream = key.derive("epoch", epoch).stream()
                permutation = stream.permutation(sampleCount)
                self.epoch = epoch
            }
            let start = position * size
            return start..<min(start + size, sampleCount)
        }
    }
}
