import JimenezExperiment
import NumericsCore
import XCTest

/// The verdict rule on "training time is minimal where λ turns positive", on synthetic
/// inputs that reach each outcome.
final class TransientChaosVerdictTests: XCTestCase {
    private func decide(_ onset: Int?, _ argmin: Int?, _ interval: ClosedRange<Int>?) -> TransientChaosVerdict {
        TransientChaosVerdict.decide(onsetIndex: onset, argminIndex: argmin, differenceInterval: interval)
    }

    func testUndefinedPiecesAreInconclusive() {
        XCTAssertEqual(decide(nil, 3, 0...0), .inconclusive(.noOnset))
        XCTAssertEqual(decide(3, nil, 0...0), .inconclusive(.noTrainingTime))
        XCTAssertEqual(decide(3, 3, nil), .inconclusive(.differenceUndefined))
    }

    func testCoincidenceWithinOneGridStepIsReproduced() {
        XCTAssertEqual(decide(3, 3, 0...0), .reproduced)
        XCTAssertEqual(decide(3, 4, -1...1), .reproduced)
        XCTAssertEqual(decide(5, 4, -1...0), .reproduced)
    }

    func testSeparationBeyondOneGridStepIsNotReproduced() {
        XCTAssertEqual(decide(3, 6, 2...4), .notReproduced)
        XCTAssertEqual(decide(8, 2, -7 ... -2), .notReproduced)
        XCTAssertEqual(decide(3, 4, 2...3), .notReproduced, "the interval decides even when the points are close")
    }

    func testStraddlingIntervalsAreUnresolved() {
        XCTAssertEqual(decide(3, 3, -1...2), .inconclusive(.unresolved), "too wide to confirm, not outside to refute")
        XCTAssertEqual(decide(3, 6, 0...1), .inconclusive(.unresolved), "the points disagree")
        XCTAssertEqual(decide(3, 3, -9...9), .inconclusive(.unresolved), "a wide interval never decides")
    }

    /// End to end on synthetic sweeps: λ turns positive at grid index 3 for every run;
    /// training is fastest at 3 (reproduced) or at 0 (not reproduced).
    func testWholeAnalysis() throws {
        let key = SeedKey(2).derive("verdict-tests")
        let n = 10
        let exponents: [[Double?]] = (0..<n).map { i in (0..<6).map { j in (j < 3 ? -0.4 : 0.6) + Double(i) / 500 } }
        // Accuracy rises at `rate` per step to 0.85.
        func accuracy(_ rates: [Double]) -> [[[Double]]] {
            (0..<n).map { i in rates.map { rate in (0...100).map { min(0.85, rate * (1 + Double(i) / 100) * Double($0)) } } }
        }
        let onset = try ChaosOnset(exponents: exponents, key: key.derive("onset"))
        XCTAssertEqual(onset.onsetIndex, 3)

        let fastAtOnset = try TrainingTimeAnalysis(accuracy: accuracy([0.01, 0.02, 0.05, 0.2, 0.1, 0.03]))
        let bootstrap = try OnsetBootstrap(
            exponents: exponents, trainingTimes: fastAtOnset.times, resampleCount: 100, key: key.derive("bootstrap"))
        XCTAssertEqual(fastAtOnset.argminIndex, 3)
        XCTAssertEqual(TransientChaosVerdict.decide(onset: onset, trainingTime: fastAtOnset, bootstrap: bootstrap), .reproduced)

        let fastAtStart = try TrainingTimeAnalysis(accuracy: accuracy([0.3, 0.02, 0.05, 0.1, 0.1, 0.03]))
        let other = try OnsetBootstrap(
            exponents: exponents, trainingTimes: fastAtStart.times, resampleCount: 100, key: key.derive("bootstrap"))
        XCTAssertEqual(fastAtStart.argminIndex, 0)
        XCTAssertEqual(other.difference.interval, -3 ... -3)
        XCTAssertEqual(TransientChaosVerdict.decide(onset: onset, trainingTime: fastAtStart, bootstrap: other), .notReproduced)
    }
}
