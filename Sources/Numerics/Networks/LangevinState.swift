/// The carried state of the Langevin-family optimizers of docs/PROTOCOL.md §4 (``Langevin``,
/// ``AdaptiveLangevin``, ``LaLa``, ``AdLaLa``, ``LOL``): one momentum per parameter and
/// one thermostat variable ξ per tensor that runs Adaptive Langevin.
///
/// The momenta are those *after* the step's closing kick `B_h` (the authors'
/// `momentum_buffer` between steps, `Optimizer_AdLaLa.py`): in BAOAB terms the half-step
/// momentum `p_{n+1} − (h/2)∇L(θ_{n+1})` with both half kicks taken on batch n. For BAOAB
/// on a harmonic oscillator this momentum has exactly the target variance τ (see
/// `ThermodynamicOptimizerTests`), so its kinetic temperature is the equipartition
/// observable docs/PROTOCOL.md §4 asks for.
public struct LangevinState: Sendable, Equatable {
    /// Momenta p, in the layout of the parameters.
    public var momenta: [Double]
    /// Thermostat variables ξ, one per Adaptive-Langevin tensor in layout order
    /// (``LangevinSplitting/thermostatTensors(layout:)``); empty for pure Langevin.
    public var thermostats: [Double]
    /// Scratch for the gradient (not carried: every step recomputes it).
    var gradient: [Double]
    /// The kinetic temperature `pᵀp / N` of each tensor (in the order of
    /// ``ParameterLayout/tensors``) measured inside the last step at its thermostat's own
    /// point: after O for a Langevin tensor (where LOL's overdamped layers redraw their
    /// momentum), at E for an Adaptive-Langevin tensor (the p that drives ξ). A measurement,
    /// not state: no step reads it, and it is empty before the first step.
    public internal(set) var thermostatPointKineticTemperatures: [Double] = []

    /// A state with the given momenta and thermostats.
    public init(momenta: [Double], thermostats: [Double]) {
        self.momenta = momenta
        self.thermostats = thermostats
        self.gradient = [Double](repeating: 0, count: momenta.count)
    }

    /// Equal momenta and thermostats (the gradient scratch and the measurements are not state).
    public static func == (lhs: LangevinState, rhs: LangevinState) -> Bool {
        lhs.momenta == rhs.momenta && lhs.thermostats == rhs.thermostats
    }

    /// The kinetic temperature `pᵀp / N` of the momenta in `range` (N = `range.count`):
    /// at equilibrium it equals the temperature τ that thermostats them (equipartition,
    /// docs/PROTOCOL.md §4, "Outputs").
    public func kineticTemperature(of range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        var sum = 0.0
        for i in range { sum += momenta[i] * momenta[i] }
        return sum / Double(range.count)
    }

    /// `pᵀp / N` per affine layer (weights and biases together), input layer first.
    public func layerKineticTemperatures(layout: ParameterLayout) -> [Double] {
        layout.layers.map { kineticTemperature(of: $0.all) }
    }

    /// `pᵀp / N` per tensor, in the order of ``ParameterLayout/tensors``.
    public func tensorKineticTemperatures(layout: ParameterLayout) -> [Double] {
        layout.tensors.map { kineticTemperature(of: $0.range) }
    }
}
