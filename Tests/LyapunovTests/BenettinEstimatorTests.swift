import Dynamics
import Foundation
import Lyapunov
import NumericsCore
import XCTest

final class BenettinEstimatorTests: XCTestCase {
    /// Divergent GD on a quadratic (η > 2/a_max): the state grows by 1.4 per step to
    /// ~10¹⁹⁰, yet the separation relative to max(1, ‖x‖) stays resolvable and the
    /// estimate is exact to 1e-9 for several renormalization intervals.
    func testDivergentLinearMapIsExact() throws {
        let map = QuadraticGradientDescent(curvatures: [0.25, 1, 2, 3, 4], learningRate: 0.6)
        for interval in [1, 7, 25] {
            let estimate = try BenettinEstimator(key: SeedKey(2), renormalizationInterval: interval, transientSteps: 100)
                .estimate(map, from: [0.5, -0.3, 0.2, 0.1, -0.4], steps: 1200)
            XCTAssertEqual(estimate.status, .ok)
            XCTAssertEqual(estimate.maximalExponent!, log(1.4), accuracy: 1e-9)
            XCTAssertEqual(estimate.window, StepWindow(start: 100, end: 1300))
            XCTAssertEqual(estimate.series.count, (1200 + interval - 1) / interval)
        }
    }

    /// A map that sends every state to 0 makes the separation exactly zero: a
    /// degenerate status at the first renormalization, not ln 0 = −∞.
    func testCollapsedSeparationIsDegenerate() throws {
        let estimate = try BenettinEstimator(key: SeedKey(1)).estimate(TestMaps.collapsing, from: [1, 2], steps: 5)
        XCTAssertEqual(estimate.status, .degenerate(step: 1, reason: .zeroSeparation))
        XCTAssertEqual(estimate.exponents, [])
    }

    /// Agrees with the tangent method on Hénon to 1e-6 (same trajectory; the finite
    /// d0 = 1e-8 changes the local stretching only at O(d0)).
    func testAgreesWithTangentMethodOnHenon() throws {
        let map = HenonMap(a: 1.4, b: 0.3)
        let benettin = try BenettinEstimator(key: SeedKey(4), transientSteps: 500).estimate(map, from: [0.1, 0.1], steps: 20_000)
        let tangent = try TangentSpaceEstimator(key: SeedKey(4), transientSteps: 500).estimate(map, from: [0.1, 0.1], steps: 20_000)
        XCTAssertEqual(benettin.maximalExponent!, tangent.maximalExponent!, accuracy: 1e-6)
    }
}
