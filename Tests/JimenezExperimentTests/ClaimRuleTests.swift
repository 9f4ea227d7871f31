import Foundation
import JimenezExperiment
import NumericsCore
import XCTest

/// The amended claim rule (docs/PROTOCOL.md §3.6) on synthetic inputs: the tolerance as a
/// factor in η, the floor on λ, and the first rule beside it.
final class ClaimRuleTests: XCTestCase {
    private let tolerance = log(2.5)

    private func decide(_ distance: Double?, _ interval: ClosedRange<Double>?) -> TransientChaosVerdict {
        LogDistanceVerdict.decide(onsetIndex: 0, argminIndex: distance == nil ? nil : 1, distance: distance, interval: interval, tolerance: tolerance)
    }

    func testLogDistanceRuleReachesEachOutcome() {
        XCTAssertEqual(decide(0, 0...0), .reproduced)
        XCTAssertEqual(decide(log(2.5), 0...log(2.5)), .reproduced, "an argmin exactly a factor 2.5 above counts as at the onset")
        XCTAssertEqual(decide(log(3), log(3)...log(5)), .notReproduced)
        XCTAssertEqual(decide(-log(4), -log(8) ... -log(3)), .notReproduced)
        XCTAssertEqual(decide(0, -log(2)...log(3)), .inconclusive(.unresolved), "straddles the tolerance")
        XCTAssertEqual(decide(0, nil), .inconclusive(.differenceUndefined))
        XCTAssertEqual(decide(nil, nil), .inconclusive(.noTrainingTime))
        XCTAssertEqual(
            LogDistanceVerdict.decide(onsetIndex: nil, argminIndex: 1, distance: nil, interval: nil, tolerance: tolerance), .inconclusive(.noOnset))
    }

    /// λ is tiny but positive (1e-3) below η = 1 and 0.3 from η = 1 on; τ is smallest at
    /// η = 2. The same runs, on the coarse grid (0.5, 1, 2.5) and on a refined one (0.5,
    /// 0.75, 1, 1.5, 2, 2.5).
    private func sweep(_ rates: [Double]) -> (exponents: [[Double?]], times: [[TrainingTime]]) {
        let n = 9
        let exponents: [[Double?]] = (0..<n).map { i in rates.map { ($0 < 1 ? 0.001 : 0.3) + Double(i) * 1e-5 } }
        let times: [[TrainingTime]] = (0..<n).map { i in rates.map { .reached(step: $0 == 2 ? 10 + i % 2 : 40 + i) } }
        return (exponents, times)
    }

    private func outcome(_ rule: ClaimRule, _ rates: [Double]) throws -> ClaimRule.Outcome {
        let (exponents, times) = sweep(rates)
        return try rule.outcome(
            exponents: exponents, times: times, sweepRates: rates, base: OnsetRule(resampleCount: 200), resamples: 200, innerResamples: 50,
            key: SeedKey(3).derive("claim-rule-tests"))
    }

    /// The sign-only onset falls on the tiny slopes (η = 0.5); the floor moves it to η = 1.
    func testFloorIgnoresTinySlopes() throws {
        let rates = [0.5, 0.75, 1, 1.5, 2, 2.5]
        let signOnly = ClaimRule(label: "first rule", series: "s", learningRates: rates, gridName: "g", floor: 0, tolerance: .factor(2.5))
        let floored = ClaimRule(label: "amended rule", series: "s", learningRates: rates, gridName: "g", floor: 0.05, tolerance: .factor(2.5))
        XCTAssertEqual(try outcome(signOnly, rates).onset, 0.5)
        let amended = try outcome(floored, rates)
        XCTAssertEqual(amended.onset, 1)
        XCTAssertEqual(amended.argmin, 2)
        XCTAssertEqual(amended.distance!, log(2), accuracy: 1e-12)
        XCTAssertEqual(amended.verdict, .reproduced, "a factor 2 is within the tolerance of 2.5")
    }

    /// Counting grid steps, refining the grid changes the claim's meaning: the argmin two
    /// refined points above the onset is "not reproduced" with k = 1 although it is a
    /// factor 2 away, the same distance that one coarse step would have spanned. The
    /// factor tolerance gives the same verdict on both grids.
    func testFactorToleranceDoesNotDependOnTheGrid() throws {
        let refined = [0.5, 0.75, 1, 1.5, 2, 2.5]
        let steps = ClaimRule(label: "first rule", series: "s", learningRates: refined, gridName: "refined", floor: 0.05, tolerance: .gridSteps(1))
        let stepOutcome = try outcome(steps, refined)
        XCTAssertEqual(stepOutcome.distance, 2)
        XCTAssertEqual(stepOutcome.verdict, .notReproduced)
        var factor = steps
        factor.tolerance = .factor(2.5)
        XCTAssertEqual(try outcome(factor, refined).verdict, .reproduced)
        // On a coarse subset holding onset and argmin (0.5, 1, 2, 2.5): the same distance, the same verdict.
        factor.learningRates = [0.5, 1, 2, 2.5]
        let coarse = try outcome(factor, refined)
        XCTAssertEqual(coarse.distance!, log(2), accuracy: 1e-12)
        XCTAssertEqual(coarse.verdict, .reproduced)
    }

    /// A rule's η must lie on the sweep's grid.
    func testUnknownLearningRateThrows() {
        let rule = ClaimRule(label: "amended rule", series: "s", learningRates: [0.5, 3], gridName: "g", floor: 0.05, tolerance: .factor(2.5))
        XCTAssertThrowsError(try outcome(rule, [0.5, 1, 2]))
    }
}
