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
