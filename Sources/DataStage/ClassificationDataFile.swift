import Datasets
import HDF5

/// The layout of a data set file (written by `generate-data`, read by training stages):
/// groups `train` and `test`, each with `inputs` (samples × features, Float64 or UInt8
/// pixels) and `labels` (Int64 class indices).
public enum ClassificationDataFile {
    /// Writes `data` as group `split` of `file`.
    public static func write(_ data: ClassificationData, split: String, to file: HDF5File) throws {
        let group = try file.root.createGroup(split)
        let inputs = try group.writeDataset(
            "inputs", data.inputs, shape: [data.count, data.featureCount],
            chunk: [min(data.count, 4096), data.featureCount], deflateLevel: 4)
        try inputs.setAttribute("dimensions", .strings(["sample", "feature"]))
        try inputs.setAttribute("meaning", .string("input features, one sample per row"))
        let labels = try group.writeDataset("labels", data.labels.map(Int64.init), shape: [data.count])
        try labels.setAttribute("dimensions", .strings(["sample"]))
        try labels.setAttribute("meaning", .string("class index of each sample"))
    }

    /// Reads group `split` of `file` (pixels stored as bytes are scaled to [0, 1]).
    public static func read(split: String, from file: HDF5File) throws -> ClassificationData {
        let group = try file.root.openGroup(split)
        let inputs = try group.dataset("inputs")
        let values: [Double]
        if inputs.elementType == .uint8 {
            values = try inputs.read(as: UInt8.self).values.map { Double($0) / 255 }
        } else {
            values = try inputs.read(as: Double.self).values
        }
        let labels = try group.readDataset("labels", as: Int64.self).values.map(Int.init)
        guard inputs.shape.count == 2, inputs.shape[0] == labels.count else {
            throw HDF5Error(
                kind: .invalidArgument, filePath: file.path, objectPath: inputs.path, operation: "read data set",
                reason: "inputs of shape \(inputs.shape) do not match \(labels.count) labels", libraryMessage: nil)
        }
        return ClassificationData(inputs: values, labels: labels, featureCount: inputs.shape[1])
    }
}
