import Foundation
import MittraExperiment
import NumericsCore
import ReportKit
import XCTest

/// The analysis functions of the Mittra experiment on values whose answers are known.
/// Tolerances: 1e-12 for closed-form arithmetic (a few roundings of numbers of order 1),
/// exact equality where no arithmetic is involved.
final class AnalysisTests: XCTestCase {
    /// λ = −1 at η = 1 and +1 at η = 100: the crossing is halfway in log10 η, at η = 10.
    func testOnsetInterpolatesInLogLearningRate() {
        let (rate, kind) = ChaosOnset.onset(learningRates: [0.1, 1, 100], values: [-2, -1, 1])
        XCTAssertEqual(kind, .crossing)
        XCTAssertEqual(rate, 10, accuracy: 1e-9)
        XCTAssertEqual(ChaosOnset.onset(learningRates: [1, 2], values: [1, 2]).kind, .alwaysPositive)
        XCTAssertEqual(ChaosOnset.onset(learningRates: [1, 2, 3], values: [-1, .nan, -2]).kind, .neverPositive)
        XCTAssertEqual(ChaosOnset.onset(learningRates: [1, 2, 3], values: [1, -1, -2]).kind, .onlyDownward)
        XCTAssertEqual(ChaosOnset.onset(learningRates: [1], values: [1]).kind, .neverPositive, "one point is no curve")
        // Non-finite points are skipped: the crossing is between the neighbouring finite ones.
        XCTAssertEqual(ChaosOnset.onset(learningRates: [1, 10, 100], values: [-1, .nan, 1]).learningRate, 10, accuracy: 1e-9)
    }

    /// The onset of t bounds is where they exceed the threshold, not zero.
    func testOnsetOfLowerBoundsUsesTheThreshold() {
        let (rate, kind) = ChaosOnset.onset(learningRates: [1, 100], tLow: [0, 0.002], threshold: 0.001)
        XCTAssertEqual(kind, .crossing)
        XCTAssertEqual(rate, 10, accuracy: 1e-9)
    }

    func testChaosRule() {
        XCTAssertTrue(ChaosRule.isChaotic(lambda: 0.01, lossStillFalling: false, threshold: 0.001))
        XCTAssertFalse(ChaosRule.isChaotic(lambda: 0.01, lossStillFalling: true, threshold: 0.001), "the plateau transient")
        XCTAssertFalse(ChaosRule.isChaotic(lambda: 0.001, lossStillFalling: false, threshold: 0.001), "strictly above")
        XCTAssertFalse(ChaosRule.isChaotic(lambda: .nan, lossStillFalling: false, threshold: 0.001))
        let runs: [(lambda: Double, lossStillFalling: Bool)] = [(0.01, false), (0.01, true), (-0.2, false), (0.5, false)]
        XCTAssertEqual(ChaosRule.chaoticFraction(runs, threshold: 0.001), 0.5)
        XCTAssertTrue(ChaosRule.chaoticFraction([], threshold: 0.001).isNaN)
    }

    /// Quartiles of R type 7 of 1…5 are 2 and 4; the bounds are inclusive; NaNs are ignored.
    func testInitialLossFilter() throws {
        let bounds = try InitialLossFilter.bounds([5, 1, .nan, 3, 2, 4])
        XCTAssertEqual(bounds, [2, 4])
        XCTAssertEqual(InitialLossFilter.keep([5, 1, .nan, 3, 2, 4], bounds: bounds), [false, false, false, true, true, true])
        XCTAssertTrue(try InitialLossFilter.bounds([1]).allSatisfy(\.isNaN))
    }

    /// Bits are converted to nats; only runs whose reference |λ| exceeds the threshold count;
    /// a series without a tangent reference of its window gets NaN.
    func testEstimatorAgreement() {
        let series = ["tangent/early", "hybrid/early", "tangent/late", "other/late"]
        let units = ["nats/step", "bits/step", "nats/step", "nats/step"]
        let ln2 = log(2.0)
        let estimates: [[Double]] = [
            [0.1, 0.2 / ln2, 0.5, -0.5],  // hybrid differs by 0.1 nats, same sign; other/late opposite sign
            [-0.2, -0.1 / ln2, 0.5, 0.4],  // hybrid differs by 0.1, same sign
            [0.0001, 5, 0.0001, 5],  // reference below the threshold: left out
        ]
        let agreement = EstimatorAgreement.agreement(series: series, units: units, estimates: estimates, threshold: 0.001)
        XCTAssertEqual(agreement.count, 12)
        XCTAssertEqual(Array(agreement[0..<3]), [0, 0, 1], "the reference agrees with itself")
        XCTAssertEqual(agreement[3], 0.1, accuracy: 1e-12)
        XCTAssertEqual(agreement[4], (1.0 + 0.5) / 2, accuracy: 1e-12, "median of 0.1/0.1 and 0.1/0.2")
        XCTAssertEqual(agreement[5], 1)
        XCTAssertEqual(agreement[9], (1.0 + 0.1) / 2, accuracy: 1e-12)
        XCTAssertEqual(agreement[11], 0.5)
        let missing = EstimatorAgreement.agreement(series: ["hybrid/late"], units: ["bits/step"], estimates: [[1]], threshold: 0)
        XCTAssertTrue(missing.allSatisfy(\.isNaN))
    }

