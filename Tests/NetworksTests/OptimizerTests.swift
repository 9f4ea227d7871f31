import Foundation
import Networks
import NumericsCore
import XCTest

/// Optimizers against closed forms and hand-computed steps.
final class OptimizerTests: XCTestCase {
    /// Four parameters; only their number matters to these optimizers.
    private func makeLayout() throws -> ParameterLayout { try ParameterLayout(layerSizes: [1, 2]) }

    /// The quadratic loss ½ wᵀ A w with A = Q diag(a) Qᵀ, Q a rotation in the (0,1) and
    /// (2,3) planes: the oracle of a linear map with known eigenvalues (docs/PROTOCOL.md §1).
    private func quadratic(_ a: [Double]) -> (matrix: [[Double]], oracle: GradientOracle) {
        let c = Foundation.cos(0.7), s = Foundation.sin(0.7)
        let q: [[Double]] = [[c, -s, 0, 0], [s, c, 0, 0], [0, 0, c, s], [0, 0, -s, c]]
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)
        for i in 0..<4 { for j in 0..<4 { for k in 0..<4 { matrix[i][j] += q[i][k] * a[k] * q[j][k] } } }
        let oracle = GradientOracle { w, g in
            var loss = 0.0
            for i in 0..<4 {
                g[i] = (0..<4).reduce(0) { $0 + matrix[i][$1] * w[$1] }
                loss += 0.5 * w[i] * g[i]
            }
            return loss
        }
        return (matrix, oracle)
    }

    func testGradientDescentOnAQuadraticMatchesTheClosedForm() throws {
        let layout = try makeLayout()
        // w_t = (I − ηA)^t w_0 = Q diag((1 − η a_i)^t) Qᵀ w_0; relative 1e-12 covers the
        // rounding of 50 steps of a 4×4 product.
        let eigenvalues = [0.5, 1.0, 2.0, 3.5]
        let (_, oracle) = quadratic(eigenvalues)
        let eta = 0.3
        let w0 = [1.0, -0.5, 0.25, 2.0]
        let optimizer = GradientDescent(learningRate: eta)
        var w = w0
        var state = optimizer.initialState(parameters: w, layout: layout)
        let steps = 50
        for t in 0..<steps {
            _ = optimizer.step(parameters: &w, state: &state,
                               context: StepContext(step: t, layout: layout, noiseKey: SeedKey(0)), gradient: oracle)
        }
        let c = Foundation.cos(0.7), s = Foundation.sin(0.7)
        let q: [[Double]] = [[c, -s, 0, 0], [s, c, 0, 0], [0, 0, c, s], [0, 0, -s, c]]
        let projected = (0..<4).map { k in (0..<4).reduce(0) { $0 + q[$1][k] * w0[$1] } }
        let scaled = (0..<4).map { projected[$0] * Foundation.pow(1 - eta * eigenvalues[$0], Double(steps)) }
        let expected = (0..<4).map { i in (0..<4).reduce(0) { $0 + q[i][$1] * scaled[$1] } }
        assertClose(w, expected, absolute: 1e-14, relative: 1e-12)
    }

    func testHeavyBallMomentumFirstTwoStepsByHand() throws {
        let layout = try makeLayout()
        // PyTorch: b₁ = g₀, w₁ = w₀ − η b₁; b₂ = μ b₁ + g₁, w₂ = w₁ − η b₂, with g = A w.
        let (matrix, oracle) = quadratic([1.0, 2.0, 0.5, 3.0])
        let eta = 0.1, mu = 0.9
        let optimizer = StochasticGradientDescent(learningRate: eta, momentum: mu)
        var w = [1.0, 2.0, -1.0, 0.5]
        var state = optimizer.initialState(parameters: w, layout: layout)
        let grad = { (w: [Double]) in (0..<4).map { i in (0..<4).reduce(0) { $0 + matrix[i][$1] * w[$1] } } }
        let g0 = grad(w)
        let w1 = (0..<4).map { w[$0] - eta * g0[$0] }
        let g1 = grad(w1)
        let b2 = (0..<4).map { mu * g0[$0] + g1[$0] }
        let w2 = (0..<4).map { w1[$0] - eta * b2[$0] }
        for t in 0..<2 {
            _ = optimizer.step(parameters: &w, state: &state,
                               context: StepContext(step: t, layout: layout, noiseKey: SeedKey(0)), gradient: oracle)
            if t == 0 { XCTAssertEqual(w, w1, "same operations in the same order: exact") }
        }
        XCTAssertEqual(w, w2)
        XCTAssertEqual(state.buffer, b2)
    }

    func testAdamFirstTwoStepsByHand() throws {
        let layout = try makeLayout()
        // Hand computation with PyTorch's formulas; the first Adam step moves every
        // coordinate by ≈ η sign(g) (m̂/√v̂ = g/|g|), which the test also checks.
        let gradients: [[Double]] = [[0.5, -2.0, 1e-3, 4.0], [0.1, -1.0, 2e-3, -4.0]]
        var call = 0
        let oracle = GradientOracle { _, g in
            g = gradients[call]
            call += 1
            return 0
        }
        let eta = 0.01, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
        let optimizer = Adam(learningRate: eta)
        var w = [1.0, 1.0, 1.0, 1.0]
        var state = optimizer.initialState(parameters: w, layout: layout)
        var m = [0.0, 0, 0, 0], v = [0.0, 0, 0, 0], expected = w
        for t in 1...2 {
            let g = gradients[t - 1]
            for p in 0..<4 {
                m[p] = m[p] + (1 - beta1) * (g[p] - m[p])
                v[p] = beta2 * v[p] + (1 - beta2) * g[p] * g[p]
                let mHat = m[p] / (1 - Foundation.pow(beta1, Double(t)))
                let vHat = v[p] / (1 - Foundation.pow(beta2, Double(t)))
                expected[p] -= eta * mHat / (vHat.squareRoot() + eps)
            }
            _ = optimizer.step(parameters: &w, state: &state,
                               context: StepContext(step: t - 1, layout: layout, noiseKey: SeedKey(0)), gradient: oracle)
            // Bias corrections are applied in a different order than PyTorch's: 1e-15.
            assertClose(w, expected, absolute: 1e-15, relative: 1e-14, "step \(t)")
            if t == 1 {
                assertClose(w.map { 1 - $0 }, gradients[0].map { eta * ($0 > 0 ? 1 : -1) }, absolute: 1e-7,
                            "first step ≈ η sign(g)")
            }
        }
        XCTAssertEqual(state.stepCount, 2)
        XCTAssertEqual(state.firstMoment, m)
    }

    func testSGDWithoutMomentumIsGradientDescent() throws {
        let layout = try makeLayout()
        let (_, oracle) = quadratic([1.0, 2.0, 0.5, 3.0])
        let sgd = StochasticGradientDescent(learningRate: 0.2), gd = GradientDescent(learningRate: 0.2)
        var a = [1.0, 2.0, 3.0, 4.0], b = a
        var sa = sgd.initialState(parameters: a, layout: layout), sb = gd.initialState(parameters: b, layout: layout)
        for t in 0..<5 {
            let context = StepContext(step: t, layout: layout, noiseKey: SeedKey(0))
            XCTAssertEqual(sgd.step(parameters: &a, state: &sa, context: context, gradient: oracle),
                           gd.step(parameters: &b, state: &sb, context: context, gradient: oracle))
        }
        XCTAssertEqual(a, b)
    }
}
