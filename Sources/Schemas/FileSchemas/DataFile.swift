import HDF5

/// The data file (written by `generate-data`, read by the training and estimation stages
/// and the aggregates), one type that writes and reads it: groups `train` and `test`, each
/// with `inputs` [sample, feature] (Float64; image sets: [sample, pixel], UInt8 or Float64)
/// and `labels` [sample] (Int64 class indices), image sets also `source_index` [sample]. A
/// file of K independent draws of one law (root attribute `draw_count` = K) holds them as
/// `draws/0000/train`, `draws/0000/test`, … `draws/<K−1>/…` instead.
public enum DataFile {
    /// One split (training or test set) in memory: `inputs` row-major samples × features.
    public struct Split: Sendable, Equatable {
        /// Row-major `count × featureCount` (pixels stored as bytes are scaled to [0, 1]).
        public var inputs: [Double]
        /// The class index of each sample.
        public var labels: [Int]
        /// Features per sample.
        public var featureCount: Int

        /// A split of these samples.
        public init(inputs: [Double], labels: [Int], featureCount: Int) {
            (self.inputs, self.labels, self.featureCount) = (inputs, labels, featureCount)
        }

        /// The number of samples.
        public var count: Int { labels.count }
    }

    /// The declared attributes and datasets (dataset paths relative to a split's group).
    public enum Fields {
        /// Root `dataset`: the generator (`xor`, `two-spirals`, `idx`).
        public static let dataset = AttributeField<String>("dataset", meaning: "the generator: xor, two-spirals or idx")
        /// Root `name` of an imported image set.
        public static let name = AttributeField<String>("name", meaning: "the data set's name (image sets)")
        /// Root `class_count`.
        public static let classCount = AttributeField<Int64>("class_count", meaning: "number of classes")
        /// Root `draw_count` of a K-draw file.
        public static let drawCount = AttributeField<Int64>("draw_count", meaning: "independent draws held under draws/")
        /// `inputs` [sample, feature] of generated sets.
        public static let inputs = DatasetField<Double>(
            "inputs", dimensions: ["sample", "feature"], meaning: "input features, one sample per row",
            storage: .chunked(deflateLevel: 4) { [min($0[0], 4096), $0[1]] })
        /// `inputs` [sample, pixel] of an image set stored as bytes.
        public static let pixelBytes = DatasetField<UInt8>(
            "inputs", dimensions: ["sample", "pixel"],
            meaning: "pixel intensities 0…255, one image per row (row-major 28×28); divide by 255 for [0, 1]",
            storage: .chunked(deflateLevel: 4) { [min($0[0], 1024), $0[1]] })
        /// `inputs` [sample, pixel] of an image set stored as scaled doubles.
        public static let pixelIntensities = DatasetField<Double>(
            "inputs", dimensions: ["sample", "pixel"], meaning: "pixel intensities scaled to [0, 1] (byte / 255), one image per row",
            storage: .chunked(deflateLevel: 4) { [min($0[0], 1024), $0[1]] })
        /// `labels` [sample].
        public static let labels = DatasetField<Int64>("labels", dimensions: ["sample"], meaning: "class index of each sample")
        /// `source_index` [sample] of an image set.
        public static let sourceIndex = DatasetField<Int64>(
            "source_index", dimensions: ["sample"], meaning: "index of each sample in the original IDX file")
        /// Every dataset.
        public static let all: [any DeclaredField] = [inputs, pixelBytes, pixelIntensities, labels, sourceIndex]
    }

    /// The name, inside group `draws`, of the group that holds draw `draw` of a K-draw file.
    public static func drawGroupName(_ draw: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(draw).count)) + String(draw)
    }

    /// The number of independent draws `file` holds (1 for a plain `train`/`test` file).
    public static func drawCount(in file: HDF5File) throws -> Int {
        guard let count = try file.readIfPresent(Fields.drawCount) else { return 1 }
        guard count >= 1 else {
            throw SchemaError(file: file.path, object: "/", reason: "its root attribute draw_count is \(count), not a positive integer; rerun the data stage")
        }
        return Int(count)
    }

    /// The group of split `split` (`train`, `test`) of draw `draw`; a draw the file does not
    /// hold is an error naming the file.
    public static func group(split: String, draw: Int, in file: HDF5File) throws -> HDF5Group {
        let count = try drawCount(in: file)
        guard (0..<count).contains(draw) else {
            throw SchemaError(
                file: file.path, object: "/",
                reason: "data draw \(draw) was asked for, but the file holds \(count) draw\(count == 1 ? "" : "s") (0…\(count - 1)); "
                    + "generate more with the data stage's parameter draws")
        }
        let parent = try file.root.hasAttribute(Fields.drawCount.name)
            ? file.root.openGroup("draws").openGroup(drawGroupName(draw)) : file.root
        return try parent.openGroup(split)
    }

    /// Reads split `split` of draw `draw` (draw 0 of a one-draw file is its root `train`/`test`).
    public static func read(split: String, draw: Int, from file: HDF5File) throws -> Split {
        let group = try group(split: split, draw: draw, in: file)
        let stored = try group.dataset(Fields.inputs.path)
        let inputs: HDF5Array<Double>
        if stored.elementType == .uint8 {
            let bytes = try group.read(Fields.pixelBytes)
            inputs = HDF5Array(values: bytes.values.map { Double($0) / 255 }, shape: bytes.shape)
        } else {
            inputs = try group.read(Fields.inputs)
        }
        let labels = try group.read(Fields.labels).values.map(Int.init)
        guard inputs.shape[0] == labels.count else {
            throw SchemaError(
                file: file.path, object: stored.path, reason: "inputs of shape \(inputs.shape) do not match \(labels.count) labels; rerun the data stage")
        }
        return Split(inputs: inputs.values, labels: labels, featureCount: inputs.shape[1])
    }

    /// The number of samples of split `split` of draw `draw`, without reading them.
    public static func sampleCount(split: String, draw: Int = 0, in file: HDF5File) throws -> Int {
        try group(split: split, draw: draw, in: file).open(Fields.labels).shape[0]
    }

    /// Writes `data` as split `split` of a one-draw `file`.
    public static func write(_ data: Split, split: String, to file: HDF5File) throws {
        try write(data, into: try file.root.createGroup(split))
    }

    /// Writes `data` as split `split` of draw `draw` (creating the draw's group); the caller
    /// sets the root attribute `draw_count` once all draws are written.
    public static func write(_ data: Split, split: String, draw: Int, to file: HDF5File) throws {
        let root = try file.root
        let draws = try root.contains("draws") ? root.openGroup("draws") : root.createGroup("draws")
        let name = drawGroupName(draw)
        let group = try draws.contains(name) ? draws.openGroup(name) : draws.createGroup(name)
        try write(data, into: try group.createGroup(split))
    }

    static func write(_ data: Split, into group: HDF5Group) throws {
        try group.write(Fields.inputs, data.inputs, shape: [data.count, data.featureCount])
        try group.write(Fields.labels, data.labels.map(Int64.init), shape: [data.count])
    }
}
