import Dynamics
import Foundation
import Lyapunov
import NumericsCore
import XCTest

final class TangentSpaceEstimatorTests: XCTestCase {
    /// The full spectrum of the DCT-basis quadratic, including a divergent direction,
    /// after 1000 aligning steps: exact to 1e-12. (The closest pair of factors, 0.85 and
    /// 0.8, aligns as (0.8/0.85)^t: 2e-3 after 100 steps, 1e-26 after 1000.)
    func testFullSpectrumOfLinearMapIsExact() throws {
        let map = QuadraticGradientDescent(curvatures: [0.25, 1, 2, 3, 4], learningRate: 0.6)
        let estimate = try TangentSpaceEstimator(key: SeedKey(7), exponentCount: 5, transientSteps: 1000)
            .estimate(map, from: [0.5, -0.3, 0.2, 0.1, -0.4], steps: 500)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.window, StepWindow(start: 1000, end: 1500))
        for (value, exact) in zip(estimate.exponents, map.exactExponents) {
            XCTAssertEqual(value, exact, accuracy: 1e-12)
        }
        XCTAssertEqual(estimate.series.count, 500)  // one running value per QR
        XCTAssertEqual(estimate.series.last, estimate.exponents.first)
    }

    /// Orthonormalizing every q = 7 steps (with a shorter last interval) gives the same
    /// spectrum of a linear map to 1e-12: QR is only a numerical device.
    func testOrthonormalizationIntervalDoesNotChangeLinearSpectrum() throws {
        let map = QuadraticGradientDescent(curvatures: [0.5, 1, 3], learningRate: 0.45)
        let every = try TangentSpaceEstimator(key: SeedKey(3), exponentCount: 3, transientSteps: 100)
            .estimate(map, from: [1, 2, 3], steps: 300)
        let sparse = try TangentSpaceEstimator(
            key: SeedKey(3), exponentCount: 3, orthonormalizationInterval: 7, transientSteps: 98
        ).estimate(map, from: [1, 2, 3], steps: 300)
        for (a, b) in zip(every.exponents, sparse.exponents) {
            XCTAssertEqual(a, b, accuracy: 1e-12)
        }
    }

    /// det J = −b for Hénon, so λ₁ + λ₂ = ln b per QR step up to rounding (1e-12).
    func testHenonExponentsSumToLogB() throws {
        let estimate = try TangentSpaceEstimator(key: SeedKey(1), exponentCount: 2, transientSteps: 100)
            .estimate(HenonMap(a: 1.4, b: 0.3), from: [0.1, 0.1], steps: 10_000)
        XCTAssertEqual(estimate.exponents[0] + estimate.exponents[1], log(0.3), accuracy: 1e-12)
    }

    /// x = 0.5 is the critical point of the logistic map: J = 0, the tangent vector is
    /// exactly zero after one step, and the result says so instead of returning −∞.
    func testSingularJacobianIsDegenerate() throws {
        let estimate = try TangentSpaceEstimator(key: SeedKey(1)).estimate(
            LogisticMap(growthRate: 4), from: [0.5], steps: 10)
        XCTAssertEqual(estimate.status, .degenerate(step: 1, reason: .zeroTangentVector))
        XCTAssertEqual(estimate.exponents, [])
    }

    /// Same key, same result, bit for bit; another key changes only the start vectors.
    func testDeterministic() throws {
        let estimator = TangentSpaceEstimator(key: SeedKey(5), exponentCount: 2)
        let a = try estimator.estimate(HenonMap(a: 1.4, b: 0.3), from: [0.1, 0.1], steps: 1000)
        let b = try estimator.estimate(HenonMap(a: 1.4, b: 0.3), from: [0.1, 0.1], steps: 1000)
        XCTAssertEqual(a, b)
    }

    func testConfigurationErrors() {
        XCTAssertThrowsError(
            try TangentSpaceEstimator(key: SeedKey(1), exponentCount: 3).estimate(
                HenonMap(a: 1.4, b: 0.3), from: [0, 0], steps: 10)
        ) { error in
            guard case .invalidParameter(let name, _, _) = error as? LyapunovConfigurationError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(name, "exponentCount")
        }
        XCTAssertThrowsError(
            try TangentSpaceEstimator(key: SeedKey(1)).estimate(HenonMap(a: 1.4, b: 0.3), from: [0], steps: 10)
        ) { error in
            XCTAssertEqual(error as? LyapunovConfigurationError, .dimensionMismatch(expected: 2, actual: 1))
            XCTAssertTrue("\(error)".contains("pass a state of length 2"))
        }
    }
}

final class InitialCoordinatesTests: XCTestCase {
    /// GD on ½(4w₀² + w₁²) with η = 0.75: w₀ is multiplied by −2 and w₁ by 0.25 each step.
    /// Started on coordinate 1 only, the vectors never leave it (the map is diagonal), so
    /// the tangent and Benettin estimates are ln 0.25, not the maximal ln 2.
    func testPerturbationsStartOnTheChosenCoordinates() throws {
        let map = TestMaps.diagonalQuadratic([4, 1], learningRate: 0.75)
        let tangent = try TangentSpaceEstimator(key: SeedKey(3), initialCoordinates: [1]).estimate(map, from: [1e-3, 1e-3], steps: 20)
        XCTAssertEqual(tangent.maximalExponent!, log(0.25), accuracy: 1e-12)
        let benettin = try BenettinEstimator(key: SeedKey(3), initialCoordinates: [1]).estimate(map, from: [1e-3, 1e-3], steps: 20)
        XCTAssertEqual(benettin.maximalExponent!, log(0.25), accuracy: 1e-6)
        let free = try TangentSpaceEstimator(key: SeedKey(3)).estimate(map, from: [1e-3, 1e-3], steps: 20)
        XCTAssertEqual(free.maximalExponent!, log(2), accuracy: 0.05, "unrestricted vectors align with the expanding direction")
    }
}
