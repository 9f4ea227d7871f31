import JimenezExperiment
import XCTest

/// τ with censoring and the accuracy targets (docs/PROTOCOL.md §3, Outputs).
final class TrainingTimeTests: XCTestCase {
    func testFirstStepReachingTheTarget() {
        let accuracy = [0.1, 0.5, 0.8, 0.7, 0.95]
        XCTAssertEqual(TrainingTime.first(reaching: 0.8, in: accuracy), .reached(step: 2), "≥, the first time")
        XCTAssertEqual(TrainingTime.first(reaching: 0.05, in: accuracy), .reached(step: 0), "already there before training")
        XCTAssertEqual(TrainingTime.first(reaching: 0.96, in: accuracy), .notReached)
        XCTAssertEqual(TrainingTime.first(reaching: 0.5, in: [0.1, .nan, .nan]), .notReached, "a diverged run never reaches it")
        XCTAssertLessThan(TrainingTime.reached(step: 1_000_000), .notReached, "censored = +∞ in the order")
    }

    /// Type-7 quantiles with censored runs as +∞: finite where only reached runs are used.
    func testCensoredQuantiles() throws {
        let three = try TrainingTimeSummary([.reached(step: 5), .notReached, .reached(step: 3)])
        XCTAssertEqual(three.runCount, 3)
        XCTAssertEqual(three.censoredCount, 1)
        XCTAssertEqual(three.median, .value(5))
        XCTAssertEqual(three.lowerQuartile, .value(4), "h = 0.5 between 3 and 5")
        XCTAssertEqual(three.upperQuartile, .notReached, "h = 1.5 interpolates toward the censored run")
        XCTAssertNil(three.interquartileRange)

        let four = try TrainingTimeSummary([.reached(step: 2), .reached(step: 6), .reached(step: 8), .notReached])
        XCTAssertEqual(four.median, .value(7))
        XCTAssertEqual(four.lowerQuartile, .value(5), "h = 0.75: 2 + 0.75 · 4")
        XCTAssertEqual(four.upperQuartile, .notReached)

        let allReached = try TrainingTimeSummary([9, 1, 4, 7, 3].map { .reached(step: $0) })
        XCTAssertEqual(allReached.median, .value(4))
        XCTAssertEqual(allReached.interquartileRange, 4, "Q(0.75) − Q(0.25) = 7 − 3")
    }

    /// The median is "not reached" when more than half (n odd) or half (n even) are censored.
    func testMedianNotReachedWithTooManyCensored() throws {
        XCTAssertEqual(try TrainingTimeSummary([.reached(step: 4), .notReached, .notReached]).median, .notReached)
        XCTAssertEqual(try TrainingTimeSummary([.reached(step: 4), .reached(step: 5), .notReached]).median, .value(5))
        XCTAssertEqual(
            try TrainingTimeSummary([.reached(step: 2), .reached(step: 6), .notReached, .notReached]).median, .notReached)
        XCTAssertEqual(try TrainingTimeSummary([.notReached]).median, .notReached)
        XCTAssertThrowsError(try TrainingTimeSummary([]))
    }

    /// "Best accuracy at any η" is the largest per-η median of the runs' peaks: one lucky
    /// run (0.99) does not set the bar.
    func testBestAccuracyIsTheBestMedianPeak() throws {
        let accuracy: [[[Double]]] = [
            [[0.1, 0.5], [0.2, 0.8]],
            [[0.1, 0.6], [0.3, 0.7, .nan]],
            [[0.2, 0.99], [0.75]],
        ]
        XCTAssertEqual(try AccuracyTarget.bestAccuracy(in: accuracy), 0.75)
        XCTAssertEqual(AccuracyTarget.primary.threshold(bestAccuracy: 0.75), 0.675, accuracy: 1e-15)
        XCTAssertEqual(AccuracyTarget.absolute(0.8).threshold(bestAccuracy: 0.75), 0.8)
    }

    /// Three initialisations, three learning rates: τ per run, summaries, and the argmin
    /// (ties go to the smallest η).
    func testAnalysisOfASmallSweep() throws {
        // Accuracy rises by `rate` per step to a plateau of 0.8.
        func run(_ rate: Double) -> [Double] { (0...20).map { min(0.8, rate * Double($0)) } }
        let accuracy = [
            [run(0.01), run(0.2), run(0.2)],
            [run(0.02), run(0.1), run(0.4)],
            [run(0.01), run(0.4), run(0.1)],
        ]
        let analysis = try TrainingTimeAnalysis(accuracy: accuracy)
        XCTAssertEqual(analysis.threshold, 0.72, accuracy: 1e-15, "0.9 × 0.8")
        XCTAssertEqual(analysis.times[0], [.notReached, .reached(step: 4), .reached(step: 4)])
        XCTAssertEqual(analysis.summaries[0].censoredCount, 3)
        XCTAssertEqual(analysis.summaries[0].median, .notReached)
        XCTAssertEqual(analysis.summaries[1].median, .value(4))
        XCTAssertEqual(analysis.summaries[2].median, .value(4))
        XCTAssertEqual(analysis.argminIndex, 1, "tie between η₁ and η₂: the smaller η")

        let absolute = try TrainingTimeAnalysis(accuracy: accuracy, target: .absolute(0.81))
        XCTAssertNil(absolute.argminIndex, "nothing reaches 0.81: no argmin")
    }

    func testRaggedInputIsATypedError() {
        XCTAssertThrowsError(try TrainingTimeAnalysis.argminOfMedian([[.notReached, .notReached], [.notReached]])) {
            XCTAssertEqual($0 as? JimenezAnalysisError, .raggedMatrix(quantity: "training times", row: 1, expected: 2, actual: 1))
        }
    }
}
