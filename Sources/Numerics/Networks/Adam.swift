import Foundation

/// Adam (Kingma & Ba 2015) exactly as `torch.optim.Adam` computes it (defaults
/// β = (0.9, 0.999), eps = 1e-8, no weight decay, no AMSGrad), step count t from 1:
///
///     m ← m + (1 − β₁)(g − m)            (PyTorch's `lerp_`)
///     v ← β₂ v + (1 − β₂) g²
///     w ← w − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + eps)
public struct Adam: Optimizer, Hashable, Codable {
    /// The step size η.
    public let learningRate: Double
    /// β₁, the decay of the first moment.
    public let beta1: Double
    /// β₂, the decay of the second moment.
    public let beta2: Double
    /// eps, added to the denominator.
    public let epsilon: Double

    /// Adam with PyTorch's defaults unless given.
    public init(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// The moment estimates and the step count.
    public struct State: Sendable {
        /// First moment m.
        public var firstMoment: [Double]
        /// Second moment v.
        public var secondMoment: [Double]
        /// Steps taken so far.
        public var stepCount: Int
        var gradient: [Double]
    }

    /// Zero buffers of the parameters' length (no step taken yet).
    public func initialState(parameters: [Double], layout: ParameterLayout) -> State {
        let zeros = [Double](repeating: 0, count: parameters.count)
        return State(firstMoment: zeros, secondMoment: zeros, stepCount: 0, gradient: zeros)
    }

    /// One update with the gradient of this step's batch; returns the loss at the
    /// parameters before the update.
    public func step(parameters: inout [Double], state: inout State, context: StepContext,
                     gradient: GradientOracle) -> Double {
        let loss = gradient(parameters, gradient: &state.gradient)
        state.stepCount += 1
        let t = Double(state.stepCount)
        let biasCorrection1 = 1.0 - pow(beta1, t)
        let biasCorrection2Root = (1.0 - pow(beta2, t)).squareRoot()
        let stepSize = learningRate / biasCorrection1
        let oneMinusBeta1 = 1.0 - beta1, beta2 = beta2, oneMinusBeta2 = 1.0 - beta2, epsilon = epsilon
        // Eight parameters at a time in SIMD registers, then the rest one by one: every lane
        // does the scalar IEEE operations in the same order (Swift does not fuse
        // multiply-adds), so the bits are those of the plain elementwise loop.
        let count = parameters.count
        parameters.withUnsafeMutableBufferPointer { w in
            state.firstMoment.withUnsafeMutableBufferPointer { m in
                state.secondMoment.withUnsafeMutableBufferPointer { v in
                    state.gradient.withUnsafeBufferPointer { gradient in
                        let w = w.baseAddress!, m = m.baseAddress!, v = v.baseAddress!, g = gradient.baseAddress!
                        var p = 0
                        while p + 8 <= count {
                            let gp = LaneSum.load(g + p)
                            var mp = LaneSum.load(m + p), vp = LaneSum.load(v + p)
                            mp += oneMinusBeta1 * (gp - mp)
                            vp = beta2 * vp + oneMinusBeta2 * (gp * gp)
                            let denominator = vp.squareRoot() / biasCorrection2Root + epsilon
                            LaneSum.store(mp, m + p)
                            LaneSum.store(vp, v + p)
                            LaneSum.store(LaneSum.load(w + p) - stepSize * (mp / denominator), w + p)
                            p += 8
                        }
                        while p < count {
                            m[p] += oneMinusBeta1 * (g[p] - m[p])
                            v[p] = beta2 * v[p] + oneMinusBeta2 * (g[p] * g[p])
                            let denominator = v[p].squareRoot() / biasCorrection2Root + epsilon
                            w[p] -= stepSize * (m[p] / denominator)
                            p += 1
                        }
                    }
                }
            }
        }
        return loss
    }
}
