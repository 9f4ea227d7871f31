import JimenezExperiment
import XCTest

/// The per-η summaries and per-step curves added for the report: spread over
/// initialisations, ⟨ln d(t)/d(0)⟩, median accuracy, agreement with the tangent λ.
final class SweepSummaryTests: XCTestCase {
    /// Type-7 quartiles of {1, 2, 3, 4} are 1.75, 2.5, 3.25 (exact in binary); rejected
    /// (nil) and non-finite entries are counted out, not imputed.
    func testSpreadUsesAcceptedEstimatesOnly() {
        let spread = SpreadOverInitialisations([4, nil, 1, 3, .nan, 2])
        XCTAssertEqual(spread.count, 4)
        XCTAssertEqual(spread.median, 2.5)
        XCTAssertEqual(spread.lowerQuartile, 1.75)
        XCTAssertEqual(spread.upperQuartile, 3.25)
        XCTAssertTrue(SpreadOverInitialisations([nil, nil]).median.isNaN)
    }

    /// d(t) = d(0)·e^{λt} per replica gives ⟨ln d(t)/d(0)⟩ = mean λ · t; a diverged
    /// replica (NaN) is left out at the steps where it is not finite. Tolerance 1e-12:
    /// a few roundings of exp and log.
    func testMeanLogDivergenceOfExponentialSeparation() {
        let t = 0..<5
        let initialisationA = [t.map { 1e-4 * exp(0.5 * Double($0)) }, t.map { 2e-4 * exp(0.3 * Double($0)) }]
        var diverged = t.map { 3e-4 * exp(0.1 * Double($0)) }
        diverged[4] = .nan
        let initialisationB = [diverged]
        let curve = StepCurves.meanLogDivergence([initialisationA, initialisationB])
        XCTAssertEqual(curve.count, 5)
        for step in 0..<4 {
            XCTAssertEqual(curve[step], (0.4 * Double(step) + 0.1 * Double(step)) / 2, accuracy: 1e-12)
        }
        XCTAssertEqual(curve[4], 0.4 * 4, accuracy: 1e-12, "only initialisation A is finite at the last step")
    }

    /// The median over initialisations at every step, ignoring NaN.
    func testMedianAccuracyPerStep() {
        let curve = StepCurves.medianAccuracy([[0.1, 0.5, 0.9], [0.3, .nan, 0.7], [0.2, 0.6, 0.8]])
        XCTAssertEqual(curve, [0.2, 0.55, 0.8])
    }

    /// |Δ| over the runs where both exist: |0.5 − 0.4|, |−0.2 − 0.1| → median 0.2.
    func testTangentAgreementComparesAcceptedFitsOnly() {
        let agreement = TangentAgreement(fit: [0.5, nil, -0.2, 0.3], tangent: [0.4, 0.2, 0.1, nil])
        XCTAssertEqual(agreement.count, 2)
        XCTAssertEqual(agreement.medianAbsoluteDifference, 0.2, accuracy: 1e-15)
    }
}
