import Dynamics
import Foundation
import Lyapunov
import NumericsCore
import XCTest

/// ``BatchMeans`` and the standard errors the estimators report (docs/PROTOCOL.md §1.8), on
/// synthetic inputs whose answer is known.
final class BatchMeansTests: XCTestCase {
    /// Independent contributions of standard deviation σ: the standard error of their mean is
    /// σ/√N; batch means recover it within its own sampling error (20 batches: ±~16 % sd).
    func testIndependentContributionsGiveSigmaOverRootN() {
        var stream = SeedKey(7).stream()
        let count = 100_000, sigma = 0.3
        let values = (0..<count).map { _ in 0.5 + sigma * stream.normal() }
        let standardError = BatchMeans.standardError(contributions: values, lengths: Array(repeating: 1, count: count))
        let expected = sigma / Double(count).squareRoot()
        XCTAssertEqual(standardError, expected, accuracy: 0.5 * expected)
    }

    /// A telescoping series c_t = h(x_{t+1}) − h(x_t) + λ (the logistic map's local rates are of
    /// this form) has a time average within O(1/T) of λ: its batch-means error is that small,
    /// although each contribution varies by O(1).
    func testTelescopingContributionsHaveTinyError() {
        var stream = SeedKey(8).stream()
        let h = (0...10_000).map { _ in stream.normal() }
        let values = (0..<10_000).map { h[$0 + 1] - h[$0] + 0.7 }
        let standardError = BatchMeans.standardError(contributions: values, lengths: Array(repeating: 1, count: values.count))
        XCTAssertLessThan(standardError, 1e-3)
        XCTAssertGreaterThan(standardError, 0)
    }

    /// Lengths weight the batch averages (Σc / Σn per batch); too few contributions, or a
    /// non-finite one, give NaN; the group formula is the sample sd over √n.
    func testLengthsTooFewAndGroupValues() {
        let constantRate = BatchMeans.standardError(contributions: Array(repeating: 2.0, count: 40), lengths: Array(repeating: 4, count: 40))
        XCTAssertEqual(constantRate, 0)
        XCTAssertTrue(BatchMeans.standardError(contributions: [1, 2, 3], lengths: [1, 1, 1]).isNaN)
        XCTAssertTrue(BatchMeans.standardError(contributions: Array(repeating: .nan, count: 40), lengths: Array(repeating: 1, count: 40)).isNaN)
        // values 1, 2, 3, 4: sd = √(5/3), se = sd / 2.
        XCTAssertEqual(BatchMeans.standardError(ofGroupValues: [1, 2, 3, 4]), (5.0 / 3).squareRoot() / 2, accuracy: 1e-15)
        XCTAssertEqual(BatchMeans.groups(of: 45).map(\.count).reduce(0, +), 45)
        XCTAssertEqual(BatchMeans.groups(of: 19), [])
    }

    /// Every estimator reports one standard error per exponent: ~0 on a linear map (every
    /// step stretches alike), positive and finite on the chaotic Hénon map, NaN for a
    /// divergence fit with fewer replicas than groups.
    func testEstimatorsReportStandardErrors() throws {
        let linear = QuadraticGradientDescent(curvatures: [0.25, 1, 2], learningRate: 0.3)
        let tangent = try TangentSpaceEstimator(key: SeedKey(1), exponentCount: 2, transientSteps: 100)
            .estimate(linear, from: [0.5, -0.3, 0.2], steps: 400)
        XCTAssertEqual(tangent.standardErrors.count, 2)
        XCTAssertLessThan(tangent.standardErrors[0], 1e-12)

        let henon = HenonMap(a: 1.4, b: 0.3)
        let benettin = try BenettinEstimator(key: SeedKey(2), transientSteps: 100).estimate(henon, from: [0.1, 0.1], steps: 20_000)
        let hybrid = try HybridWolfKantzEstimator(key: SeedKey(3), horizon: 12, transientSteps: 100).estimate(henon, from: [0.1, 0.1], steps: 12_000)
        for estimate in [benettin, hybrid] {
            XCTAssertEqual(estimate.standardErrors.count, 1)
            XCTAssertTrue(estimate.standardErrors[0].isFinite && estimate.standardErrors[0] > 0, "\(estimate.method)")
        }
        let many = try DivergenceFitEstimator(key: SeedKey(4), replicaCount: 40, replicaSpacing: 17, transientSteps: 100,
                                              windowRule: DivergenceWindowRule(fitStart: 3)).estimate(henon, from: [0.1, 0.1], steps: 40)
        XCTAssertTrue(many.standardErrors[0].isFinite && many.standardErrors[0] > 0)
        let few = try DivergenceFitEstimator(key: SeedKey(4), replicaCount: 8, replicaSpacing: 17, transientSteps: 100,
                                             windowRule: DivergenceWindowRule(fitStart: 3)).estimate(henon, from: [0.1, 0.1], steps: 40)
        XCTAssertTrue(few.standardErrors[0].isNaN)
    }
}
