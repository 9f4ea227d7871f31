import Dynamics
import Lyapunov
import NumericsCore
import XCTest

final class HessianPowerIterationTests: XCTestCase {
    /// A dense symmetric matrix with eigenvalues (0.5, 1, 2, 3, 7) (DCT basis): the top
    /// eigenvalue to 1e-10 relative. The stopping residual 1e-8·|μ| bounds the
    /// eigenvalue error by residual²/gap ≈ 1e-15; the convergence factor 3/7 per step
    /// needs ~25 iterations.
    func testTopEigenvalueOfKnownMatrix() {
        let matrix = QuadraticGradientDescent(curvatures: [0.5, 1, 2, 3, 7], learningRate: 1)
        let result = HessianPowerIteration(key: SeedKey(1)).topEigenvalue(dimension: 5, product: matrix.multiply)
        XCTAssertTrue(result.converged)
        XCTAssertEqual(result.eigenvalue, 7, accuracy: 1e-10 * 7)
        XCTAssertLessThan(result.iterations, 60)
        let basis = QuadraticGradientDescent.cosineBasis(5)
        let alignment = abs(zip(result.eigenvector, basis[4]).map(*).reduce(0, +))
        XCTAssertEqual(alignment, 1, accuracy: 1e-8)
    }

    /// When the eigenvalue of largest magnitude is negative (a saddle, −10), the shifted
    /// second run returns the largest algebraic eigenvalue 3.
    func testNegativeDominantEigenvalueIsShiftedAway() {
        let matrix = QuadraticGradientDescent(curvatures: [-10, 1, 3], learningRate: 1)
        let result = HessianPowerIteration(key: SeedKey(2)).topEigenvalue(dimension: 3, product: matrix.multiply)
        XCTAssertTrue(result.converged)
        XCTAssertEqual(result.eigenvalue, 3, accuracy: 1e-9)
    }

    /// A zero Hessian (dead units) has sharpness 0, found at once.
    func testZeroOperator() {
        let result = HessianPowerIteration(key: SeedKey(3)).topEigenvalue(dimension: 4) { _ in [0, 0, 0, 0] }
        XCTAssertEqual(result.eigenvalue, 0)
        XCTAssertTrue(result.converged)
        XCTAssertEqual(result.iterations, 1)
    }

    /// Eigenvalues ±5 of equal magnitude: power iteration cannot separate them and
    /// says so (converged = false after the iteration limit).
    func testEqualMagnitudeEigenvaluesDoNotConverge() {
        let matrix = QuadraticGradientDescent(curvatures: [5, -5, 1], learningRate: 1)
        let result = HessianPowerIteration(key: SeedKey(4), maximumIterations: 200)
            .topEigenvalue(dimension: 3, product: matrix.multiply)
        XCTAssertFalse(result.converged)
        XCTAssertEqual(result.iterations, 200)
    }

    /// Sharpness of GD on the validation quadratic: a_max = 4 exceeds 2/η = 3.33 for
    /// η = 0.6, the regime where the suite's exponent ln 1.4 is positive (1e-10).
    func testSharpnessOfGradientDescentMap() {
        let quadratic = QuadraticGradientDescent(curvatures: [0.25, 1, 2, 3, 4], learningRate: 0.6)
        let map = GradientDescentMap(
            dimension: 5, learningRate: 0.6, gradient: { quadratic.multiply($0) },
            hessianVectorProduct: { _, v in quadratic.multiply(v) })
        let result = HessianPowerIteration(key: SeedKey(5)).topEigenvalue(dimension: map.dimension) {
            map.hessianVectorProduct([0, 0, 0, 0, 0], $0)
        }
        XCTAssertTrue(result.converged)
        XCTAssertEqual(result.eigenvalue, 4, accuracy: 4e-10)
        XCTAssertGreaterThan(result.eigenvalue, 2 / map.learningRate)
    }
}
