/// An N-dimensional array read from a dataset: the elements in row-major (C)
/// order, as HDF5 stores them, and the shape. Rank 0 (`shape == []`) is a
/// scalar with one element.
public struct HDF5Array<Element> {
    /// The elements in row-major order; `values.count` is the product of `shape`.
    public var values: [Element]
    /// The extent of each dimension, slowest-varying first.
    public var shape: [Int]

    /// Pairs `values` (row-major) with their `shape`; the caller keeps
    /// `values.count` equal to the product of `shape`.
    public init(values: [Element], shape: [Int]) {
        self.values = values
        self.shape = shape
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }
}

extension HDF5Array: Equatable where Element: Equatable {}
extension HDF5Array: Sendable where Element: Sendable {}
