/// Samples with inputs and targets, stored **feature-major** (features × samples):
/// `inputs[f * sampleCount + n]` is input feature `f` of sample `n`, and likewise
/// `targets[k * sampleCount + n]`. Feature-major puts samples in the innermost,
/// contiguous dimension, which is what the vectorized kernels loop over.
///
/// Targets: class-probability (usually one-hot) rows for softmax outputs; values in
/// [0, 1] for sigmoid outputs; any reals for MSE.
public struct Dataset: Sendable, Hashable {
    /// Input features per sample.
    public let inputCount: Int
    /// Target values per sample.
    public let outputCount: Int
    /// Number of samples.
    public let sampleCount: Int
    /// `inputCount × sampleCount`, feature-major.
    public let inputs: [Double]
    /// `outputCount × sampleCount`, feature-major.
    public let targets: [Double]

    /// A data set from feature-major arrays; checks the shapes.
    public init(inputs: [Double], targets: [Double], inputCount: Int, outputCount: Int) throws(NetworkError) {
        guard inputCount > 0, outputCount > 0 else {
            throw .datasetShapeMismatch("inputCount \(inputCount) and outputCount \(outputCount) must be positive")
        }
        guard inputs.count % inputCount == 0, inputs.count / inputCount > 0 else {
            throw .datasetShapeMismatch("\(inputs.count) input values are not a positive multiple of inputCount \(inputCount)")
        }
        let samples = inputs.count / inputCount
        guard targets.count == samples * outputCount else {
            throw .datasetShapeMismatch("\(samples) samples need \(samples * outputCount) target values "
                + "(outputCount \(outputCount)), got \(targets.count)")
        }
        self.inputCount = inputCount
        self.outputCount = outputCount
        self.sampleCount = samples
        self.inputs = inputs
        self.targets = targets
    }

    /// A data set from one row per sample (`inputRows[n]`, `targetRows[n]`), transposed
    /// into the feature-major storage.
    public init(inputRows: [[Double]], targetRows: [[Double]]) throws(NetworkError) {
        guard let first = inputRows.first, let firstTarget = targetRows.first,
              inputRows.count == targetRows.count else {
            throw .datasetShapeMismatch("need the same positive number of input and target rows, "
                + "got \(inputRows.count) and \(targetRows.count)")
        }
        let m = inputRows.count
        guard inputRows.allSatisfy({ $0.count == first.count }),
              targetRows.allSatisfy({ $0.count == firstTarget.count }) else {
            throw .datasetShapeMismatch("all input rows (and all target rows) must have the same length")
        }
        var inputs = [Double](repeating: 0, count: first.count * m)
        var targets = [Double](repeating: 0, count: firstTarget.count * m)
        for n in 0..<m {
            for f in 0..<first.count { inputs[f * m + n] = inputRows[n][f] }
            for k in 0..<firstTarget.count { targets[k * m + n] = targetRows[n][k] }
        }
        try self.init(inputs: inputs, targets: targets, inputCount: first.count, outputCount: firstTarget.count)
    }

    /// One-hot target rows (`classCount × labels.count`, feature-major) for class labels.
    public static func oneHotTargets(labels: [Int], classCount: Int) throws(NetworkError) -> [Double] {
        guard labels.allSatisfy({ $0 >= 0 && $0 < classCount }) else {
            throw .datasetShapeMismatch("labels must lie in 0..<\(classCount)")
        }
        var targets = [Double](repeating: 0, count: classCount * labels.count)
        for (n, label) in labels.enumerated() { targets[label * labels.count + n] = 1 }
        return targets
    }

    /// Checks that the data set fits the architecture's input and output sizes.
    public func validate(for architecture: Architecture) throws(NetworkError) {
        guard inputCount == architecture.inputCount, outputCount == architecture.outputCount else {
            throw .datasetShapeMismatch("data set has \(inputCount) inputs and \(outputCount) targets per sample, "
                + "the network \(architecture.layerSizes) needs \(architecture.inputCount) and \(architecture.outputCount)")
        }
    }
}

/// The samples one loss evaluation averages over: a whole data set (in its order) or the
/// listed samples of it (a minibatch; order matters only for the last bits of sums).
public struct Batch: Sendable {
    /// The data set the samples come from.
    public let dataset: Dataset
    /// Sample indices, or `nil` for all samples in order.
    public let indices: [Int]?

    /// The whole data set.
    public init(_ dataset: Dataset) {
        self.dataset = dataset
        self.indices = nil
    }

    /// The listed samples of `dataset`.
    public init(_ dataset: Dataset, indices: [Int]) throws(NetworkError) {
        guard !indices.isEmpty else { throw .invalidBatch("a minibatch needs at least one sample index") }
        guard indices.allSatisfy({ $0 >= 0 && $0 < dataset.sampleCount }) else {
            throw .invalidBatch("sample indices must lie in 0..<\(dataset.sampleCount)")
        }
        self.dataset = dataset
        self.indices = indices
    }

    /// The listed samples, already known to be valid (the trainer's own schedules).
    init(validated dataset: Dataset, indices: [Int]?) {
        self.dataset = dataset
        self.indices = indices
    }

    /// Number of samples in the batch (the m of the mean).
    public var count: Int { indices?.count ?? dataset.sampleCount }
}
