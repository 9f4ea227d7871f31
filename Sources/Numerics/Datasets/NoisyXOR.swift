import NumericsCore

/// XOR with noisy inputs (docs/PROTOCOL.md §2, after the public code of Mittra 2024):
/// `x ∈ {0,1}²` uniform, label `y = x₀ XOR x₁` from the clean bits, inputs plus
/// independent Gaussian noise of standard deviation `noise`.
public struct NoisyXOR: Sendable, Equatable {
    public var sampleCount: Int
    public var noise: Double

    public init(sampleCount: Int = 1000, noise: Double = 0.2) {
        self.sampleCount = sampleCount
        self.noise = noise
    }

    /// Draws the data set from `key`. Per sample, in order: bit 0, bit 1 (each
    /// `index(below: 2)`), then the noise of feature 0 and of feature 1.
    public func generate(key: SeedKey) -> ClassificationData {
        var stream = key.stream()
        var inputs: [Double] = []
        inputs.reserveCapacity(2 * sampleCount)
        var labels: [Int] = []
        labels.reserveCapacity(sampleCount)
        for _ in 0..<sampleCount {
            let first = stream.index(below: 2)
            let second = stream.index(below: 2)
            inputs.append(Double(first) + noise * stream.normal())
            inputs.append(Double(second) + noise * stream.normal())
            labels.append(first ^ second)
        }
        return ClassificationData(inputs: inputs, labels: labels, featureCount: 2)
    }
}
