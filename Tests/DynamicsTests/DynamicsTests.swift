import Dynamics
import XCTest

/// Centered finite differences of `map.step`, used only to check the analytic tangent maps.
private func finiteDifferenceJacobian(_ map: some DynamicalMap, at state: [Double], step h: Double) -> [[Double]] {
    (0..<map.dimension).map { column in
        var plus = state
        var minus = state
        plus[column] += h
        minus[column] -= h
        map.step(&plus, time: 0)
        map.step(&minus, time: 0)
        return zip(plus, minus).map { ($0 - $1) / (2 * h) }
    }
}

/// `J e_i` for every basis vector, via `applyJacobian` (columns of J).
private func analyticJacobian(_ map: some DynamicalMap, at state: [Double]) -> [[Double]] {
    var columns = (0..<map.dimension).map { i in (0..<map.dimension).map { $0 == i ? 1.0 : 0.0 } }
    map.applyJacobian(at: state, time: 0, to: &columns)
    return columns
}

final class DynamicsTests: XCTestCase {
    /// Analytic and finite-difference Jacobians agree to the FD truncation error
    /// O(h²·f''') ≈ 1e-10 with h = 1e-5, so 1e-7 (relative to the entry scale) catches
    /// any wrong term.
    private func assertJacobianMatchesFiniteDifference(
        _ map: some DynamicalMap, at state: [Double], file: StaticString = #filePath, line: UInt = #line
    ) {
        let analytic = analyticJacobian(map, at: state)
        let numeric = finiteDifferenceJacobian(map, at: state, step: 1e-5)
        for (a, n) in zip(analytic.joined(), numeric.joined()) {
            XCTAssertEqual(a, n, accuracy: 1e-7 * max(1, abs(n)), file: file, line: line)
        }
    }

    func testLogisticMapStepAndJacobian() {
        let map = LogisticMap(growthRate: 4)
        var state = [0.25]
        map.step(&state, time: 0)
        XCTAssertEqual(state, [0.75])  // 4 · 0.25 · 0.75, exact in binary
        var vectors = [[2.0]]
        map.applyJacobian(at: [0.25], time: 0, to: &vectors)
        XCTAssertEqual(vectors, [[4.0]])  // r(1 − 2x) · 2 = 2 · 2
        assertJacobianMatchesFiniteDifference(map, at: [0.3141])
    }

    func testHenonMapStepAndJacobian() {
        let map = HenonMap(a: 1.4, b: 0.3)
        var state = [0.5, 0.25]
        map.step(&state, time: 0)
        XCTAssertEqual(state[0], 1 - 1.4 * 0.25 + 0.25, accuracy: 1e-15)
        XCTAssertEqual(state[1], 0.15, accuracy: 1e-15)
        assertJacobianMatchesFiniteDifference(map, at: [0.6, -0.2])
    }

    /// One step equals an independently written RK4 step (same stages, tuple arithmetic).
    func testLorenzStepIsClassicalRK4() {
        let map = LorenzRK4Map(sigma: 10, rho: 28, beta: 8.0 / 3.0, stepSize: 0.01)
        func field(_ p: (Double, Double, Double)) -> (Double, Double, Double) {
            (10 * (p.1 - p.0), p.0 * (28 - p.2) - p.1, p.0 * p.1 - 8.0 / 3.0 * p.2)
        }
        func add(_ p: (Double, Double, Double), _ s: Double, _ k: (Double, Double, Double)) -> (Double, Double, Double) {
            (p.0 + s * k.0, p.1 + s * k.1, p.2 + s * k.2)
        }
        let x = (1.0, 2.0, 20.0)
        let h = 0.01
        let k1 = field(x), k2 = field(add(x, h / 2, k1)), k3 = field(add(x, h / 2, k2)), k4 = field(add(x, h, k3))
        let expected = [
            x.0 + h / 6 * (k1.0 + 2 * k2.0 + 2 * k3.0 + k4.0),
            x.1 + h / 6 * (k1.1 + 2 * k2.1 + 2 * k3.1 + k4.1),
            x.2 + h / 6 * (k1.2 + 2 * k2.2 + 2 * k3.2 + k4.2),
        ]
        var state = [1.0, 2.0, 20.0]
        map.step(&state, time: 0)
        for (s, e) in zip(state, expected) {
            XCTAssertEqual(s, e, accuracy: 1e-13)  // reassociation only
        }
        XCTAssertEqual(map.timeStep, 0.01)
    }

    /// The tangent map is the derivative of the RK4 step itself (not of the flow, nor
    /// Df frozen at the start point): it matches finite differences of `step` to 1e-7
    /// also at a coarse h = 0.05, where those alternatives differ by RK4's local error
    /// or O(h²) terms, far above 1e-7.
    func testLorenzTangentIsDerivativeOfRK4Step() {
        for stepSize in [0.01, 0.05] {
            let map = LorenzRK4Map(sigma: 10, rho: 28, beta: 8.0 / 3.0, stepSize: stepSize)
            assertJacobianMatchesFiniteDifference(map, at: [-3.2, 4.5, 21.7])
        }
    }

    func testQuadraticBasisIsOrthonormalAndSpectrumIsExact() {
        let curvatures = [0.25, 1, 2, 3, 4]
        let map = QuadraticGradientDescent(curvatures: curvatures, learningRate: 0.6)
        let basis = QuadraticGradientDescent.cosineBasis(5)
        for i in 0..<5 {
            for j in 0..<5 {
                let dot = zip(basis[i], basis[j]).map(*).reduce(0, +)
                XCTAssertEqual(dot, i == j ? 1 : 0, accuracy: 1e-14)  // orthonormal to rounding
                XCTAssertEqual(map.hessian[i][j], map.hessian[j][i])  // exactly symmetric
            }
            let image = map.multiply(basis[i])
            for (value, component) in zip(image, basis[i]) {
                XCTAssertEqual(value, curvatures[i] * component, accuracy: 1e-14)  // A q_i = a_i q_i
            }
        }
        XCTAssertEqual(map.exactMaximalExponent, log(1.4), accuracy: 1e-15)  // |1 − 0.6·4|
        XCTAssertEqual(map.exactExponents, curvatures.map { log(abs(1 - 0.6 * $0)) }.sorted(by: >))
        XCTAssertGreaterThan(map.exactMaximalExponent, 0)  // η = 0.6 > 2/a_max = 0.5: divergence
        XCTAssertEqual(map.timeStep, 0.6)
        assertJacobianMatchesFiniteDifference(map, at: [0.5, -0.3, 0.2, 0.1, -0.4])
    }
}
