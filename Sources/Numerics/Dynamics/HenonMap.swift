/// The Hénon map `(x, y) ← (1 − a x² + y, b x)` (Hénon 1976, Commun. Math. Phys. 50:69).
///
/// At `a = 1.4, b = 0.3` its Lyapunov spectrum is `0.41922, −1.62319` (Sprott 2003,
/// *Chaos and Time-Series Analysis*, Appendix A; docs/PROTOCOL.md §1). The Jacobian has the
/// constant determinant `−b`, so the exponents sum to `ln b` exactly.
public struct HenonMap: DynamicalMap {
    /// The parameter `a` (quadratic term).
    public let a: Double
    /// The parameter `b` (contraction; the Jacobian determinant is `−b`).
    public let b: Double

    /// The Hénon map with parameters `a` and `b`.
    public init(a: Double, b: Double) {
        self.a = a
        self.b = b
    }

    /// Two coordinates, `(x, y)`.
    public var dimension: Int { 2 }

    /// One step is one unit of time.
    public var timeStep: Double { 1 }

    /// `(x, y) ← (1 − a x² + y, b x)`.
    public func step(_ state: inout [Double], time: Int) {
        let x = state[0]
        let y = state[1]
        state[0] = 1 - a * x * x + y
        state[1] = b * x
    }

    /// `v ← J v` with `J = [[−2 a x, 1], [b, 0]]`, the exact derivative.
    public func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]]) {
        let dxdx = -2 * a * state[0]
        for index in vectors.indices {
            let v0 = vectors[index][0]
            let v1 = vectors[index][1]
            vectors[index][0] = dxdx * v0 + v1
            vectors[index][1] = b * v0
        }
    }
}
