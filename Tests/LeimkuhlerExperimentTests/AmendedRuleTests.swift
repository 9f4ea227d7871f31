import LeimkuhlerExperiment
import Statistics
import XCTest

/// The amended E5 verdict rules (docs/PROTOCOL.md §4, issue #20) as specifications on
/// synthetic inputs, borderline cases included; fixed before the new runs were read.
final class AmendedRuleTests: XCTestCase {
    func testSignTestIsTheExactBinomialTail() {
        XCTAssertEqual(SignTest.oneSidedPValue(wins: 9, losses: 1), 11.0 / 1024, accuracy: 1e-15)
        XCTAssertEqual(SignTest.oneSidedPValue(wins: 8, losses: 2), 56.0 / 1024, accuracy: 1e-15, "8 of 10 is just above 0.05")
        XCTAssertEqual(SignTest.oneSidedPValue(wins: 5, losses: 0), 1.0 / 32, accuracy: 1e-15)
        XCTAssertEqual(SignTest.oneSidedPValue(wins: 0, losses: 3), 1)
        XCTAssertEqual(SignTest.oneSidedPValue(wins: 0, losses: 0), 1)
    }

    func testCommonTargetIsAFractionOfTheWorstBestMedian() {
        let median = TimeToTarget.medianCurve([[0.5, 0.8, 0.7], [0.5, 0.6, 0.9], [0.5, .nan, 0.8]])
        XCTAssertEqual(median, [0.5, 0.7, 0.8])
        XCTAssertEqual(TimeToTarget.commonTarget(medianCurves: [[0.5, 0.8, 0.9], [0.4, 0.7, 0.6]], fraction: 0.9), 0.63, accuracy: 1e-12)
        XCTAssertTrue(TimeToTarget.commonTarget(medianCurves: [[0.5], [.nan]], fraction: 0.9).isNaN, "a method without accuracy has no target")
    }

    func testEpochsToTargetPerSeedAreCensored() {
        let times = TimeToTarget.perSeed(epochs: [0, 10, 20], runs: [[0.1, 0.7, 0.9], [0.1, 0.2, 0.69], [0.7, 0.7, 0.7]], target: 0.7)
        XCTAssertEqual(times, [10, nil, 0])
        XCTAssertEqual(TimeToTarget.medianEpochs([10, 20, nil]), 20)
        XCTAssertNil(TimeToTarget.medianEpochs([10, nil, nil]))
        XCTAssertEqual(TimeToTarget.medianEpochs([10, 20, 30, nil]), 25)
        XCTAssertNil(TimeToTarget.medianEpochs([10, 20, nil, nil]), "a middle value is censored")
    }

    func testFasterNeedsSignificantlyMoreEarlierSeeds() {
        let baseline: [Double?] = [100, 100, 100, 100, 100, 100, 100, 100, 100, nil]
        // 9 wins (the censored baseline seed counts as a win), 1 loss: p = 11/1024.
        let method: [Double?] = [50, 50, 50, 50, 50, 50, 50, 50, 200, 60]
        let c = TimeToTarget.compare(method, against: baseline, alpha: 0.05)
        XCTAssertEqual([c.wins, c.losses, c.ties], [9, 1, 0])
        XCTAssertTrue(c.faster)
        // 8 wins, 2 losses: p = 0.0547, not faster.
        let borderline: [Double?] = [50, 50, 50, 50, 50, 50, 50, 200, 200, 60]
        XCTAssertFalse(TimeToTarget.compare(borderline, against: baseline, alpha: 0.05).faster)
        // Both censored and equal epochs are ties and do not count.
        let tied = TimeToTarget.compare([nil, 100, 50, 50, 50, 50, 50], against: [nil, 100, 100, 100, 100, 100, 100], alpha: 0.05)
        XCTAssertEqual([tied.wins, tied.losses, tied.ties], [5, 0, 2])
        XCTAssertEqual(tied.pValue, 1.0 / 32, accuracy: 1e-15)
        XCTAssertTrue(tied.faster)
    }

