/// Minibatch SGD with optional heavy-ball momentum in PyTorch's convention
/// (`torch.optim.SGD`, dampening 0, no Nesterov, no weight decay):
/// `b ← g` on the first step, `b ← μ b + g` after; `w ← w − η b`.
/// With μ = 0 it is `w ← w − η g`. The minibatches come from the trainer's
/// ``BatchSchedule``; the optimizer only sees the oracle of the current batch.
public struct StochasticGradientDescent: Optimizer, Hashable, Codable {
    /// The step size η.
    public let learningRate: Double
    /// The momentum μ (0 disables it).
    public let momentum: Double

    /// SGD with step size `learningRate` and momentum `momentum`.
    public init(learningRate: Double, momentum: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// The momentum buffer b and whether it has been set.
    public struct State: Sendable {
        /// The momentum buffer (PyTorch's `momentum_buffer`).
        public var buffer: [Double]
        /// False until the first step stored the first gradient in `buffer`.
        public var started: Bool
        var gradient: [Double]
    }

    /// Zero buffers of the parameters' length (no step taken yet).
    public func initialState(parameters: [Double], layout: ParameterLayout) -> State {
        let zeros = [Double](repeating: 0, count: parameters.count)
        return State(buffer: zeros, started: false, gradient: zeros)
    }

    /// One update with the gradient of this step's batch; returns the loss at the
    /// parameters before the update.
    public func step(parameters: inout [Double], state: inout State, context: StepContext,
                     gradient: GradientOracle) -> Double {
        let loss = gradient(parameters, gradient: &state.gradient)
        if momentum == 0 {
            for p in 0..<parameters.count { parameters[p] -= learningRate * state.gradient[p] }
            return loss
        }
        if state.started {
            for p in 0..<parameters.count { state.buffer[p] = momentum * state.buffer[p] + state.gradient[p] }
        } else {
            state.buffer = state.gradient
            state.started = true
        }
        for p in 0..<parameters.count { parameters[p] -= learningRate * state.buffer[p] }
        return loss
    }
}
