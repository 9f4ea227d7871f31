/// Level lines of a function sampled on a regular grid, by marching squares (Lorensen &
/// Cline 1987 in two dimensions): each grid cell whose corners lie on both sides of the
/// level contributes one segment (two at a saddle, split by the value at the cell centre),
/// the crossing placed by linear interpolation along the cell edge; the segments are then
/// joined into polylines. Cells with a non-finite corner are skipped.
public enum ContourLines {
    /// The lines where `values` crosses `level`, as one coordinate list in which NaN separates
    /// the polylines (the form ``LineSeries`` draws as separate curves). `values` holds
    /// `y.count × x.count` samples row-major: `values[i * x.count + j]` is the value at
    /// `(x[j], y[i])`. A closed line ends at its first point.
    public static func polylines(x: [Double], y: [Double], values: [Double], level: Double) -> (x: [Double], y: [Double]) {
        let (nx, ny) = (x.count, y.count)
        guard nx >= 2, ny >= 2, values.count == nx * ny else { return ([], []) }
        let value = { (i: Int, j: Int) in values[i * nx + j] }
        // An edge crossing is named by its edge: 2·(i·nx + j) for (i, j)–(i, j+1), +1 for (i, j)–(i+1, j).
        func crossing(_ key: Int) -> (Double, Double) {
            let (i, j) = ((key / 2) / nx, (key / 2) % nx)
            let (i1, j1) = key % 2 == 0 ? (i, j + 1) : (i + 1, j)
            let (v0, v1) = (value(i, j), value(i1, j1))
            let t = v1 == v0 ? 0.5 : (level - v0) / (v1 - v0)
            return (x[j] + t * (x[j1] - x[j]), y[i] + t * (y[i1] - y[i]))
        }
        var segments: [(Int, Int)] = []
        for i in 0..<(ny - 1) {
            for j in 0..<(nx - 1) {
                let corners = [value(i, j), value(i, j + 1), value(i + 1, j + 1), value(i + 1, j)]
                guard corners.allSatisfy(\.isFinite) else { continue }
                let above = corners.map { $0 > level }
                // Edges in order bottom, right, top, left; edge k joins corners k and k+1.
                let edges = [2 * (i * nx + j), 2 * (i * nx + j + 1) + 1, 2 * ((i + 1) * nx + j), 2 * (i * nx + j) + 1]
                let crossed = (0..<4).filter { above[$0] != above[($0 + 1) % 4] }
                if crossed.count == 2 {
                    segments.append((edges[crossed[0]], edges[crossed[1]]))
                } else if crossed.count == 4 {
                    // Saddle: the centre decides which pair of opposite corners is joined.
                    let centreAbove = corners.reduce(0, +) / 4 > level
                    if centreAbove == above[0] {
                        segments += [(edges[0], edges[1]), (edges[2], edges[3])]
                    } else {
                        segments += [(edges[3], edges[0]), (edges[1], edges[2])]
                    }
                }
            }
        }
        var atEdge: [Int: [Int]] = [:]
        for (s, segment) in segments.enumerated() {
            atEdge[segment.0, default: []].append(s)
            atEdge[segment.1, default: []].append(s)
        }
        var used = [Bool](repeating: false, count: segments.count)
        func extend(_ chain: inout [Int]) {
            while let s = atEdge[chain.last!]?.first(where: { !used[$0] }) {
                used[s] = true
                chain.append(segments[s].0 == chain.last! ? segments[s].1 : segments[s].0)
            }
        }
        var xs: [Double] = [], ys: [Double] = []
        for s in segments.indices where !used[s] {
            used[s] = true
            var forward = [segments[s].0, segments[s].1]
            extend(&forward)
            var backward = [segments[s].0]
            extend(&backward)
            let chain = backward.reversed() + forward.dropFirst()
            if !xs.isEmpty {
                xs.append(.nan)
                ys.append(.nan)
            }
            for key in chain {
                let point = crossing(key)
                xs.append(point.0)
                ys.append(point.1)
            }
        }
        return (xs, ys)
    }
}