    func testFUpperTailMatchesClosedForms() throws {
        // F(2, 2): P(X ≥ f) = 1/(1 + f).
        XCTAssertEqual(VarianceRatioTest.upperTail(3, d1: 2, d2: 2), 0.25, accuracy: 1e-13)
        // F(1, d) is t² with d degrees of freedom.
        let t = 2.3
        XCTAssertEqual(VarianceRatioTest.upperTail(t * t, d1: 1, d2: 7), try StudentTDistribution(degreesOfFreedom: 7).twoSidedPValue(t), accuracy: 1e-12)
        XCTAssertEqual(VarianceRatioTest.upperTail(.infinity, d1: 3, d2: 3), 0)
        XCTAssertEqual(VarianceRatioTest.upperTail(0, d1: 3, d2: 3), 1)
    }

    func testMoreRobustIsTheOneSidedFTestAtAlpha() {
        // Method variance 1 and baseline variance k² on 3 seeds each: p = 1/(1 + k²).
        let method = [0.0, 1, 2]
        let notYet = VarianceRatioTest.compare(method, against: [0, 4, 8], alpha: 0.05)
        XCTAssertEqual(notYet.pValue, 1.0 / 17, accuracy: 1e-12)
        XCTAssertEqual(notYet.standardDeviationRatio, 0.25, accuracy: 1e-12)
        XCTAssertFalse(notYet.moreRobust, "a four times smaller SD over 3 seeds is not enough")
        let robust = VarianceRatioTest.compare(method, against: [0, 5, 10, .nan], alpha: 0.05)
        XCTAssertEqual(robust.pValue, 1.0 / 26, accuracy: 1e-12)
        XCTAssertTrue(robust.moreRobust)
        XCTAssertFalse(VarianceRatioTest.compare([0, 5, 10], against: method, alpha: 0.05).moreRobust, "one-sided")
        XCTAssertTrue(VarianceRatioTest.compare([1, 1, 1], against: method, alpha: 0.05).moreRobust, "no spread at all against some")
        XCTAssertTrue(VarianceRatioTest.compare([1, 1], against: [2, 2], alpha: 0.05).pValue.isNaN)
        XCTAssertFalse(VarianceRatioTest.compare([1], against: method, alpha: 0.05).moreRobust)
    }

    func testLessOverfittingIsAPairedIntervalBelowZero() {
        // Paired differences d − 1, d, d + 1: mean d, half-width t_{0.975,2}/√3 = 2.484138.
        let baseline = [10.0, 10, 10]
        let above = GapComparison.compare([6.52, 7.52, 8.52], against: baseline, alpha: 0.05)
        XCTAssertEqual(above.meanDifference, -2.48, accuracy: 1e-12)
        XCTAssertEqual(above.high, -2.48 + 2.484138, accuracy: 1e-5)
        XCTAssertFalse(above.lessOverfitting, "the interval reaches +0.0041")
        let below = GapComparison.compare([6.51, 7.51, 8.51], against: baseline, alpha: 0.05)
        XCTAssertTrue(below.lessOverfitting, "upper end −0.0059")
        let unpaired = GapComparison.compare([1, .nan, 2], against: [3, 3, .nan], alpha: 0.05)
        XCTAssertEqual(unpaired.pairs, 1)
        XCTAssertFalse(unpaired.lessOverfitting)
    }

    func testEquipartitionHoldsWithinTheTolerance() {
        XCTAssertTrue(Equipartition.holds(ratio: 2, tolerance: 2))
        XCTAssertTrue(Equipartition.holds(ratio: 0.5, tolerance: 2))
        XCTAssertFalse(Equipartition.holds(ratio: 2.0001, tolerance: 2))
        XCTAssertFalse(Equipartition.holds(ratio: 0.4999, tolerance: 2))
        XCTAssertFalse(Equipartition.holds(ratio: 42, tolerance: 2))
        XCTAssertFalse(Equipartition.holds(ratio: .nan, tolerance: 2))
    }
}
