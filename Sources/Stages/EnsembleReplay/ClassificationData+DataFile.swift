import Datasets
import FileSchemas

extension ClassificationData {
    /// The samples of a split read from a data file (``FileSchemas/DataFile``).
    public init(_ split: DataFile.Split) {
        self.init(inputs: split.inputs, labels: split.labels, featureCount: split.featureCount)
    }
}
