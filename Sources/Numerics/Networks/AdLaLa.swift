/// AdLaLa (docs/PROTOCOL.md §4; Leimkuhler, Matthews & Vlaar 2019), exactly the authors'
/// `Optimizer_AdLaLa.py` (2020) as driven by their notebook: on the first minibatch only
/// the gradient and `B_{h/2}` (`p = −(h/2)∇L`); then every step the first layer's tensors
/// (W1 and b1, one scalar ξ each) take Adaptive Langevin `A C D E D C A` and all other
/// tensors Langevin `A O A`; then a new gradient on the *same* minibatch and `B_h` for all
/// (the step of ``LangevinSplitting``).
///
/// We follow this 2020 scheme, not the older 2019 variant (elementwise ξ₀ = 0.01·N(0,1),
/// E as two half steps around O) that produced the authors' averaged plot. ε multiplies
/// only the E step (the code), not the friction (the notebook's prose).
public struct AdLaLa: LangevinSplitting, Hashable, Codable {
    /// The step size h (notebook: 0.25).
    public let stepSize: Double
    /// The friction γ of the Langevin layers; `c = e^{−γh}` (notebook: 0.1).
    public let friction: Double
    /// The noise amplitude σ of the first layer's D steps (notebook: 0.01; the class's own
    /// default 5e-4 is not used). 0 switches that noise off exactly.
    public let noiseAmplitude: Double
    /// The thermostat coupling ε of the first layer's E step (notebook: 0.05).
    public let thermostatCoupling: Double
    /// τ₁, the first layer's target temperature (notebook: 1e-4; the class default 1e-6
    /// is not used).
    public let firstLayerTemperature: Double
    /// τ₂, the temperature of the other (Langevin) layers (notebook: 1e-4). 0 switches
    /// their noise off exactly.
    public let temperature: Double
    /// ξ₀, the initial value of the first layer's two thermostats (notebook: 0.1).
    public let initialThermostat: Double

    /// AdLaLa with the notebook's defaults.
    public init(stepSize: Double = 0.25, friction: Double = 0.1, noiseAmplitude: Double = 0.01,
                thermostatCoupling: Double = 0.05, firstLayerTemperature: Double = 1e-4,
                temperature: Double = 1e-4, initialThermostat: Double = 0.1) {
        self.stepSize = stepSize
        self.friction = friction
        self.noiseAmplitude = noiseAmplitude
        self.thermostatCoupling = thermostatCoupling
        self.firstLayerTemperature = firstLayerTemperature
        self.temperature = temperature
        self.initialThermostat = initialThermostat
    }

    /// Adaptive Langevin on layer 0's weights and biases, Langevin on every other tensor.
    public func tensorDynamics(layout: ParameterLayout) -> [TensorDynamics] {
        layout.tensors.map { tensor in
            tensor.layer == 0
                ? .adaptiveLangevin(noiseAmplitude: noiseAmplitude, thermostatCoupling: thermostatCoupling,
                                    temperature: firstLayerTemperature, initialThermostat: initialThermostat)
                : .langevin(friction: friction, temperature: temperature)
        }
    }
}
