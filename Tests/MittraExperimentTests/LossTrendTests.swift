import MittraExperiment
import NumericsCore
import XCTest

/// The "loss still falling" trend test (``LossTrend``) on synthetic series whose answer is
/// known: a converging loss, a noisy plateau, a chaotic fluctuation and slow drifts. The
/// window is steps 700–1000 of 1001 losses, the late window of E1. Noise comes from fixed
/// seed streams, so every count below is exact.
final class LossTrendTests: XCTestCase {
    let trend = LossTrend()
    let (start, end) = (700, 1000)

    private func series(_ loss: (Int) -> Double, noise: Double = 0, seed: UInt64 = 1) -> [Double] {
        var stream = SeedKey(seed).stream()
        return (0...1000).map { loss($0) + noise * stream.normal() }
    }

    /// L = 0.01 + 0.24 e^{−t/400} with noise 1e-4: it falls by ≈ 37 % of its value across
    /// the window, far above the scatter.
    func testConvergingLossIsFalling() {
        let losses = series({ 0.01 + 0.24 * exp(-Double($0) / 400) }, noise: 1e-4)
        XCTAssertTrue(trend.isFalling(losses, start: start, end: end))
        let fit = LossTrend.fit(losses, start: start, end: end)!
        XCTAssertGreaterThan(fit.relativeDrop, 0.2)
        XCTAssertGreaterThan(fit.dropToScatter, 2)
    }

    /// The XOR plateau, 0.25 plus noise of 1e-3, in 100 independent windows: never falling,
    /// whereas the end-point rule calls about half of them falling.
    func testNoisyPlateauIsNotFalling() {
        var trendCount = 0, endPointCount = 0
        for seed in 1...100 {
            let losses = series({ _ in 0.25 }, noise: 1e-3, seed: UInt64(seed))
            if trend.isFalling(losses, start: start, end: end) { trendCount += 1 }
            if LossTrend.fallsBetweenEndPoints(losses, start: start, end: end, threshold: 0.001) { endPointCount += 1 }
        }
        XCTAssertEqual(trendCount, 0)
        XCTAssertGreaterThan(endPointCount, 20, "the end-point rule is fooled by the noise")
    }

    /// A chaotic loss: L = 0.05 + 0.1 x_t with the logistic map x ↦ 4x(1 − x), from 200
    /// starting points. The trend test never calls it falling; the end-point rule does
    /// about half the time (the defect of docs/PROTOCOL.md §2).
    func testChaoticFluctuationIsNotFalling() {
        var trendCount = 0, endPointCount = 0
        for k in 1...200 {
            var x = Double(k) / 201.0 * 0.98 + 0.01
            let losses = (0...1000).map { _ -> Double in
                defer { x = 4 * x * (1 - x) }
                return 0.05 + 0.1 * x
            }
            if trend.isFalling(losses, start: start, end: end) { trendCount += 1 }
            if LossTrend.fallsBetweenEndPoints(losses, start: start, end: end, threshold: 0.001) { endPointCount += 1 }
        }
        XCTAssertEqual(trendCount, 0)
        XCTAssertGreaterThan(endPointCount, 60)
        XCTAssertLessThan(endPointCount, 140)
    }

    /// Slow drifts with noise 1e-5. A drift of 1e-6 per step drops 3e-4 over the window,
    /// 0.12 % of 0.25: above δ = 0.1 % and far above the scatter, so it is falling (it is a
    /// trend, however slow). A drift of 1e-7 per step drops 0.012 %: below δ, settled.
    func testSlowDriftIsFallingOnlyAboveTheRelativeDrop() {
        let faster = series({ 0.25 - 1e-6 * Double($0) }, noise: 1e-5)
        XCTAssertTrue(trend.isFalling(faster, start: start, end: end))
        let slower = series({ 0.25 - 1e-7 * Double($0) }, noise: 1e-5)
        XCTAssertFalse(trend.isFalling(slower, start: start, end: end))
        XCTAssertLessThan(LossTrend.fit(slower, start: start, end: end)!.tStatistic, -3, "significant, but too small to matter")
    }

    /// A rising loss, a diverged run, a constant loss and a too-short window are not falling.
    func testEdgeCases() {
        XCTAssertFalse(trend.isFalling(series({ 0.1 + 1e-4 * Double($0) }), start: start, end: end))
        var diverged = series({ 0.25 - 1e-4 * Double($0) / 1000 })
        diverged[900] = .infinity
        XCTAssertFalse(trend.isFalling(diverged, start: start, end: end))
        XCTAssertFalse(trend.isFalling([Double](repeating: 0.25, count: 1001), start: start, end: end))
        XCTAssertNil(LossTrend.fit([0.3, 0.2], start: 0, end: 1))
        // An exact falling line has no scatter: t = −∞, drop/scatter = +∞, and it falls.
        XCTAssertTrue(trend.isFalling((0...1000).map { 0.25 - 1e-5 * Double($0) }, start: start, end: end))
    }
}
