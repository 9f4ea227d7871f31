import Foundation
import Lyapunov
import XCTest

/// The amended E4 window rule, the steepest well-fitting window (docs/PROTOCOL.md §3.6), on
/// synthetic convex, concave and saturating curves with known slopes — and beside it the
/// best-R² rule of the earlier code, which underestimates the convex curve.
final class DivergenceFitSteepestWindowTests: XCTestCase {
    private let steepest = DivergenceWindowRule.steepestWellFitting(average: .logarithmOfMean)
    private let bestRSquared = DivergenceWindowRule.bestRSquared(average: .logarithmOfMean)

    /// One replica with `ln(d(t)/d(0)) = y(t)`.
    private func estimate(_ curve: [Double], _ rule: DivergenceWindowRule) throws -> LyapunovEstimate {
        try DivergenceFitEstimator.estimate(separations: [curve.map { 2.54e-4 * exp($0) }], timeStep: 1, windowRule: rule)
    }

    func testPresetStatesTheAmendedRule() {
        XCTAssertEqual(steepest.fitStart, 1, "t = 0 excluded, as in the earlier code")
        XCTAssertEqual(steepest.minimumLength, 4, "shortest window: 5 points")
        XCTAssertEqual(steepest.selection, .steepestWellFitting(maximumLength: 23), "span: steps 1…24, as the earlier code's")
        XCTAssertEqual(steepest.minimumRSquared, 0.9)
        XCTAssertEqual(steepest.average, .logarithmOfMean)
    }

    /// Convex (the η ≈ 1 shape): 0.002/step to step 8, then 0.3/step. The steepest rule
    /// finds the growth phase (exact slope, window from step 8 on); the best-R² rule takes
    /// the straight flat beginning and reports a slope 150× too small — the failure the
    /// amendment fixes.
    func testConvexCurveFindsTheGrowthPhase() throws {
        let curve = (0...60).map { t -> Double in 0.002 * Double(min(t, 8)) + 0.3 * Double(max(t - 8, 0)) }
        let amended = try estimate(curve, steepest)
        XCTAssertEqual(amended.status, .ok)
        XCTAssertEqual(amended.maximalExponent!, 0.3, accuracy: 1e-12)
        XCTAssertGreaterThanOrEqual(amended.window.start, 8, "\(amended.window)")
        XCTAssertLessThanOrEqual(amended.window.end, 24, "the span ends at step 24")
        let first = try estimate(curve, bestRSquared)
        XCTAssertLessThan(first.maximalExponent!, 0.01, "the best-R² rule keeps the flat start: \(first.window)")
    }

    /// A smooth convex curve, y = 0.01·(e^{t/5} − 1) to step 30: the steepest window lies at the end of
    /// the span, and its slope is that of the curve there (between the derivative at the
    /// window's start and at its end), not the flat start's.
    func testSmoothConvexCurveTakesTheLateSlope() throws {
        let curve = (0...30).map { t in 0.01 * (exp(Double(t) / 5) - 1) }
        let amended = try estimate(curve, steepest)
        XCTAssertEqual(amended.status, .ok)
        XCTAssertEqual(amended.window.end, 24)
        let slope = amended.maximalExponent!
        let derivative = { (t: Int) in 0.01 / 5 * exp(Double(t) / 5) }
        XCTAssertGreaterThan(slope, derivative(amended.window.start))
        XCTAssertLessThan(slope, derivative(amended.window.end))
        XCTAssertGreaterThan(slope, 5 * (try estimate(curve, bestRSquared)).maximalExponent!)
    }

    /// Concave: 0.6/step to step 6, then 0.05/step. The steepest window is the early one,
    /// with the exact slope; it never reaches into the slower part (of the equally steep
    /// windows 1…5 and 1…6 the tie rule keeps the shorter).
    func testConcaveCurveKeepsTheEarlyGrowth() throws {
        let curve = (0...60).map { t -> Double in 0.6 * Double(min(t, 6)) + 0.05 * Double(max(t - 6, 0)) }
        let amended = try estimate(curve, steepest)
        XCTAssertEqual(amended.status, .ok)
        XCTAssertEqual(amended.maximalExponent!, 0.6, accuracy: 1e-12)
        XCTAssertEqual(amended.window, StepWindow(start: 1, end: 5))
    }

    /// Saturating: 0.7/step to step 10, then a plateau. The window stays in the growth
    /// phase and the slope is exact.
    func testSaturatingCurveStopsAtThePlateau() throws {
        let curve = (0...60).map { t in 0.7 * Double(min(t, 10)) }
        let amended = try estimate(curve, steepest)
        XCTAssertEqual(amended.status, .ok)
        XCTAssertEqual(amended.maximalExponent!, 0.7, accuracy: 1e-12)
        XCTAssertLessThanOrEqual(amended.window.end, 10)
        XCTAssertGreaterThanOrEqual(amended.window.length, 4)
    }

    /// Pure noise (no straight window with R² > 0.9): poor fit, with the best-R² window of
    /// the same span and shortest length kept for inspection.
    func testNoStraightWindowIsAPoorFit() throws {
        let curve = (0...60).map { t in t % 2 == 0 ? 0.0 : 1.0 }
        let amended = try estimate(curve, steepest)
        guard case .poorFit = amended.status else { return XCTFail("status \(amended.status)") }
        var reference = bestRSquared
        reference.minimumLength = steepest.minimumLength
        XCTAssertEqual(amended.window, (try estimate(curve, reference)).window)
        XCTAssertFalse(amended.status.isOK, "a poor fit contributes no λ")
    }

    /// A maximum length below the minimum is a configuration error, not an empty scan.
    func testInvalidSpanThrows() {
        var rule = steepest
        rule.selection = .steepestWellFitting(maximumLength: 2)
        XCTAssertThrowsError(try estimate([0, 1, 2, 3, 4, 5, 6, 7], rule))
    }
}
