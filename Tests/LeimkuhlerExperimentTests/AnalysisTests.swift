import FileSchemas
import HDF5
import LeimkuhlerExperiment
import ReportKit
import TestSupport
import XCTest

/// The E5 analysis rules as specifications (docs/PROTOCOL.md §4).
final class AnalysisTests: XCTestCase {
    func testSeedBandIsTheStudentTIntervalOverFiniteValues() {
        // Mean 2, s = 1, n = 3: t_{0.975, 2} = 4.302653; half-width 4.302653/√3 = 2.484138.
        let band = SeedBand([1, 2, 3, .nan])
        XCTAssertEqual(band.count, 3)
        XCTAssertEqual(band.mean, 2, accuracy: 1e-12)
        XCTAssertEqual(band.standardDeviation, 1, accuracy: 1e-12)
        XCTAssertEqual(band.high - band.mean, 2.484138, accuracy: 1e-5)
        XCTAssertTrue(SeedBand([10, 10.1, 9.9]).isAbove(band))
        XCTAssertFalse(band.isAbove(SeedBand([10, 10.1, 9.9])))
        XCTAssertTrue(SeedBand([5]).low.isNaN)
    }

    func testEpochsToAccuracyIsTheFirstEpochAtTheTarget() {
        XCTAssertEqual(EpochsToAccuracy.first(epochs: [0, 10, 20, 30], meanAccuracy: [0.5, 0.7, 0.9, 0.95], target: 0.9), 20)
        XCTAssertNil(EpochsToAccuracy.first(epochs: [0, 10], meanAccuracy: [0.5, .nan], target: 0.9))
    }

    func testBestRateIsTheHighestFinalMeanWithTiesToTheFirst() {
        XCTAssertEqual(BestRate.index(finalMeans: [0.7, 0.9, 0.9, .nan]), 1)
        XCTAssertNil(BestRate.index(finalMeans: [.nan]))
    }

    func testEquipartitionAveragesTheSecondHalf() {
        XCTAssertEqual(Equipartition.lateMean([100, 100, 1, 3]), 2, accuracy: 1e-12)
        XCTAssertEqual(Equipartition.ratio([100, 100, 1e-4, 1e-4], target: 1e-4), 1, accuracy: 1e-12)
        XCTAssertTrue(Equipartition.ratio([1], target: 0).isNaN)
    }

    func testVerdictRules() {
        let fast = OptimizerVerdict.Evidence(epochsToTarget: 100, finalAccuracy: SeedBand([0.90, 0.91, 0.92]))
        let slow = OptimizerVerdict.Evidence(epochsToTarget: 300, finalAccuracy: SeedBand([0.60, 0.61, 0.62]))
        let never = OptimizerVerdict.Evidence(epochsToTarget: nil, finalAccuracy: SeedBand([0.5, 0.5, 0.5]))
        let outcome = OptimizerVerdict.compare(fast, against: [slow, never])
        XCTAssertTrue(outcome.faster)
        XCTAssertTrue(outcome.moreAccurate)
        XCTAssertFalse(outcome.moreRobust, "the never-improving baseline has zero spread")
        XCTAssertEqual(OptimizerVerdict.compare(slow, against: [fast]), .init(faster: false, moreAccurate: false, moreRobust: false))
    }

