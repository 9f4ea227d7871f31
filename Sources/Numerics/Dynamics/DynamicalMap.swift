/// A discrete-time dynamical system `x_{t+1} = F_t(x_t)` with its tangent map.
///
/// This is the one small interface through which every Lyapunov estimator reaches a
/// system (in the spirit of DynamicalSystems.jl's `step!`/`reinit!`): a plain map such
/// as the logistic or Hénon map, a flow integrated by a fixed-step scheme, or a
/// neural-network optimizer (full-batch GD is `F(w) = w − η∇L(w)` with Jacobian
/// `I − ηH(w)`, docs/PROTOCOL.md §1). Time-dependent maps (SGD's minibatch order, Langevin
/// noise) use `time` to replay the realized randomness of the reference run, so that
/// every trajectory started from nearby states sees the same sequence of maps.
public protocol DynamicalMap: Sendable {
    /// The number of coordinates of the state.
    var dimension: Int { get }

    /// The physical time that one step represents: 1 for maps, the integration step
    /// for a discretized flow. Exponents per unit time are exponents per step divided
    /// by this.
    var timeStep: Double { get }

    /// Advances `state` by one step, from step index `time` to `time + 1`.
    func step(_ state: inout [Double], time: Int)

    /// Replaces every vector in `vectors` by `J v`, where `J` is the Jacobian of the
    /// step taken at `state` and step index `time` (the state *before* the step).
    /// Must be exact (analytic, or an exact Jacobian–vector product), not a finite
    /// difference.
    func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]])
}
