import Foundation
import Lyapunov
import NumericsCore
import XCTest

/// The best-R² short-window rule of `GitKalo/ann_dynamics` and the two averaging
/// conventions (docs/PROTOCOL.md §3, λ): synthetic curves with known slopes.
final class DivergenceFitBestRSquaredTests: XCTestCase {
    private let logOfMean = DivergenceWindowRule.bestRSquared(average: .logarithmOfMean)
    private let meanOfLogs = DivergenceWindowRule.bestRSquared(average: .meanOfLogarithms)

    /// One replica with `ln(d(t)/d(0)) = y(t)`.
    private func separations(_ curve: [Double]) -> [[Double]] {
        [curve.map { 2.54e-4 * exp($0) }]
    }

    /// The ordinary least-squares R² of `curve[start...end]` against the step, written out
    /// (the test's own reference for the rule's argmax).
    private func rSquared(_ curve: [Double], _ start: Int, _ end: Int) -> Double {
        let t = (start...end).map(Double.init)
        let y = Array(curve[start...end])
        let meanT = t.reduce(0, +) / Double(t.count)
        let meanY = y.reduce(0, +) / Double(y.count)
        let sxy = zip(t, y).map { ($0 - meanT) * ($1 - meanY) }.reduce(0, +)
        let sxx = t.map { ($0 - meanT) * ($0 - meanT) }.reduce(0, +)
        let syy = y.map { ($0 - meanY) * ($0 - meanY) }.reduce(0, +)
        return sxy * sxy / (sxx * syy)
    }

    func testPresetStatesTheSourceRule() {
        XCTAssertEqual(logOfMean.fitStart, 1, "t = 0 excluded (ds[1:m])")
        XCTAssertEqual(logOfMean.minimumLength, 3, "shortest window: 4 points (m = 5)")
        XCTAssertEqual(logOfMean.selection, .bestRSquared(maximumLength: 23), "longest window: 24 points (m = 25)")
        XCTAssertEqual(logOfMean.minimumRSquared, 0.9)
        // The default rule is unchanged: other experiments' numbers must not move.
        XCTAssertEqual(DivergenceWindowRule().selection, .longestBelowSaturation)
        XCTAssertEqual(DivergenceWindowRule().average, .meanOfLogarithms)
    }

