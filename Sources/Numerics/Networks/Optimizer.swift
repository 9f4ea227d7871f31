import NumericsCore

/// What an optimizer step may know besides the parameters: the step index, the parameter
/// layout (per-layer / per-tensor ranges, for optimizers that treat layers differently
/// such as AdLaLa and LOL, docs/PROTOCOL.md §4) and the key of this step's noise.
///
/// Every run of an ensemble receives the same `noiseKey` at the same step, so replicas
/// see the same noise realization as the reference (the "same map" of docs/PROTOCOL.md §1).
public struct StepContext: Sendable {
    /// Index t of the step taking w_t to w_{t+1} (0-based).
    public let step: Int
    /// Where the layers and tensors live in the parameter vector.
    public let layout: ParameterLayout
    /// Key of this step's random numbers: `noiseRoot.derive("step", t)`.
    public let noiseKey: SeedKey

    /// A context for step `step`.
    public init(step: Int, layout: ParameterLayout, noiseKey: SeedKey) {
        self.step = step
        self.layout = layout
        self.noiseKey = noiseKey
    }
}

/// The loss and gradient of the current step's batch at any parameters: a step may call
/// it more than once (a splitting integrator such as BAOAB evaluates the force after
/// moving the positions), always on the same minibatch.
public struct GradientOracle {
    let evaluate: (_ parameters: [Double], _ gradient: inout [Double]) -> Double

    /// An oracle from a function that writes ∇L(parameters) into `gradient` (already of
    /// the right length) and returns L(parameters).
    public init(_ evaluate: @escaping (_ parameters: [Double], _ gradient: inout [Double]) -> Double) {
        self.evaluate = evaluate
    }

    /// L(parameters) on this step's batch; ∇L into `gradient`.
    public func callAsFunction(_ parameters: [Double], gradient: inout [Double]) -> Double {
        evaluate(parameters, &gradient)
    }
}

/// An optimizer as a map on (parameters, state): `step` turns (w_t, s_t) into
/// (w_{t+1}, s_{t+1}) using only its arguments, so the same step applied to nearby
/// parameters with a copy of the state is "the same map" (docs/PROTOCOL.md §1).
///
/// The state is a value (momentum buffers, Adam moments, thermostat variables, step
/// counters); copying it forks the optimizer. Randomness comes only from
/// `context.noiseKey`.
public protocol Optimizer: Sendable {
    /// Everything besides the parameters that carries over between steps.
    associatedtype State: Sendable

    /// The state before the first step at `parameters`.
    func initialState(parameters: [Double], layout: ParameterLayout) -> State

    /// Performs step `context.step` in place and returns the loss it attributes to this
    /// step: for gradient methods the loss at the parameters before the update, on this
    /// step's batch (the first oracle call).
    func step(parameters: inout [Double], state: inout State, context: StepContext,
              gradient: GradientOracle) -> Double

    /// Names of the quantities ``diagnostics(of:layout:)`` reports (e.g. the kinetic
    /// temperature of each tensor of a Langevin method); empty for most optimizers.
    func diagnosticNames(layout: ParameterLayout) -> [String]

    /// Observables of the optimizer's state that the trainer records beside the
    /// evaluations (docs/PROTOCOL.md §4: the per-layer kinetic temperature against its target).
    func diagnostics(of state: State, layout: ParameterLayout) -> [Double]

    /// Names of the quantities ``thermostatPointDiagnostics(of:layout:)`` reports: observables
    /// measured *inside* the last step, where a thermostat acts on the momenta (docs/PROTOCOL.md
    /// §4, equipartition at both measuring points); empty for optimizers without one.
    func thermostatPointDiagnosticNames(layout: ParameterLayout) -> [String]

    /// The observables measured inside the last step at the thermostat's own point, which
    /// the step stored in `state` without using them (no trajectory depends on them).
    func thermostatPointDiagnostics(of state: State, layout: ParameterLayout) -> [Double]
}

extension Optimizer {
    /// No diagnostics.
    public func diagnosticNames(layout: ParameterLayout) -> [String] { [] }
    /// No diagnostics.
    public func diagnostics(of state: State, layout: ParameterLayout) -> [Double] { [] }
    /// No thermostat.
    public func thermostatPointDiagnosticNames(layout: ParameterLayout) -> [String] { [] }
    /// No thermostat.
    public func thermostatPointDiagnostics(of state: State, layout: ParameterLayout) -> [Double] { [] }
}
