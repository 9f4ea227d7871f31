import HDF5

/// The `/configurations` table that ensembles and exponents files share: one row per
/// trained configuration (activation × width × η × seed), in the file's row order.
public struct ConfigurationTable: Sendable, Equatable {
    /// Position of each row in the full sweep (stable under sharding).
    public var index: [Int64]
    /// Hidden-layer activation of each row (`sigmoid`, `relu`, …).
    public var activation: [String]
    /// Units of the first hidden layer.
    public var width: [Int64]
    /// Step size η.
    public var learningRate: [Double]
    /// Seed index s.
    public var seedIndex: [Int64]

    /// A table of these columns (one value per row each).
    public init(index: [Int64], activation: [String], width: [Int64], learningRate: [Double], seedIndex: [Int64]) {
        (self.index, self.activation, self.width, self.learningRate, self.seedIndex) = (index, activation, width, learningRate, seedIndex)
    }

    /// The number of rows.
    public var count: Int { index.count }

    /// The declared columns.
    public enum Fields {
        /// `/configurations/index` [configuration].
        public static let index = DatasetField<Int64>(
            "configurations/index", dimensions: ["configuration"], meaning: "position in the full sweep")
        /// `/configurations/activation` [configuration].
        public static let activation = DatasetField<String>(
            "configurations/activation", dimensions: ["configuration"], meaning: "activation of the hidden layers (linear, sigmoid, tanh, relu)")
        /// `/configurations/width` [configuration].
        public static let width = DatasetField<Int64>(
            "configurations/width", dimensions: ["configuration"], meaning: "units of the first hidden layer")
        /// `/configurations/learning_rate` [configuration].
        public static let learningRate = DatasetField<Double>(
            "configurations/learning_rate", dimensions: ["configuration"], meaning: "step size η of the optimizer")
        /// `/configurations/seed_index` [configuration].
        public static let seedIndex = DatasetField<Int64>(
            "configurations/seed_index", dimensions: ["configuration"], meaning: "seed s of init/width/w…/seed/s")
        /// Every column.
        public static let all: [any DeclaredField] = [index, activation, width, learningRate, seedIndex]
    }

    /// Writes the five columns into `file`.
    public func write(to file: HDF5File) throws {
        try file.write(Fields.index, index, shape: [count])
        try file.write(Fields.activation, activation, shape: [count])
        try file.write(Fields.width, width, shape: [count])
        try file.write(Fields.learningRate, learningRate, shape: [count])
        try file.write(Fields.seedIndex, seedIndex, shape: [count])
    }

    /// Reads the five columns of `file`; columns of different lengths are an error.
    public init(reading file: HDF5File) throws {
        index = try file.read(Fields.index).values
        activation = try file.read(Fields.activation).values
        width = try file.read(Fields.width).values
        learningRate = try file.read(Fields.learningRate).values
        seedIndex = try file.read(Fields.seedIndex).values
        let count = index.count
        guard [activation.count, width.count, learningRate.count, seedIndex.count].allSatisfy({ $0 == count }) else {
            throw SchemaError(file: file.path, object: "/configurations", reason: "its columns have different lengths; the file is damaged: rerun the stage that writes it")
        }
    }
}
