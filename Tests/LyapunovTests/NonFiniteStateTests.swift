import Dynamics
import Lyapunov
import NumericsCore
import XCTest

/// docs/PROTOCOL.md §1 and the brief: non-finite states never crash an estimator and never
/// reach its numbers; they end the estimate with status `diverged`.
final class NonFiniteStateTests: XCTestCase {
    /// The poisoned map doubles the state (η = 1, ∇L = −w) and returns NaN once w₀ > 10:
    /// from w₀ = 1 the state is non-finite at step 4 (1 → 2 → 4 → 8 → 16 → NaN).
    func testEveryEstimatorReportsDivergence() throws {
        let map = TestMaps.poisoned
        let estimators: [any LyapunovEstimator] = [
            TangentSpaceEstimator(key: SeedKey(1), exponentCount: 2),
            BenettinEstimator(key: SeedKey(1)),
            HybridWolfKantzEstimator(key: SeedKey(1), horizon: 2),
            DivergenceFitEstimator(key: SeedKey(1), replicaCount: 2),
        ]
        for estimator in estimators {
            let estimate = try estimator.estimate(map, from: [1, 1], steps: 20)
            guard case .diverged(let step) = estimate.status else {
                XCTFail("\(estimate.method): expected diverged, got \(estimate.status)")
                continue
            }
            XCTAssertLessThanOrEqual(step, 6, "\(estimate.method)")
            XCTAssertTrue(estimate.exponents.allSatisfy(\.isFinite), "\(estimate.method)")
            XCTAssertTrue(estimate.series.allSatisfy(\.isFinite), "\(estimate.method)")
        }
    }

    /// Overflow to ±∞ (no NaN from the map itself): GD with |1 − η a| = 399 overflows
    /// after ~120 steps; the tangent method reports the step and the exponent ln 399
    /// measured before it (to 1e-9).
    func testOverflowIsDivergenceWithPrefixEstimate() throws {
        let map = QuadraticGradientDescent(curvatures: [4, 1], learningRate: 100)
        let estimate = try TangentSpaceEstimator(key: SeedKey(1), transientSteps: 10).estimate(map, from: [1, 1], steps: 1000)
        guard case .diverged(let step) = estimate.status else {
            return XCTFail("expected diverged, got \(estimate.status)")
        }
        XCTAssertGreaterThan(step, 100)
        XCTAssertLessThan(step, 130)
        XCTAssertEqual(estimate.window.end, step - 1)
        XCTAssertEqual(estimate.maximalExponent!, log(399), accuracy: 1e-9)
    }
}
