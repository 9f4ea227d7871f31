/// The Lorenz flow (Lorenz 1963, J. Atmos. Sci. 20:130) discretized by the classical
/// fixed-step fourth-order Runge–Kutta scheme: one step advances time by `stepSize`.
///
/// `ẋ = σ(y − x)`, `ẏ = x(ρ − z) − y`, `ż = xy − βz`. At `σ = 10, ρ = 28, β = 8/3` the
/// spectrum of the flow is `0.9056, 0, −14.5723` per unit time (Sprott 2003, *Chaos and
/// Time-Series Analysis*, Appendix A; docs/PROTOCOL.md §1); the exponents sum to the
/// divergence `−(σ + 1 + β)`.
///
/// The tangent map is the exact derivative of the RK4 step (not of the flow): the
/// variational equation is propagated through the same four stages, so
/// `δk₁ = Df(x)v`, `δk₂ = Df(x + h/2·k₁)(v + h/2·δk₁)`, `δk₃ = Df(x + h/2·k₂)(v + h/2·δk₂)`,
/// `δk₄ = Df(x + h·k₃)(v + h·δk₃)`, `v ← v + h/6·(δk₁ + 2δk₂ + 2δk₃ + δk₄)`.
public struct LorenzRK4Map: DynamicalMap {
    /// The Prandtl number `σ`.
    public let sigma: Double
    /// The Rayleigh number `ρ`.
    public let rho: Double
    /// The geometric factor `β`.
    public let beta: Double
    /// The integration step `h` (time per map step).
    public let stepSize: Double

    /// The RK4-discretized Lorenz flow with parameters `sigma`, `rho`, `beta` and step `stepSize`.
    public init(sigma: Double, rho: Double, beta: Double, stepSize: Double) {
        self.sigma = sigma
        self.rho = rho
        self.beta = beta
        self.stepSize = stepSize
    }

    /// Three coordinates, `(x, y, z)`.
    public var dimension: Int { 3 }

    /// One step advances time by `stepSize`.
    public var timeStep: Double { stepSize }

    /// One RK4 step of length `stepSize`.
    public func step(_ state: inout [Double], time: Int) {
        let x = SIMD3(state[0], state[1], state[2])
        let k = stages(x).slopes
        let next = x + (stepSize / 6) * (k[0] + 2 * k[1] + 2 * k[2] + k[3])
        state[0] = next.x
        state[1] = next.y
        state[2] = next.z
    }

    /// `v ← J v`, `J` the exact Jacobian of the RK4 step at `state`.
    public func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]]) {
        let points = stages(SIMD3(state[0], state[1], state[2])).points
        let h = stepSize
        for index in vectors.indices {
            let v = SIMD3(vectors[index][0], vectors[index][1], vectors[index][2])
            let dk1 = tangentField(at: points[0], v)
            let dk2 = tangentField(at: points[1], v + (h / 2) * dk1)
            let dk3 = tangentField(at: points[2], v + (h / 2) * dk2)
            let dk4 = tangentField(at: points[3], v + h * dk3)
            let next = v + (h / 6) * (dk1 + 2 * dk2 + 2 * dk3 + dk4)
            vectors[index] = [next.x, next.y, next.z]
        }
    }

    /// The four points at which RK4 evaluates the vector field, and the slopes there.
    private func stages(_ x: SIMD3<Double>) -> (points: [SIMD3<Double>], slopes: [SIMD3<Double>]) {
        let h = stepSize
        let k1 = vectorField(x)
        let p2 = x + (h / 2) * k1
        let k2 = vectorField(p2)
        let p3 = x + (h / 2) * k2
        let k3 = vectorField(p3)
        let p4 = x + h * k3
        return ([x, p2, p3, p4], [k1, k2, k3, vectorField(p4)])
    }

    /// The Lorenz vector field `f(x)`.
    private func vectorField(_ p: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(sigma * (p.y - p.x), p.x * (rho - p.z) - p.y, p.x * p.y - beta * p.z)
    }

    /// `Df(p) v`, the derivative of the vector field at `p` applied to `v`.
    private func tangentField(at p: SIMD3<Double>, _ v: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(
            sigma * (v.y - v.x),
            (rho - p.z) * v.x - v.y - p.x * v.z,
            p.y * v.x + p.x * v.y - beta * v.z)
    }
}
