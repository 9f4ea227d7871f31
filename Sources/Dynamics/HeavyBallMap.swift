/// Full-batch gradient descent with heavy-ball momentum (PyTorch's SGD convention:
/// `b ← μ b + ∇L(w)`, `w ← w − η b`) as a map on the state `x = (w, b)` of dimension
/// 2P: the parameters first, then the momentum buffer.
///
/// Its Jacobian applied to a tangent vector `(dw, db)` is
/// `db' = μ db + H(w) dw`, `dw' = dw − η db'`, with the exact Hessian–vector product.
/// With `μ = 0` the `w` part is ``GradientDescentMap``. `timeStep` is `η`, as there.
public struct HeavyBallMap: DynamicalMap {
    /// The number of parameters P (the state has 2P coordinates).
    public let parameterCount: Int
    public let learningRate: Double
    public let momentum: Double
    public let gradient: @Sendable ([Double]) -> [Double]
    public let hessianVectorProduct: @Sendable ([Double], [Double]) -> [Double]

    /// Heavy-ball GD on a loss given by its gradient and exact Hessian–vector product.
    public init(
        parameterCount: Int, learningRate: Double, momentum: Double,
        gradient: @escaping @Sendable ([Double]) -> [Double],
        hessianVectorProduct: @escaping @Sendable ([Double], [Double]) -> [Double]
    ) {
        self.parameterCount = parameterCount
        self.learningRate = learningRate
        self.momentum = momentum
        self.gradient = gradient
        self.hessianVectorProduct = hessianVectorProduct
    }

    public var dimension: Int { 2 * parameterCount }
    public var timeStep: Double { learningRate }

    /// The state `(w, 0)` a run starts from.
    public func initialState(parameters: [Double]) -> [Double] {
        parameters + [Double](repeating: 0, count: parameterCount)
    }

    public func step(_ state: inout [Double], time: Int) {
        let g = gradient(Array(state[0..<parameterCount]))
        for index in 0..<parameterCount {
            let buffer = momentum * state[parameterCount + index] + g[index]
            state[parameterCount + index] = buffer
            state[index] -= learningRate * buffer
        }
    }

    public func applyJacobian(at state: [Double], time: Int, to vectors: inout [[Double]]) {
        let w = Array(state[0..<parameterCount])
        for vectorIndex in vectors.indices {
            let product = hessianVectorProduct(w, Array(vectors[vectorIndex][0..<parameterCount]))
            for index in 0..<parameterCount {
                let buffer = momentum * vectors[vectorIndex][parameterCount + index] + product[index]
                vectors[vectorIndex][parameterCount + index] = buffer
                vectors[vectorIndex][index] -= learningRate * buffer
            }
        }
    }
}
