import Dynamics
import Foundation
import Lyapunov
import NumericsCore
import XCTest

final class HybridWolfKantzEstimatorTests: XCTestCase {
    /// Eq. 4 by hand: D₀(0) = 2, D₀(τ) = 8, D₁(0) = 1, D₁(τ) = 2, τ = 2, M = 2:
    /// λ = (log₂ 4 + log₂ 2) / (2·2) = 0.75 bits/step; with Δt = 0.5, 1.5 bits per unit
    /// time. Exact in binary floating point.
    func testEquationFourFromRecordedDistances() throws {
        let estimate = try HybridWolfKantzEstimator.estimate(
            initialDistances: [[1, 3], [0.5, 1.5]], evolvedDistances: [[4, 12], [1, 3]], horizon: 2, timeStep: 0.5,
            referenceSteps: [10, 12])
        XCTAssertEqual(estimate.exponents, [0.75])
        XCTAssertEqual(estimate.base, .binary)
        XCTAssertEqual(estimate.exponentsPerUnitTime, [1.5])
        XCTAssertEqual(estimate.natsPerStep[0], 0.75 * log(2), accuracy: 1e-15)
        XCTAssertEqual(estimate.series, [1, 0.5])
        XCTAssertEqual(estimate.window, StepWindow(start: 10, end: 14))
        XCTAssertEqual(estimate.status, .ok)
    }

    /// A zero mean distance (dead units) or a non-finite one stops the estimate with a
    /// status; the estimate uses the reference times before it.
    func testZeroAndNonFiniteDistancesGiveStatuses() throws {
        let zero = try HybridWolfKantzEstimator.estimate(
            initialDistances: [[1], [1]], evolvedDistances: [[2], [0]], horizon: 1, timeStep: 1)
        XCTAssertEqual(zero.status, .degenerate(step: 2, reason: .zeroSeparation))
        XCTAssertEqual(zero.exponents, [1])
        let infinite = try HybridWolfKantzEstimator.estimate(
            initialDistances: [[1], [1]], evolvedDistances: [[.infinity], [2]], horizon: 1, timeStep: 1)
        XCTAssertEqual(infinite.status, .diverged(step: 1))
        XCTAssertEqual(infinite.exponents, [])
    }

    /// When every direction stretches by the same factor (|1 − η a_i| equal), fresh
    /// neighbours need no alignment and Eq. 4 is exact (1e-9), contracting or diverging.
    func testIsotropicLinearMapIsExact() throws {
        for (curvatures, factor) in [([1.0, 3.0], 0.5), ([-1.0, 5.0], 1.5)] {
            let map = QuadraticGradientDescent(curvatures: curvatures, learningRate: 0.5)
            let estimate = try HybridWolfKantzEstimator(key: SeedKey(9), horizon: 10).estimate(map, from: [0.3, 0.2], steps: 40)
            XCTAssertEqual(estimate.status, .ok)
            XCTAssertEqual(estimate.maximalExponent!, log2(factor), accuracy: 1e-9)
            XCTAssertEqual(estimate.exponentsPerUnitTime[0], log2(factor) / 0.5, accuracy: 2e-9)
        }
    }

    /// Fresh neighbours on an anisotropic linear map: the bias is (1/τ) ln c with
    /// c = E|δ₁|/E‖δ‖ = √(2/π)/(√π/√2) = 2/π in two dimensions once the weaker direction
    /// has died out ((0.1/0.8)^τ). With U = 16 × M = 50 neighbours the sample mean of
    /// c is within ~5 % of 2/π, so the bias is checked to 15 % of its size.
    func testFreshNeighbourBiasMatchesPrediction() throws {
        let map = TestMaps.diagonalQuadratic([0.2, 0.9], learningRate: 1)  // factors 0.8, 0.1
        let horizon = 20
        let estimate = try HybridWolfKantzEstimator(key: SeedKey(11), horizon: horizon)
            .estimate(map, from: [0.5, 0.5], steps: 50 * horizon)
        let bias = estimate.natsPerStep[0] - log(0.8)
        let predicted = log(2 / Double.pi) / Double(horizon)
        XCTAssertEqual(bias, predicted, accuracy: 0.15 * abs(predicted))
    }

    /// Neighbours come from `key.derive("neighbour", i).derive("member", j)`: the same key
    /// reproduces the estimate bit for bit, another key changes it.
    func testNeighbourNoiseIsKeyed() throws {
        let map = HenonMap(a: 1.4, b: 0.3)
        let a = try HybridWolfKantzEstimator(key: SeedKey(1), horizon: 8, transientSteps: 100).estimate(map, from: [0.1, 0.1], steps: 800)
        let b = try HybridWolfKantzEstimator(key: SeedKey(1), horizon: 8, transientSteps: 100).estimate(map, from: [0.1, 0.1], steps: 800)
        let c = try HybridWolfKantzEstimator(key: SeedKey(2), horizon: 8, transientSteps: 100).estimate(map, from: [0.1, 0.1], steps: 800)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a.exponents, c.exponents)
        XCTAssertEqual(a.series.count, 100)
        XCTAssertEqual(a.window, StepWindow(start: 100, end: 900))
    }

    /// Dead units: all neighbours collapse onto the reference; a status, not −∞.
    func testCollapsedNeighboursAreDegenerate() throws {
        let estimate = try HybridWolfKantzEstimator(key: SeedKey(1), horizon: 3).estimate(TestMaps.collapsing, from: [1, 1], steps: 9)
        XCTAssertEqual(estimate.status, .degenerate(step: 3, reason: .zeroSeparation))
        XCTAssertEqual(estimate.exponents, [])
    }
}
