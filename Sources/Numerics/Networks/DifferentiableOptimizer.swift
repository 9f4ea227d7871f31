import Foundation

/// Exact Hessian–vector products of the current step's batch: `(w, v) ↦ H(w) v` of the
/// mean loss over the same minibatch the step's ``GradientOracle`` uses (Pearlmutter's
/// R-operator, never a finite difference of gradients; docs/PROTOCOL.md §1, estimator 3).
public struct HessianVectorOracle {
    let evaluate: (_ parameters: [Double], _ vector: [Double]) -> [Double]

    /// An oracle from a function returning H(parameters) · vector.
    public init(_ evaluate: @escaping (_ parameters: [Double], _ vector: [Double]) -> [Double]) {
        self.evaluate = evaluate
    }

    /// H(parameters) · vector on this step's batch.
    public func callAsFunction(_ parameters: [Double], _ vector: [Double]) -> [Double] {
        evaluate(parameters, vector)
    }
}

/// An optimizer whose update is a differentiable map on `x = (w, s)`: the parameters
/// followed by the coordinates of the state that carry over between steps (momentum
/// buffers, Adam's moments, Langevin momenta and thermostats). ``OptimizerMap`` turns
/// any such optimizer into the ``DynamicalMap`` the Lyapunov estimators see, so that
/// one implementation serves training and estimation ("one optimizer, two
/// uses"): the map replays the realized minibatches and noise by step index.
///
/// Conformances must make `state(coordinates:step:layout:)` the inverse of
/// `coordinates(of:layout:)` for every state the optimizer reaches at step `step`
/// (counters such as Adam's step count are functions of the step index), and
/// `applyJacobian` the exact derivative of `step` — tested against finite differences
/// in `OptimizerJacobianTests`.
public protocol DifferentiableOptimizer: Optimizer {
    /// Number of state coordinates carried by the map (0 for plain gradient descent).
    func stateDimension(layout: ParameterLayout) -> Int

    /// The carried coordinates of `state`, `stateDimension` of them.
    func coordinates(of state: State, layout: ParameterLayout) -> [Double]

    /// The state before step `step` whose carried coordinates are `coordinates`.
    func state(coordinates: ArraySlice<Double>, step: Int, layout: ParameterLayout) -> State

    /// Replaces every tangent vector `(dw, ds)` (length `P + stateDimension`) by its
    /// image under the Jacobian of step `context.step` taken at `(parameters, state)`.
    /// Noise enters additively in every method here, so it does not appear in the
    /// Jacobian; but the positions where the gradient is evaluated (and so where the
    /// Hessian is taken) are those of the realized step.
    func applyJacobian(
        parameters: [Double], state: State, context: StepContext, gradient: GradientOracle,
        hessianVectorProduct: HessianVectorOracle, tangents: inout [[Double]])

    /// The physical time one step represents (for exponents per unit time): the
    /// learning rate for gradient methods (Mittra 2024, Eq. 7 reads GD as Euler steps
    /// of gradient flow), the step size h for the splitting integrators.
    var timeStep: Double { get }
}

extension GradientDescent: DifferentiableOptimizer {
    public func stateDimension(layout: ParameterLayout) -> Int { 0 }

    public func coordinates(of state: State, layout: ParameterLayout) -> [Double] { [] }

    public func state(coordinates: ArraySlice<Double>, step: Int, layout: ParameterLayout) -> State {
        State(gradient: [Double](repeating: 0, count: layout.count))
    }

    /// `dw ← dw − η H(w) dw` (Jacobian I − ηH).
    public func applyJacobian(
        parameters: [Double], state: State, context: StepContext, gradient: GradientOracle,
        hessianVectorProduct: HessianVectorOracle, tangents: inout [[Double]]
    ) {
        for k in tangents.indices {
            let product = hessianVectorProduct(parameters, tangents[k])
            for p in product.indices { tangents[k][p] -= learningRate * product[p] }
        }
    }

    public var timeStep: Double { learningRate }
}

extension StochasticGradientDescent: DifferentiableOptimizer {
    public func stateDimension(layout: ParameterLayout) -> Int { momentum == 0 ? 0 : layout.count }

    public func coordinates(of state: State, layout: ParameterLayout) -> [Double] {
        momentum == 0 ? [] : state.buffer
    }

