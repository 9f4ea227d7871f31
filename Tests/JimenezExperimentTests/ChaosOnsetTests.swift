import JimenezExperiment
import Lyapunov
import NumericsCore
import XCTest

/// The onset η: the smallest grid η whose median λ is > 0 with a bootstrap interval
/// excluding 0 (docs/PROTOCOL.md §3, Outputs).
final class ChaosOnsetTests: XCTestCase {
    private let key = SeedKey(2).derive("onset-tests")

    /// 20 initialisations; λ = μ(η) + a symmetric spread of ±0.095, so the median is μ.
    private func sweep(_ means: [Double]) -> [[Double?]] {
        (0..<20).map { i in means.map { $0 + (Double(i) - 9.5) / 100 } }
    }

    func testOnsetIsTheFirstClearlyPositiveMedian() throws {
        let onset = try ChaosOnset(exponents: sweep([-0.5, -0.1, 0, 0.3, 1.0]), key: key)
        XCTAssertEqual(onset.onsetIndex, 3)
        for (median, mean) in zip(onset.medians, [-0.5, -0.1, 0, 0.3, 1.0]) {
            XCTAssertEqual(median.median!.estimate, mean, accuracy: 1e-15, "median = μ")
        }
        XCTAssertFalse(onset.medians[2].isPositive, "median 0 is not > 0")
        XCTAssertGreaterThan(onset.medians[3].median!.lower, 0)
        XCTAssertEqual(onset.medians[3].median!.resampleCount, 2000, "the stated B")
        XCTAssertEqual(onset.medians[3].acceptedCount, 20)
    }

    /// A positive median whose interval reaches below 0 is not an onset: 11 runs at 0.1 and
    /// 10 at −1 have median 0.1, but about half of the resamples put the median at −1.
    func testPositiveMedianWithAnIntervalAcrossZeroIsNoOnset() throws {
        let mixed: [Double] = Array(repeating: 0.1, count: 11) + Array(repeating: -1, count: 10)
        let exponents = mixed.map { [$0, 0.5] as [Double?] }
        let onset = try ChaosOnset(exponents: exponents, key: key)
        XCTAssertEqual(onset.medians[0].median!.estimate, 0.1)
        XCTAssertEqual(onset.medians[0].median!.lower, -1)
        XCTAssertEqual(onset.onsetIndex, 1)
    }

    /// Rejected fits (nil) are counted; an η with fewer than half accepted has no median
    /// and cannot be the onset, however positive its few accepted fits are.
    func testTooFewAcceptedFitsGiveNoMedian() throws {
        let exponents: [[Double?]] = (0..<10).map { i in [i < 4 ? 0.8 : nil, 0.4 + Double(i) / 100] }
        let onset = try ChaosOnset(exponents: exponents, key: key)
        XCTAssertEqual(onset.medians[0].acceptedCount, 4)
        XCTAssertEqual(onset.medians[0].rejectedCount, 6)
        XCTAssertNil(onset.medians[0].median)
        XCTAssertEqual(onset.onsetIndex, 1)
        let lenient = try ChaosOnset(exponents: exponents, rule: OnsetRule(minimumAcceptedFraction: 0.4), key: key)
        XCTAssertEqual(lenient.onsetIndex, 0)
    }

    /// With a threshold δ the onset is the first median that clears δ with its interval.
    func testThresholdMovesTheOnsetUp() throws {
        let exponents = sweep([-0.5, 0.15, 0.3, 1.0])
        XCTAssertEqual(try ChaosOnset(exponents: exponents, key: key).onsetIndex, 1)
        XCTAssertEqual(try ChaosOnset(exponents: exponents, rule: OnsetRule(threshold: 0.2), key: key).onsetIndex, 2)
        XCTAssertNil(try ChaosOnset(exponents: exponents, rule: OnsetRule(threshold: 2), key: key).onsetIndex)
        XCTAssertThrowsError(try ChaosOnset(exponents: exponents, rule: OnsetRule(threshold: -1), key: key))
    }

    func testNoPositiveMedianMeansNoOnset() throws {
        XCTAssertNil(try ChaosOnset(exponents: sweep([-1, -0.5, 0]), key: key).onsetIndex)
    }

    /// Keys are values: the same key gives the same intervals, whatever ran before.
    func testIntervalsAreKeyed() throws {
        var stream = SeedKey(5).stream()
        let noisy: [[Double?]] = (0..<15).map { _ in [stream.normal(), stream.normal() + 0.5] }
        let first = try ChaosOnset(exponents: noisy, key: key)
        _ = try ChaosOnset(exponents: noisy, key: SeedKey(6))
        XCTAssertEqual(try ChaosOnset(exponents: noisy, key: key), first)
    }

    /// Only an accepted fit (status ok) contributes a λ.
    func testAcceptedExponentFollowsTheStatus() {
        func estimate(_ status: EstimateStatus) -> LyapunovEstimate {
            LyapunovEstimate(
                method: .divergenceFit, exponents: [0.7], base: .natural, timeStep: 1, series: [],
                seriesKind: .logMeanSeparation, window: StepWindow(start: 1, end: 5), status: status)
        }
        XCTAssertEqual(ChaosOnset.acceptedExponent(estimate(.ok)), 0.7)
        XCTAssertNil(ChaosOnset.acceptedExponent(estimate(.poorFit(rSquared: 0.85))))
        XCTAssertNil(ChaosOnset.acceptedExponent(estimate(.saturated(step: 2))))
    }

    func testBadInputIsATypedError() {
        XCTAssertThrowsError(try ChaosOnset(exponents: [], key: key)) {
            XCTAssertEqual($0 as? JimenezAnalysisError, .empty(quantity: "exponents"))
        }
        XCTAssertThrowsError(try ChaosOnset(exponents: [[1]], rule: OnsetRule(resampleCount: 0), key: key))
    }
}
