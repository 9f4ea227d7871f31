import Datasets

extension Dataset {
    /// A training set from labelled data (`Datasets.ClassificationData`, sample-major):
    /// inputs transposed to the engine's feature-major layout; targets are the label
    /// itself (0/1) for one output, one-hot for more.
    public init(_ data: ClassificationData, outputCount: Int) throws(NetworkError) {
        let sampleCount = data.count
        var inputs = [Double](repeating: 0, count: data.inputs.count)
        for sample in 0..<sampleCount {
            for feature in 0..<data.featureCount {
                inputs[feature * sampleCount + sample] = data.inputs[sample * data.featureCount + feature]
            }
        }
        let targets =
            outputCount == 1
            ? data.labels.map(Double.init) : try Dataset.oneHotTargets(labels: data.labels, classCount: outputCount)
        try self.init(inputs: inputs, targets: targets, inputCount: data.featureCount, outputCount: outputCount)
    }
}
