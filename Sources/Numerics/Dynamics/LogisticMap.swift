/// The logistic map `x ← r x (1 − x)` (May 1976, Nature 261:459).
///
/// At `r = 4` it is conjugate to the tent map and its Lyapunov exponent is `ln 2`
/// exactly (docs/PROTOCOL.md §1, validation table). One step is one unit of time.
public struct LogisticMap: DynamicalMap {
    /// The growth parameter `r`.
    public let growthRate: Double

    /// The logistic map with growth parameter `growthRate` (`r`).
    public init(growthRate: Double) {
        self.growthRate = growthRate
    }

    /// One coordinate.
    public var dimension: Int { 1 }

    /// One step is one unit of time.
    public var timeStep: Double { 1 }

    /// `x ← r x (1 − x)`.
    public func step(_ state: inout [Double], time: Int) {
        let x = state[0]
        state[0] = growthRate * x * (1 - x)
    }

    /// `v ← r (1 − 2x) v`, the exact derivative.
    public func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]]) {
        let derivative = growthRate * (1 - 2 * state[0])
        for index in vectors.indices {
            vectors[index][0] *= derivative
        }
    }
}
