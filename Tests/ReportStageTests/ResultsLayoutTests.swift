import HDF5
import MittraExperiment
import ReportKit
import XCTest

/// aggregate.h5 through its one type, ``MittraResults``: what is written is read back
/// bit for bit, and every dataset explains itself.
final class ResultsLayoutTests: XCTestCase {
    func testWriteThenReadGivesTheSameNumbers() throws {
        let harness = StageHarness("layout")
        let path = try harness.path("aggregate.h5")
        let written = SyntheticMittraResults().results
        try SyntheticMittraResults().write(aggregatePath: path)
        let read = try MittraResults.read(path: path)
        let bits = { (grid: Grid<Double>) in grid.values.map(\.bitPattern) }
        XCTAssertEqual(bits(read.sweep.lambda.q75), bits(written.sweep.lambda.q75))
        XCTAssertEqual(bits(read.sweep.onsetLearningRate), bits(written.sweep.onsetLearningRate))
        XCTAssertEqual(read.sweep.onsetKind.values, written.sweep.onsetKind.values)
        XCTAssertEqual(read.sweep.chaosSeries, written.sweep.chaosSeries)
        XCTAssertEqual(read.ranking.rankSeries, written.ranking.rankSeries)
        XCTAssertEqual(read.ranking.rankSpearman.storedWithoutCount, written.ranking.rankSpearman.storedWithoutCount)
        XCTAssertEqual(bits(read.initialWeights.bandHigh), bits(written.initialWeights.bandHigh))
        XCTAssertEqual(read.initialWeights.inIQR.values, written.initialWeights.inIQR.values)
    }

    /// The learning regime's groups are written and read beside the paper-code regime's,
    /// and are absent (nil) when not run; the chaos fractions and sensitivity grid round-trip.
    func testLearningRegimeAndChaosFractionsRoundTrip() throws {
        let harness = StageHarness("layout-learning")
        let path = try harness.path("aggregate.h5")
        var synthetic = SyntheticMittraResults()
        synthetic.withLearningRegime = false
        var written = synthetic.results
        XCTAssertNil(written.learningRanking)
        // Claim 2 over the representing activations and per activation (RankingBreakdown).
        let breakdown = RankingBreakdown(
            representing: ["sigmoid", "relu", "tanh"],
            representingSpearman: CorrelationSummary(coefficient: -0.5, pValue: 1e-9, bootLow: -0.6, bootHigh: -0.4),
            activationSpearman: written.ranking.activations.indices.map {
                CorrelationSummary(coefficient: 0.1 * Double($0), pValue: 0.5, bootLow: -0.1, bootHigh: 0.3)
            },
            testAccuracyLow: [0.97, 0.96, 0.49, 0.98], testAccuracyHigh: [0.99, 0.98, 0.52, 1])
        written.ranking.breakdown = breakdown
        written.learningRanking = written.ranking
        written.learningInitialWeights = written.initialWeights
        let file = try HDF5File.create(path)
        try written.write(into: file)
        try file.close()
        let read = try MittraResults.read(path: path)
        XCTAssertEqual(read.learningRanking?.rankSpearman.storedWithoutCount, written.ranking.rankSpearman.storedWithoutCount)
        XCTAssertEqual(read.learningInitialWeights?.partial.values.map(\.bitPattern), written.initialWeights.partial.values.map(\.bitPattern))
        for stored in [read.ranking.breakdown, read.learningRanking?.breakdown] {
            let stored = try XCTUnwrap(stored)
            XCTAssertEqual(stored.representing, breakdown.representing)
            XCTAssertEqual(stored.representingSpearman.storedWithoutCount, breakdown.representingSpearman.storedWithoutCount)
            XCTAssertEqual(stored.activationSpearman.map(\.storedWithoutCount), breakdown.activationSpearman.map(\.storedWithoutCount))
            XCTAssertEqual(stored.testAccuracyLow + stored.testAccuracyHigh, breakdown.testAccuracyLow + breakdown.testAccuracyHigh)
        }
        XCTAssertEqual(read.sweep.chaos.count.values, written.sweep.chaos.count.values)
        XCTAssertEqual(read.sweep.chaos.wilsonLow.values.map(\.bitPattern), written.sweep.chaos.wilsonLow.values.map(\.bitPattern))
        XCTAssertEqual(read.sweep.chaos.sensitivity.windows, written.sweep.chaos.sensitivity.windows)
        XCTAssertEqual(read.sweep.chaos.lossTrend, written.sweep.chaos.lossTrend)
        let plain = try harness.path("aggregate-plain.h5")
        try synthetic.write(aggregatePath: plain)
        XCTAssertNil(try MittraResults.read(path: plain).learningRanking)
        XCTAssertNil(try MittraResults.read(path: plain).ranking.breakdown, "files without the breakdown still read")
    }

    func testEveryDatasetHasDimensionsAndMeaning() throws {
        let harness = StageHarness("layout-attributes")
        let path = try harness.path("aggregate.h5")
        try SyntheticMittraResults().write(aggregatePath: path)
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        for group in [LearningRateSweep.groupName, ActivationRanking.groupName, InitialWeightStudy.groupName] {
            let opened = try file.root.openGroup(group)
            for name in try opened.memberNames() {
                let dataset = try opened.dataset(name)
                guard case .strings(let dimensions) = try dataset.attribute("dimensions") else { return XCTFail("\(group)/\(name)") }
                XCTAssertEqual(dimensions.count, dataset.shape.count, "\(group)/\(name)")
                guard case .string(let meaning) = try dataset.attribute("meaning") else { return XCTFail("\(group)/\(name)") }
                XCTAssertFalse(meaning.isEmpty)
            }
        }
    }
}
