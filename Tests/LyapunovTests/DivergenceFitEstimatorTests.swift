import Dynamics
import Foundation
import Lyapunov
import NumericsCore
import XCTest

final class DivergenceFitEstimatorTests: XCTestCase {
    /// Separations `d(t)` for a synthetic curve `ln(d(t)/d(0)) = y(t)`.
    private func separations(_ curve: [Double]) -> [[Double]] {
        [curve.map { 1e-8 * exp($0) }]
    }

    /// Exponential growth at 0.5/step up to a plateau at 15 nats. The saturation cut
    /// keeps y < 15 − ln 1000 ≈ 8.09, i.e. t ≤ 16, and the line there is exact.
    func testWindowStopsThreeDecadesBeforeSaturation() throws {
        let curve = (0...60).map { t in min(0.5 * Double(t), 15) }
        let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1, firstStep: 100)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.window, StepWindow(start: 100, end: 116))
        XCTAssertEqual(estimate.maximalExponent!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(estimate.fit!.rSquared, 1, accuracy: 1e-12)
        XCTAssertEqual(estimate.series.count, 61)
    }

    /// Contraction toward a round-off floor is treated like saturation from below.
    func testContractionStopsBeforeFloor() throws {
        let curve = (0...80).map { t in max(-0.4 * Double(t), -18) }
        let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.maximalExponent!, -0.4, accuracy: 1e-12)
        XCTAssertEqual(estimate.window.end, 27)  // −0.4·28 = −11.2 ≤ −18 + 6.91
    }

    /// A flat curve (zero gradient, J = I: separations preserved) gives slope 0 over
    /// the whole record with status ok — Mittra's "ReLU λ = 0".
    func testFlatCurveGivesZeroExponent() throws {
        let estimate = try DivergenceFitEstimator.estimate(separations: [Array(repeating: 3e-8, count: 30)], timeStep: 1)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.exponents, [0])
        XCTAssertEqual(estimate.window, StepWindow(start: 0, end: 29))
    }

    /// A curve that jumps to its plateau within two steps leaves no window of the
    /// minimum length (5): saturated.
    func testImmediateSaturationIsReported() throws {
        let curve = [0.0, 10, 20] + Array(repeating: 20.0, count: 20)
        let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1)
        XCTAssertEqual(estimate.status, .saturated(step: 2))
    }

    /// Alternating noise without trend: no window reaches R² ≥ 0.99.
    func testTrendlessNoiseIsPoorFit() throws {
        let curve = (0...40).map { t in t % 2 == 0 ? 0.0 : 1.0 }
        let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1)
        guard case .poorFit(let rSquared) = estimate.status else {
            return XCTFail("expected poorFit, got \(estimate.status)")
        }
        XCTAssertLessThan(rSquared, 0.99)
        XCTAssertEqual(estimate.window, StepWindow(start: 0, end: 40))
    }

    /// Zero or non-finite separations end the curve with a status (never −∞ or NaN).
    func testZeroAndNonFiniteSeparationsEndTheCurve() throws {
        var zero = (0...20).map { 1e-8 * exp(0.3 * Double($0)) }
        zero[12] = 0
        let degenerate = try DivergenceFitEstimator.estimate(separations: [zero], timeStep: 1)
        XCTAssertEqual(degenerate.status, .degenerate(step: 12, reason: .zeroSeparation))
        XCTAssertEqual(degenerate.series.count, 12)
        XCTAssertEqual(degenerate.maximalExponent!, 0.3, accuracy: 1e-12)
        var infinite = zero
        infinite[12] = .infinity
        let diverged = try DivergenceFitEstimator.estimate(separations: [infinite], timeStep: 1)
        XCTAssertEqual(diverged.status, .diverged(step: 12))
        XCTAssertTrue(diverged.series.allSatisfy(\.isFinite))
    }

    /// "Weights only": perturbing coordinate 1 of a diagonal map measures that
    /// coordinate's rate ln 0.5 exactly, although coordinate 0 expands (ln 1.5);
    /// perturbing both measures ln 1.5 once the (1/3)^t contribution of coordinate 1
    /// has died out (fit from step 25: 1e-12 relative).
    func testPerturbingOnlyGivenCoordinates() throws {
        let map = TestMaps.diagonalQuadratic([-0.5, 0.5], learningRate: 1)
        let estimate = try DivergenceFitEstimator(key: SeedKey(1), replicaCount: 3, perturbedCoordinates: [1])
            .estimate(map, from: [0.1, 0.2], steps: 30)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.maximalExponent!, log(0.5), accuracy: 1e-12)
        let all = try DivergenceFitEstimator(key: SeedKey(1), replicaCount: 3, windowRule: DivergenceWindowRule(fitStart: 25))
            .estimate(map, from: [0.1, 0.2], steps: 60)
        XCTAssertEqual(all.status, .ok)
        XCTAssertEqual(all.maximalExponent!, log(1.5), accuracy: 1e-9)
    }

    /// The slope of the replica mean on divergent GD (η > 2/a_max) after a 60-step
    /// alignment start is exact to 1e-9 (the suite's 1e-6 with room).
    func testDivergentLinearMapIsExact() throws {
        let map = QuadraticGradientDescent(curvatures: [0.25, 1, 2, 3, 4], learningRate: 0.6)
        let estimate = try DivergenceFitEstimator(key: SeedKey(3), replicaCount: 4, windowRule: DivergenceWindowRule(fitStart: 60))
            .estimate(map, from: [0.5, -0.3, 0.2, 0.1, -0.4], steps: 300)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.maximalExponent!, log(1.4), accuracy: 1e-9)
    }

    func testConfigurationErrors() {
        XCTAssertThrowsError(
            try DivergenceFitEstimator(key: SeedKey(1), perturbedCoordinates: [2]).estimate(HenonMap(a: 1.4, b: 0.3), from: [0, 0], steps: 5))
        XCTAssertThrowsError(try DivergenceFitEstimator.estimate(separations: [[1, 2], [1]], timeStep: 1))
    }
}