    static func results() -> LeimkuhlerResults {
        let row = { (name: String, rate: Double, level: Double, kinetic: Bool) in
            LeimkuhlerAggregation.RowInput(
                label: LeimkuhlerAggregation.label(optimizer: name, learningRate: rate, ofGrid: name == "gd"), optimizer: name,
                learningRate: rate, testAccuracy: [[0.5, level, level], [0.5, level + 0.02, level + 0.04]],
                testLoss: [[0.7, 0.5, 0.4], [0.7, 0.5, 0.3]], trainAccuracy: [[0.5, level + 0.1, level + 0.1], [0.5, level, level + 0.1]],
                trainLoss: [[0.7, 0.4, 0.3], [0.7, 0.4, 0.2]],
                kineticTemperature: kinetic ? [[[0, 2e-4, 1e-4], [0, 2e-4, 1e-4]], [[0, 1e-4, 1e-4], [0, 1e-4, 1e-4]]] : [],
                targetTemperature: kinetic ? [1e-4, 1e-4] : [], lambda: [[0.01, 0.03], [-0.01, 0.01]],
                hyperparameters: name == "adam" ? .object(["beta1": .double(0.9)]) : .object([:]))
        }
        return LeimkuhlerAggregation.results(
            [row("gd", 0.01, 0.6, false), row("gd", 0.2, 0.7, false), row("adam", 0.005, 0.75, false), row("adlala", 0.25, 0.9, true)],
            epochs: [0, 10, 20], tableEpochs: [10, 20], tensors: ["1/weights", "1/biases"], series: ["tangent/early", "tangent/late"],
            seriesUnits: ["nats/step", "nats/step"], seedCount: 2, stepsPerEpoch: 20, targetAccuracy: 0.8)
    }

    func testAggregationBandsGapAndBestRate() {
        let r = Self.results()
        XCTAssertEqual(r.bestSGD, 1)
        XCTAssertEqual(r.labels[1], "SGD (η = 0.2)")
        XCTAssertEqual(r.curve("test_accuracy_mean", 3)[2], 0.92, accuracy: 1e-12)
        // gap per seed at the end: (1.0 − 0.9, 0.94+... ) → seeds 0.1 and 0.06; mean 0.08.
        XCTAssertEqual(r.curve("gap_mean", 3)[2], 0.08, accuracy: 1e-12)
        XCTAssertEqual(r.lambdaMean[3, 1], 0.0, accuracy: 1e-12)
        XCTAssertTrue(r.kineticTemperature[0, 0, 1].isNaN)
        XCTAssertEqual(r.kineticTemperature[3, 0, 1], 2e-4, accuracy: 1e-15)
    }

    func testResultsRoundTrip() throws {
        let directory = TemporaryDirectory("leimkuhler")
        let path = directory.path + "/aggregate.h5"
        var written = Self.results()
        let network = DecisionBoundaryTests.network
        let run = DecisionBoundary.Run(
            network: network, test: DataFile.Split(inputs: [-1, 0, 1, 2], labels: [0, 1], featureCount: 2), seedIndex: 1, finalAccuracy: 0.5, dataDraw: 1)
        written.decisionBoundary = try DecisionBoundary.results([run, run, run], gridPoints: 11, margin: 0.1)
        written.decisionBoundary?.rows = [1, 2, 3]
        let file = try HDF5File.create(path)
        try written.write(into: file)
        try file.close()
        let read = try LeimkuhlerResults.read(path: path)
        XCTAssertEqual(read.labels, written.labels)
        XCTAssertEqual(read.epochs, written.epochs)
        XCTAssertEqual(read.bestSGD, written.bestSGD)
        XCTAssertEqual(read.tensors, written.tensors)
        XCTAssertEqual(read.curve("gap_high", 3), written.curve("gap_high", 3))
        XCTAssertEqual(read.lambda.values, written.lambda.values)
        XCTAssertEqual(read.finalTestAccuracy.values, written.finalTestAccuracy.values)
        XCTAssertEqual(read.targetTemperature.values.map(\.isNaN), written.targetTemperature.values.map(\.isNaN))
        XCTAssertEqual(read.hyperparameters.names, ["beta1"])
        XCTAssertEqual(read.hyperparameters.values.map(\.isNaN), [true, true, false, true], "NaN where a row has no such setting")
        XCTAssertEqual(read.hyperparameters.value(2, "beta1"), 0.9)
        XCTAssertEqual(read.decisionBoundary?.probability.values, written.decisionBoundary?.probability.values)
        for figure in LeimkuhlerFigure.allCases {
            XCTAssertTrue(try FigureDrawing(figure.figure(read), caption: figure.caption(read)).svg(provenance: "{}", resultsPath: "data/aggregate.h5", resultsSHA256: "0").contains("<svg"))
        }
    }
}
