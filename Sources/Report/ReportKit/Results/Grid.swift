/// An N-dimensional array read from a results file: row-major values, the extent of
/// each dimension and the dimension names (the `dimensions` attribute of the dataset,
/// e.g. `["series", "activation", "width", "learning_rate"]`).
public struct Grid<Element: Sendable>: Sendable {
    /// A grid of `shape` with every element `value`.
    public init(repeating value: Element, shape: [Int]) {
        self.init(values: Array(repeating: value, count: shape.reduce(1, *)), shape: shape)
    }

    /// The elements in row-major order.
    public let values: [Element]
    /// The extent of each dimension, slowest-varying first.
    public let shape: [Int]

    /// Pairs `values` with `shape`; the caller has checked that the counts agree.
    public init(values: [Element], shape: [Int]) {
        self.values = values
        self.shape = shape
    }

    /// The element at one index per dimension.
    public subscript(_ indices: Int...) -> Element {
        values[offset(indices)]
    }

    /// The values along the last dimension at the given leading indices, e.g.
    /// `mean.line(s, a, w)` is λ over all learning rates.
    public func line(_ leading: Int...) -> [Element] {
        precondition(leading.count == shape.count - 1, "line(_:) takes one index per leading dimension")
        let start = offset(leading + [0])
        return Array(values[start..<start + shape[shape.count - 1]])
    }

    private func offset(_ indices: [Int]) -> Int {
        precondition(indices.count == shape.count, "one index per dimension")
        var offset = 0
        for (index, extent) in zip(indices, shape) {
            precondition(index >= 0 && index < extent, "index out of range")
            offset = offset * extent + index
        }
        return offset
    }
}
