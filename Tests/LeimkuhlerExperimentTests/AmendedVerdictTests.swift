import LeimkuhlerExperiment
import XCTest

/// The amended rules applied to the rows of a synthetic aggregate (``AnalysisTests/results()``).
final class AmendedVerdictTests: XCTestCase {
    func testAggregateKeepsPerSeedCurvesGapsAndBestAdam() {
        let r = AnalysisTests.results()
        XCTAssertEqual(r.bestAdam, 2)
        XCTAssertEqual(r.finalGap.line(3)[0], 0.1, accuracy: 1e-12)
        XCTAssertEqual(r.finalGap.line(3)[1], 0.06, accuracy: 1e-12)
        for (value, expected) in zip(r.testAccuracyPerSeed.line(3, 1), [0.5, 0.92, 0.94]) { XCTAssertEqual(value, expected, accuracy: 1e-12) }
        XCTAssertEqual(r.isControl, [false, false, false, false])
    }

    func testAmendedComparisonOfTwoRows() {
        let r = AnalysisTests.results()
        let c = AmendedVerdict.compare(r, method: 3, baseline: 1, thresholds: .defaults)
        // Best medians 0.92 and 0.72: target 0.9 × 0.72; both seeds of both rows reach it at epoch 10.
        XCTAssertEqual(c.target, 0.9 * 0.72, accuracy: 1e-12)
        XCTAssertEqual([c.faster.wins, c.faster.losses, c.faster.ties], [0, 0, 2])
        XCTAssertFalse(c.faster.faster, "equal times are no evidence of speed")
        XCTAssertFalse(c.moreAccurate, "2 seeds: t_{0.975,1} = 12.7 makes both intervals ±0.25 wide")
        // Equal variances on 2 seeds each: F = 1, p = I_{1/2}(½, ½) = ½.
        XCTAssertEqual(c.robust.pValue, 0.5, accuracy: 1e-12)
        XCTAssertFalse(c.robust.moreRobust)
        XCTAssertEqual(c.gap.meanDifference, 0, accuracy: 1e-12)
        XCTAssertFalse(c.gap.lessOverfitting)
        let e = AmendedVerdict.equipartitionHolds(r, 3, tolerance: 2)
        XCTAssertEqual([e.held, e.total], [2, 2])
        XCTAssertEqual(AmendedVerdict.equipartitionHolds(r, 3, tolerance: 1).held, 2, "ratio exactly 1")
        XCTAssertEqual(AmendedVerdict.equipartitionHolds(r, 0, tolerance: 2).total, 0, "SGD has no momenta")
    }

    func testLabelsCarryTheRateOnlyForGrids() {
        let labels = LeimkuhlerAggregation.labels(
            optimizers: ["gd", "gd", "adam", "langevin", "langevin"], learningRates: [0.1, 0.2, 0.005, 0.25, 0.25],
            given: [nil, nil, nil, nil, "Langevin (full batch)"])
        XCTAssertEqual(labels, ["SGD (η = 0.1)", "SGD (η = 0.2)", "Adam", "Langevin", "Langevin (full batch)"])
    }
}
