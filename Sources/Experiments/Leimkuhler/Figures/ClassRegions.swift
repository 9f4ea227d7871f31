/// The regions where a classifier sampled on a grid predicts class 1 (p ≥ ½), as
/// rectangles on a coarser grid: each row of coarse cells is scanned and each run of
/// class-1 cells becomes one rectangle, or extends the rectangle of the row below when
/// that covers the same columns. Coarse, so that a figure of nine panels stays
/// small; the exact boundary is the p = ½ contour drawn over it.
struct ClassRegions: Equatable {
    /// One rectangle in data coordinates.
    struct Rectangle: Equatable {
        var xRange: ClosedRange<Double>
        var yRange: ClosedRange<Double>
    }

    /// Every `stride`-th grid node (and the last) is the centre of a coarse cell.
    static let stride = 2

    /// The rectangles of class 1.
    var classOne: [Rectangle]

    /// The regions of `values` ([y.count × x.count] row-major, `values[i * x.count + j]`
    /// at `(x[j], y[i])`) on the coarse grid of every `stride`-th node; non-finite values
    /// count as class 0.
    init(x: [Double], y: [Double], values: [Double], stride: Int = ClassRegions.stride) {
        let columns = ClassRegions.nodes(x.count, stride: stride)
        let rows = ClassRegions.nodes(y.count, stride: stride)
        let xEdges = ClassRegions.edges(columns.map { x[$0] })
        let yEdges = ClassRegions.edges(rows.map { y[$0] })
        var rectangles: [Rectangle] = []
        // The rectangles of the previous row by their x range, so that a run with the same
        // columns as one just above extends it instead of adding a rectangle.
        var previousRow: [ClosedRange<Double>: Int] = [:]
        for (r, i) in rows.enumerated() {
            var currentRow: [ClosedRange<Double>: Int] = [:]
            var runStart: Int?
            for (c, j) in columns.enumerated() {
                let index = i * x.count + j
                let isOne = index < values.count && values[index].isFinite && values[index] >= 0.5
                if isOne, runStart == nil { runStart = c }
                let runEnds = runStart != nil && (!isOne || c == columns.count - 1)
                if runEnds, let start = runStart {
                    let end = isOne ? c : c - 1
                    let xRange = xEdges[start]...xEdges[end + 1]
                    if let above = previousRow[xRange] {
                        rectangles[above].yRange = rectangles[above].yRange.lowerBound...yEdges[r + 1]
                        currentRow[xRange] = above
                    } else {
                        currentRow[xRange] = rectangles.count
                        rectangles.append(Rectangle(xRange: xRange, yRange: yEdges[r]...yEdges[r + 1]))
                    }
                    runStart = nil
                }
            }
            previousRow = currentRow
        }
        self.classOne = rectangles
    }

    /// The indices of the coarse nodes among `count` grid nodes: every `stride`-th and the last.
    static func nodes(_ count: Int, stride: Int) -> [Int] {
        guard count > 0 else { return [] }
        var nodes = Array(Swift.stride(from: 0, to: count, by: max(stride, 1)))
        if nodes.last != count - 1 { nodes.append(count - 1) }
        return nodes
    }

    /// The cell edges around increasing `centres`: midpoints between neighbours, and the
    /// first and last centre at the ends (the grid's range).
    static func edges(_ centres: [Double]) -> [Double] {
        guard let first = centres.first, let last = centres.last else { return [] }
        return [first] + zip(centres, centres.dropFirst()).map { ($0 + $1) / 2 } + [last]
    }
}