    /// Growth at 0.7/step saturating at step 5 (MNIST at η ≥ 0.1 saturates within about
    /// 5 steps): only the 4- and 5-point windows are straight, and the slope is exact
    /// (1e-12: rounding of a handful of sums).
    func testFivePointWindowBeforeSaturation() throws {
        let curve = (0...40).map { t in 0.7 * Double(min(t, 5)) }
        for rule in [logOfMean, meanOfLogs] {
            let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1, windowRule: rule)
            XCTAssertEqual(estimate.status, .ok)
            XCTAssertEqual(estimate.window.start, 1)
            XCTAssertTrue((4...5).contains(estimate.window.end), "\(estimate.window)")
            XCTAssertEqual(estimate.maximalExponent!, 0.7, accuracy: 1e-12)
            XCTAssertEqual(estimate.fit!.rSquared, 1, accuracy: 1e-12)
            XCTAssertEqual(estimate.windowRule, rule)
        }
    }

    /// A longer exponential stretch (0.5/step to step 12, then a plateau): the window stays
    /// inside the stretch and the slope is exact.
    func testSaturationPlateauIsNotFitted() throws {
        let curve = (0...60).map { t in 0.5 * Double(min(t, 12)) }
        let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1, windowRule: logOfMean)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertLessThanOrEqual(estimate.window.end, 12)
        XCTAssertEqual(estimate.maximalExponent!, 0.5, accuracy: 1e-12)
    }

    /// t = 0 is excluded: an alignment jump of 5 nats in the first step does not bend the
    /// fit, which sees the 0.2/step growth after it exactly.
    func testFirstStepIsExcluded() throws {
        let curve = [0.0] + (1...30).map { 5 + 0.2 * Double($0) }
        let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1, windowRule: logOfMean)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.maximalExponent!, 0.2, accuracy: 1e-12)
    }

    /// Exact ties go to the shortest window (`np.argmax` keeps the first maximum): a flat
    /// curve has R² = 1 on every window (LinearFit's convention for a constant series).
    func testTiesGoToTheShortestWindow() throws {
        let estimate = try DivergenceFitEstimator.estimate(
            separations: [Array(repeating: 1e-8, count: 30)], timeStep: 1, windowRule: logOfMean)
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.window, StepWindow(start: 1, end: 4))
        XCTAssertEqual(estimate.exponents, [0])
    }

    /// Slope 0.3 with Gaussian noise (σ = 0.05 nats): the rule picks the window of largest
    /// R² among the 21 candidates (checked by brute force), and its slope is within 0.1 of
    /// 0.3 (a 4-point window's slope has standard error 0.05/√5 ≈ 0.022; 0.1 is > 4 of them).
    func testNoisyCurvePicksTheArgmaxOfRSquared() throws {
        var stream = SeedKey(11).stream()
        let curve = (0...40).map { t in 0.3 * Double(t) + (t == 0 ? 0 : 0.05 * stream.normal()) }
        let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1, windowRule: logOfMean)
        let candidates = (4...24).map { ($0, rSquared(curve, 1, $0)) }
        let best = candidates.max { $0.1 < $1.1 }!
        XCTAssertEqual(estimate.status, .ok)
        XCTAssertEqual(estimate.window, StepWindow(start: 1, end: best.0))
        XCTAssertEqual(estimate.fit!.rSquared, best.1, accuracy: 1e-12)
        XCTAssertEqual(estimate.maximalExponent!, 0.3, accuracy: 0.1)
    }

    /// Trendless alternating noise: no window reaches R² > 0.9, so the status is poorFit
    /// with the best window and its R² kept (the source drops such fits; the caller does).
    func testNoStraightWindowIsPoorFitNeverNaN() throws {
        let curve = (0...40).map { t in t % 2 == 0 ? 0.0 : 1.0 }
        let estimate = try DivergenceFitEstimator.estimate(separations: separations(curve), timeStep: 1, windowRule: logOfMean)
        guard case .poorFit(let rSquared) = estimate.status else {
            return XCTFail("expected poorFit, got \(estimate.status)")
        }
        XCTAssertLessThanOrEqual(rSquared, 0.9)
        XCTAssertEqual(rSquared, estimate.fit!.rSquared)
        XCTAssertTrue(estimate.exponents.allSatisfy(\.isFinite))
    }

    /// Fewer than 4 points after t = 0: degenerate (too few steps), no exponent.
    func testTooShortARecordIsDegenerate() throws {
        let estimate = try DivergenceFitEstimator.estimate(
            separations: separations([0, 1, 2, 3]), timeStep: 1, windowRule: logOfMean)
        XCTAssertEqual(estimate.status, .degenerate(step: 3, reason: .tooFewSteps))
        XCTAssertTrue(estimate.exponents.isEmpty)
    }

    /// Jensen: with replicas growing at 0.2 and 0.6 per step from the same d(0), the log of
    /// the mean lies above the mean of the logs at every t ≥ 1, its slope is larger, and the
    /// mean of the logs has exactly the mean rate 0.4. Identical replicas give equal curves.
    func testLogOfMeanIsAtLeastMeanOfLogs() throws {
        let rows = [0.2, 0.6].map { rate in (0...30).map { 2.54e-4 * exp(rate * Double(min($0, 12))) } }
        let ofMean = try DivergenceFitEstimator.estimate(separations: rows, timeStep: 1, windowRule: logOfMean)
        let ofLogs = try DivergenceFitEstimator.estimate(separations: rows, timeStep: 1, windowRule: meanOfLogs)
        XCTAssertEqual(ofMean.seriesKind, .logMeanSeparation)
        XCTAssertEqual(ofLogs.seriesKind, .meanLogSeparation)
        for t in 1...30 {
            XCTAssertGreaterThan(ofMean.series[t], ofLogs.series[t], "t = \(t)")
        }
        XCTAssertEqual(ofLogs.maximalExponent!, 0.4, accuracy: 1e-12)
        XCTAssertGreaterThan(ofMean.maximalExponent!, ofLogs.maximalExponent!)

        let same = [rows[0], rows[0]]
        let a = try DivergenceFitEstimator.estimate(separations: same, timeStep: 1, windowRule: logOfMean)
        let b = try DivergenceFitEstimator.estimate(separations: same, timeStep: 1, windowRule: meanOfLogs)
        for t in 0...30 { XCTAssertEqual(a.series[t], b.series[t], accuracy: 1e-12) }
    }

    /// A replica that collapses onto the reference (d = 0, e.g. dead units) stops the mean
    /// of logs (−∞) but not the log of the mean; a non-finite d stops both.
    func testZeroAndNonFiniteSeparationsPerConvention() throws {
        let growing = (0...20).map { 2.54e-4 * exp(0.3 * Double($0)) }
        var collapsed = growing
        collapsed[8] = 0
        let ofLogs = try DivergenceFitEstimator.estimate(separations: [growing, collapsed], timeStep: 1, windowRule: meanOfLogs)
        XCTAssertEqual(ofLogs.status, .degenerate(step: 8, reason: .zeroSeparation))
        let ofMean = try DivergenceFitEstimator.estimate(separations: [growing, collapsed], timeStep: 1, windowRule: logOfMean)
        XCTAssertEqual(ofMean.series.count, 21)
        XCTAssertEqual(ofMean.series[8], log(0.5) + 0.3 * 8, accuracy: 1e-12)
        var infinite = growing
        infinite[8] = .infinity
        for rule in [logOfMean, meanOfLogs] {
            let estimate = try DivergenceFitEstimator.estimate(separations: [growing, infinite], timeStep: 1, windowRule: rule)
            XCTAssertEqual(estimate.status, .diverged(step: 8))
            XCTAssertEqual(estimate.series.count, 8)
        }
    }

    func testInconsistentThresholdsAreConfigurationErrors() {
        var rule = logOfMean
        rule.selection = .bestRSquared(maximumLength: 2)
        XCTAssertThrowsError(try DivergenceFitEstimator.estimate(separations: separations([0, 1, 2, 3, 4, 5]), timeStep: 1, windowRule: rule)) {
            XCTAssertTrue("\($0)".contains("maximumLength"), "\($0)")
        }
    }
}
