/// A labelled data set held in memory: `inputs` is row-major `count × featureCount`
/// (one sample per row), `labels` are class indices.
public struct ClassificationData: Sendable, Equatable {
    public var inputs: [Double]
    public var labels: [Int]
    public var featureCount: Int

    public init(inputs: [Double], labels: [Int], featureCount: Int) {
        precondition(inputs.count == labels.count * featureCount, "inputs must be count × featureCount")
        self.inputs = inputs
        self.labels = labels
        self.featureCount = featureCount
    }

    /// The number of samples.
    public var count: Int { labels.count }

    /// Feature `feature` of sample `sample`.
    public subscript(sample: Int, feature: Int) -> Double {
        inputs[sample * featureCount + feature]
    }
}
