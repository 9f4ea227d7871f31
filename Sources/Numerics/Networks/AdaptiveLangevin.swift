/// Adaptive Langevin (Nosé–Hoover–Langevin) on the whole network (docs/PROTOCOL.md §4): every
/// tensor takes `A C D E D C A` with its own scalar thermostat ξ (N = the tensor's entry
/// count in E), then the gradient kick `B_h` (the step of ``LangevinSplitting``). The
/// thermostat E drives each tensor's `pᵀp / N` to τ₁ whatever the noise σ injects.
///
/// As in the authors' code (not the notebook's prose), ε multiplies only the E step, not
/// the friction.
public struct AdaptiveLangevin: LangevinSplitting, Hashable, Codable {
    /// The step size h (notebook: 0.25).
    public let stepSize: Double
    /// The noise amplitude σ of the D steps (notebook: 0.01; the optimizer class's own
    /// default 5e-4 is not used); 0 switches the noise off exactly (Nosé–Hoover).
    public let noiseAmplitude: Double
    /// The thermostat coupling ε of the E step (notebook: 0.05).
    public let thermostatCoupling: Double
    /// The target temperature τ₁ (notebook: 1e-4; the class default 1e-6 is not used).
    public let temperature: Double
    /// The thermostats' initial value ξ₀ (notebook and code: 0.1, one scalar per tensor).
    public let initialThermostat: Double

    /// Adaptive Langevin with the AdLaLa notebook's first-layer defaults.
    public init(stepSize: Double = 0.25, noiseAmplitude: Double = 0.01, thermostatCoupling: Double = 0.05,
                temperature: Double = 1e-4, initialThermostat: Double = 0.1) {
        self.stepSize = stepSize
        self.noiseAmplitude = noiseAmplitude
        self.thermostatCoupling = thermostatCoupling
        self.temperature = temperature
        self.initialThermostat = initialThermostat
    }

    /// Adaptive Langevin on every tensor.
    public func tensorDynamics(layout: ParameterLayout) -> [TensorDynamics] {
        layout.tensors.map { _ in
            .adaptiveLangevin(noiseAmplitude: noiseAmplitude, thermostatCoupling: thermostatCoupling,
                              temperature: temperature, initialThermostat: initialThermostat)
        }
    }
}
