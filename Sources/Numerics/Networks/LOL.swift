/// LOL (docs/PROTOCOL.md §4; Leimkuhler, Matthews & Vlaar 2019): the first layer runs Langevin
/// BAOAB with `α = e^{−γ₁h}`; the other layers take the γ → ∞ limit, their momentum
/// fully resampled, `p̂ = √τ₂ R` (the step of ``LangevinSplitting`` with infinite
/// friction, so `c = 0` exactly). With `p_n = p̂_{n−1/2} − (h/2)∇L(θ_n)` an overdamped
/// layer moves by `θ_{n+1} = θ_n − (h²/2)∇L(θ_n) + (h/2)√τ₂ (R_{n−1} + R_n)`, the
/// Leimkuhler–Matthews "BAOAB limit" (tested).
///
/// γ₁ and τ₁ are given by no source (docs/PROTOCOL.md §4): the defaults below are this
/// project's choice and must be stated with the results and varied to show their effect.
public struct LOL: LangevinSplitting, Hashable, Codable {
    /// The step size h (notebook: 0.25).
    public let stepSize: Double
    /// γ₁, the first layer's friction, `α = e^{−γ₁h}`. Not given by any source; default
    /// 0.1, the notebook's Langevin friction γ.
    public let firstLayerFriction: Double
    /// τ₁, the first layer's temperature. Not given by any source; default 1e-4, the
    /// notebook's τ₁ = τ₂. 0 switches that layer's noise off exactly.
    public let firstLayerTemperature: Double
    /// τ₂, the temperature of the overdamped layers (notebook: 1e-4). 0 makes them plain
    /// gradient descent with learning rate h²/2 (after step 0).
    public let temperature: Double

    /// LOL; `firstLayerFriction` and `firstLayerTemperature` default to this project's
    /// choice (γ₁ = γ = 0.1, τ₁ = τ₂ = 1e-4), as no source gives them.
    public init(stepSize: Double = 0.25, firstLayerFriction: Double = 0.1,
                firstLayerTemperature: Double = 1e-4, temperature: Double = 1e-4) {
        self.stepSize = stepSize
        self.firstLayerFriction = firstLayerFriction
        self.firstLayerTemperature = firstLayerTemperature
        self.temperature = temperature
    }

    /// Langevin (γ₁, τ₁) on layer 0, overdamped Langevin (γ = ∞, τ₂) on the others.
    public func tensorDynamics(layout: ParameterLayout) -> [TensorDynamics] {
        layout.tensors.map { tensor in
            tensor.layer == 0
                ? .langevin(friction: firstLayerFriction, temperature: firstLayerTemperature)
                : .langevin(friction: .infinity, temperature: temperature)
        }
    }
}