    /// Before step 0 the buffer is unset; PyTorch's first step stores the gradient,
    /// which equals `μ·0 + g` exactly, so a zero buffer with `started` true from step 1
    /// on reproduces the trajectory bit for bit.
    public func state(coordinates: ArraySlice<Double>, step: Int, layout: ParameterLayout) -> State {
        let zeros = [Double](repeating: 0, count: layout.count)
        guard momentum != 0 else { return State(buffer: zeros, started: false, gradient: zeros) }
        return State(buffer: Array(coordinates), started: step > 0, gradient: zeros)
    }

    /// Without momentum `dw ← dw − η H dw`. With momentum on `(w, b)`:
    /// `db' = μ db + H dw` (`db' = H dw` on the first step), `dw' = dw − η db'`.
    public func applyJacobian(
        parameters: [Double], state: State, context: StepContext, gradient: GradientOracle,
        hessianVectorProduct: HessianVectorOracle, tangents: inout [[Double]]
    ) {
        let count = parameters.count
        for k in tangents.indices {
            let product = hessianVectorProduct(parameters, Array(tangents[k][0..<count]))
            if momentum == 0 {
                for p in 0..<count { tangents[k][p] -= learningRate * product[p] }
                continue
            }
            for p in 0..<count {
                let buffer = state.started ? momentum * tangents[k][count + p] + product[p] : product[p]
                tangents[k][count + p] = buffer
                tangents[k][p] -= learningRate * buffer
            }
        }
    }

    public var timeStep: Double { learningRate }
}

extension Adam: DifferentiableOptimizer {
    public func stateDimension(layout: ParameterLayout) -> Int { 2 * layout.count }

    public func coordinates(of state: State, layout: ParameterLayout) -> [Double] {
        state.firstMoment + state.secondMoment
    }

    public func state(coordinates: ArraySlice<Double>, step: Int, layout: ParameterLayout) -> State {
        let count = layout.count, start = coordinates.startIndex
        return State(
            firstMoment: Array(coordinates[start..<(start + count)]),
            secondMoment: Array(coordinates[(start + count)..<(start + 2 * count)]),
            stepCount: step, gradient: [Double](repeating: 0, count: count))
    }

    /// With `g` the gradient at w and `Hdw` the Hessian product:
    /// `dm' = dm + (1 − β₁)(H dw − dm)`, `dv' = β₂ dv + 2(1 − β₂) g H dw`,
    /// `dw' = dw − s (dm' / D − m' · (dv' / (2 √v' c₂)) / D²)` with
    /// `D = √v' / c₂ + eps`, `c₂ = √(1 − β₂ᵗ)`, `s = η / (1 − β₁ᵗ)`. Where `v' = 0`
    /// (a coordinate whose gradient has always been 0) the square root is not
    /// differentiable; its one-sided derivative in the direction of growth is taken as 0,
    /// which is exact when `dv' = 0` there too.
    public func applyJacobian(
        parameters: [Double], state: State, context: StepContext, gradient: GradientOracle,
        hessianVectorProduct: HessianVectorOracle, tangents: inout [[Double]]
    ) {
        let count = parameters.count
        var g = [Double](repeating: 0, count: count)
        _ = gradient(parameters, gradient: &g)
        let t = Double(state.stepCount + 1)
        let biasCorrection1 = 1.0 - pow(beta1, t)
        let biasCorrection2Root = (1.0 - pow(beta2, t)).squareRoot()
        let stepSize = learningRate / biasCorrection1
        for k in tangents.indices {
            let product = hessianVectorProduct(parameters, Array(tangents[k][0..<count]))
            for p in 0..<count {
                let m = state.firstMoment[p] + (1.0 - beta1) * (g[p] - state.firstMoment[p])
                let v = beta2 * state.secondMoment[p] + (1.0 - beta2) * (g[p] * g[p])
                let dm = tangents[k][count + p] + (1.0 - beta1) * (product[p] - tangents[k][count + p])
                let dv = beta2 * tangents[k][2 * count + p] + 2.0 * (1.0 - beta2) * g[p] * product[p]
                let root = v.squareRoot()
                let denominator = root / biasCorrection2Root + epsilon
                let dRoot = root > 0 ? dv / (2.0 * root * biasCorrection2Root) : 0
                tangents[k][count + p] = dm
                tangents[k][2 * count + p] = dv
                tangents[k][p] -= stepSize * (dm / denominator - m * dRoot / (denominator * denominator))
            }
        }
    }

    public var timeStep: Double { learningRate }
}
