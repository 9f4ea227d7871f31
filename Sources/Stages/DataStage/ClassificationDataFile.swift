import Datasets
import HDF5

/// The layout of a data set file (written by `generate-data`, read by training stages):
/// groups `train` and `test`, each with `inputs` (samples × features, Float64 or UInt8
/// pixels) and `labels` (Int64 class indices). A file of several independent draws of
/// the same law (root attribute `draw_count` = K) holds them as `draws/0000/train`,
/// `draws/0000/test`, … `draws/<K−1>/…` instead.
public enum ClassificationDataFile {
    /// The name, inside group `draws`, of the group that holds draw `draw` of a K-draw file.
    public static func drawGroupName(_ draw: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(draw).count)) + String(draw)
    }

    /// The number of independent draws `file` holds (1 for a plain `train`/`test` file).
    public static func drawCount(in file: HDF5File) throws -> Int {
        guard try file.root.hasAttribute("draw_count") else { return 1 }
        guard case .int(let count) = try file.root.attribute("draw_count"), count >= 1 else {
            throw HDF5Error(
                kind: .invalidArgument, filePath: file.path, objectPath: "/", operation: "read data set",
                reason: "its root attribute draw_count is not a positive integer", libraryMessage: nil)
        }
        return Int(count)
    }

    /// Reads group `split` of draw `draw` of `file` (draw 0 of a one-draw file is its
    /// root `train`/`test`); a draw the file does not hold is an error naming the file.
    public static func read(split: String, draw: Int, from file: HDF5File) throws -> ClassificationData {
        let count = try drawCount(in: file)
        guard (0..<count).contains(draw) else {
            throw HDF5Error(
                kind: .invalidArgument, filePath: file.path, objectPath: "/", operation: "read data set",
                reason: "data draw \(draw) was asked for, but the file holds \(count) draw\(count == 1 ? "" : "s") (0…\(count - 1)); "
                    + "generate more with the data stage's parameter draws", libraryMessage: nil)
        }
        let parent = try file.root.hasAttribute("draw_count")
            ? file.root.openGroup("draws").openGroup(drawGroupName(draw)) : file.root
        return try read(group: try parent.openGroup(split), file: file)
    }

    /// Writes `data` as group `split` of `file`.
    public static func write(_ data: ClassificationData, split: String, to file: HDF5File) throws {
        try write(data, into: try file.root.createGroup(split))
    }

    /// Writes `data` as group `split` of draw `draw` (creating the draw's group); the
    /// writer sets the root attribute `draw_count`.
    public static func write(_ data: ClassificationData, split: String, draw: Int, to file: HDF5File) throws {
        let root = try file.root
        let draws = try root.contains("draws") ? root.openGroup("draws") : root.createGroup("draws")
        let name = drawGroupName(draw)
        let group = try draws.contains(name) ? draws.openGroup(name) : draws.createGroup(name)
        try write(data, into: try group.createGroup(split))
    }

    static func write(_ data: ClassificationData, into group: HDF5Group) throws {
        let inputs = try group.writeDataset(
            "inputs", data.inputs, shape: [data.count, data.featureCount],
            chunk: [min(data.count, 4096), data.featureCount], deflateLevel: 4)
        try inputs.setAttribute("dimensions", .strings(["sample", "feature"]))
        try inputs.setAttribute("meaning", .string("input features, one sample per row"))
        let labels = try group.writeDataset("labels", data.labels.map(Int64.init), shape: [data.count])
        try labels.setAttribute("dimensions", .strings(["sample"]))
        try labels.setAttribute("meaning", .string("class index of each sample"))
    }

    /// Reads group `split` of a one-draw `file` (pixels stored as bytes are scaled to [0, 1]).
    public static func read(split: String, from file: HDF5File) throws -> ClassificationData {
        let count = try drawCount(in: file)
        guard count == 1 else {
            throw HDF5Error(
                kind: .invalidArgument, filePath: file.path, objectPath: "/", operation: "read data set",
                reason: "the file holds \(count) data draws; name one (dataDraw in the training stage)", libraryMessage: nil)
        }
        return try read(split: split, draw: 0, from: file)
    }

    static func read(group: HDF5Group, file: HDF5File) throws -> ClassificationData {
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
