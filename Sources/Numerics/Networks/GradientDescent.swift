/// Plain gradient descent `w ← w − η ∇L(w)` (docs/PROTOCOL.md §1; Mittra Eq. 6). With the full
/// batch this is the map F(w) = w − η∇L(w) whose Jacobian is I − ηH(w).
public struct GradientDescent: Optimizer, Hashable, Codable {
    /// The step size η.
    public let learningRate: Double

    /// Gradient descent with step size `learningRate`.
    public init(learningRate: Double) {
        self.learningRate = learningRate
    }

    /// Scratch for the gradient, reused between steps (no allocation per step).
    public struct State: Sendable {
        var gradient: [Double]
    }

    /// Zero buffers of the parameters' length (no step taken yet).
    public func initialState(parameters: [Double], layout: ParameterLayout) -> State {
        State(gradient: [Double](repeating: 0, count: parameters.count))
    }

    /// One update with the gradient of this step's batch; returns the loss at the
    /// parameters before the update.
    public func step(parameters: inout [Double], state: inout State, context: StepContext,
                     gradient: GradientOracle) -> Double {
        let loss = gradient(parameters, gradient: &state.gradient)
        for p in 0..<parameters.count { parameters[p] -= learningRate * state.gradient[p] }
        return loss
    }
}
