import HDF5

/// Writes the datasets of one group of a results file the way every results file of the
/// report half is written: row-major values of a stated shape, each dataset carrying a
/// `dimensions` attribute (one name per axis) and a `meaning` attribute (what the numbers
/// are, with their unit), so that `h5dump -A` explains the file.
public struct ResultsGroupWriter {
    /// The group being written.
    public let group: HDF5Group

    /// Writes into `group`.
    public init(_ group: HDF5Group) {
        self.group = group
    }

    /// Writes `values` as dataset `name` of `shape` with its `dimensions` and `meaning`
    /// (through the HDF5 layer's declared-field coder, ``HDF5/DatasetField``).
    public func write<T: HDF5FieldElement>(_ name: String, _ values: [T], shape: [Int], dimensions: [String], meaning: String) throws {
        try group.write(DatasetField(name, of: T.self, dimensions: dimensions, meaning: meaning), values, shape: shape)
    }

    /// Writes a ``Grid`` of doubles.
    public func write(_ name: String, _ grid: Grid<Double>, dimensions: [String], meaning: String) throws {
        try write(name, grid.values, shape: grid.shape, dimensions: dimensions, meaning: meaning)
    }

    /// Writes a ``Grid`` of integers as Int64.
    public func write(_ name: String, _ grid: Grid<Int>, dimensions: [String], meaning: String) throws {
        try write(name, grid.values.map(Int64.init), shape: grid.shape, dimensions: dimensions, meaning: meaning)
    }

    /// Sets the group attribute `name`.
    public func attribute(_ name: String, _ value: HDF5AttributeValue) throws {
        try group.setAttribute(name, value)
    }
}
