/// Langevin dynamics on the whole network by BAOAB splitting (docs/PROTOCOL.md §4; Leimkuhler &
/// Matthews 2013): every tensor takes `A O A` with `c = e^{−γh}`, then the gradient kick
/// `B_h` (the step of ``LangevinSplitting``, the authors' "AOAB" form).
///
/// In velocity form it is heavy-ball SGD with learning rate `(h²/2)(1 + c)` ≈ h² and
/// momentum c, plus noise (docs/PROTOCOL.md §4, "Scale note"); `temperature: 0` is exactly that
/// deterministic limit (tested).
public struct Langevin: LangevinSplitting, Hashable, Codable {
    /// The step size h (notebook: 0.25).
    public let stepSize: Double
    /// The friction γ; the O step damps by `c = e^{−γh}` (notebook: 0.1, so c ≈ 0.975).
    public let friction: Double
    /// The temperature τ the momenta are thermalized to (notebook's τ₂: 1e-4); 0 switches
    /// the noise off exactly.
    public let temperature: Double

    /// BAOAB with the notebook's defaults (Langevin layers of AdLaLa: h = 0.25, γ = 0.1,
    /// τ = τ₂ = 1e-4).
    public init(stepSize: Double = 0.25, friction: Double = 0.1, temperature: Double = 1e-4) {
        self.stepSize = stepSize
        self.friction = friction
        self.temperature = temperature
    }

    /// Langevin on every tensor.
    public func tensorDynamics(layout: ParameterLayout) -> [TensorDynamics] {
        layout.tensors.map { _ in .langevin(friction: friction, temperature: temperature) }
    }
}