    /// η·S = 1 at η = 1 and 3 at η = 100: the limit 2 is reached halfway in log η, at η = 10.
    func testEdgeOfStabilityCrossing() {
        XCTAssertEqual(EdgeOfStability.firstCrossing([1, 3], [1, 100], limit: 2), 10, accuracy: 1e-9)
        XCTAssertEqual(EdgeOfStability.firstCrossing([.nan, 2.5, 3], [1, 2, 3], limit: 2), 2, "already above at the first finite point")
        XCTAssertTrue(EdgeOfStability.firstCrossing([0.5, 1], [1, 2], limit: 2).isNaN)
        XCTAssertTrue(EdgeOfStability.firstCrossing([.nan], [1], limit: 2).isNaN)
    }

    /// An exact line: r = 1 with n the finite pairs; a constant variable or too few pairs: NaN.
    func testCorrelationMeasure() {
        let key = SeedKey(42)
        let x: [Double] = [1, 2, 3, 4, 5, .nan]
        let y = x.map { 2 * $0 + 1 }
        let r = CorrelationMeasure.measure(.pearson, x, y, resamples: 200, key: key)
        XCTAssertEqual(r.coefficient, 1, accuracy: 1e-12)
        XCTAssertEqual(r.count, 5)
        XCTAssertEqual(r.storedWithCount.count, 5)
        XCTAssertEqual(r.storedWithoutCount.count, 4)
        let rho = CorrelationMeasure.measure(.spearman, x, y.map { -$0 }, resamples: 200, key: key)
        XCTAssertEqual(rho.coefficient, -1, accuracy: 1e-12)
        let constant = CorrelationMeasure.measure(.pearson, [1, 2, 3], [1, 1, 1], resamples: 200, key: key)
        XCTAssertTrue(constant.coefficient.isNaN)
        XCTAssertEqual(constant.count, 3)
        XCTAssertTrue(CorrelationMeasure.measure(.pearson, [1, 2], [1, 2], resamples: 200, key: key).coefficient.isNaN)
    }

    /// On an exact line the band has zero width and passes through the points.
    func testLeastSquaresBand() {
        let x: [Double] = [0, 1, 2, 3, .nan]
        let band = LeastSquaresBand(x: x, y: x.map { 0.5 - 2 * $0 }, points: 4)
        XCTAssertEqual(band.fit[0], 0.5, accuracy: 1e-12)
        XCTAssertEqual(band.fit[1], -2, accuracy: 1e-12)
        XCTAssertEqual(band.x, [0, 1, 2, 3])
        for (fitted, xi) in zip(band.fitted, band.x) { XCTAssertEqual(fitted, 0.5 - 2 * xi, accuracy: 1e-12) }
        XCTAssertEqual(LeastSquaresBand.grid([2, 4], points: 3), [2, 3, 4])
        let none = LeastSquaresBand(x: [1], y: [1], points: 3)
        XCTAssertTrue(none.fit.allSatisfy(\.isNaN) && none.x.count == 3 && none.x.allSatisfy(\.isNaN))
    }

    /// Summaries of 1, 2, 3: mean 2, median 2, quartiles 1.5 and 2.5 (R type 7); a single
    /// value has no interval.
    func testSummaryRow() throws {
        let row = try SummaryRow([1, 2, 3, .nan], resamples: 200, key: SeedKey(7))
        XCTAssertEqual(row.count, 3)
        XCTAssertEqual(row.mean, 2, accuracy: 1e-12)
        XCTAssertEqual(row.median, 2)
        XCTAssertEqual(row.q25, 1.5, accuracy: 1e-12)
        XCTAssertEqual(row.q75, 2.5, accuracy: 1e-12)
        XCTAssertTrue(row.tLow < 2 && row.tHigh > 2)
        let single = try SummaryRow([4], resamples: 200, key: SeedKey(7))
        XCTAssertEqual([single.mean, single.median, single.q25, single.q75], [4, 4, 4, 4])
        XCTAssertTrue(single.tLow.isNaN && single.bootHigh.isNaN)
    }

    /// Table 1 rows agree only with a certain sign and equal ranks.
    func testTable1Agreement() {
        let agree = Table1Agreement.differences(
            quotedLambda: -0.1, interval: (-0.3, -0.2), sourceRanks: (1, 2), ourRanks: (1, 2))
        XCTAssertEqual(agree, [])
        let straddles = Table1Agreement.differences(
            quotedLambda: -0.1, interval: (-0.3, 0.2), sourceRanks: (1, 2), ourRanks: (2, 2))
        XCTAssertEqual(straddles, [.sign, .lambdaRank])
        XCTAssertEqual(
            Table1Agreement.differences(quotedLambda: 0.1, interval: (0.1, 0.2), sourceRanks: (1, 2), ourRanks: (1, 1)), [.lossRank])
        XCTAssertEqual(
            Table1Agreement.differences(quotedLambda: 0, interval: (0.1, 0.2), sourceRanks: (1, 1), ourRanks: (1, 1)), [.sign],
            "a quoted 0 has no sign to agree with")
    }
}
