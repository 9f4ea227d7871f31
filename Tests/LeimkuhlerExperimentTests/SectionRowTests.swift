import ReportKit
import XCTest

@testable import LeimkuhlerExperiment

/// How the section names and orders the rows of aggregate.h5.
final class SectionRowTests: XCTestCase {
    static func results() -> LeimkuhlerResults {
        var r = AnalysisTests.results()
        r.sources = ["data/leimkuhler/sgd-ensembles.h5", "data/leimkuhler/sgd-wide-ensembles.h5", "data/leimkuhler/adam-ensembles.h5",
                     "data/leimkuhler/adlala-ensembles.h5"]
        return r
    }

    func testRowKeysAreStageKeysWithTheRateOnlyForAGridFile() {
        let r = Self.results()
        XCTAssertEqual(r.labels.indices.map { LeimkuhlerSection.rowKey(r, $0) }, ["sgd", "sgd-wide", "adam", "adlala"])
        let synthetic = AnalysisTests.results()
        XCTAssertEqual(synthetic.labels.indices.map { LeimkuhlerSection.rowKey(synthetic, $0) }, ["gd-0.01", "gd-0.2", "adam", "adlala"],
                       "without sources the optimizer's name, with the rate where it has several rows")
    }

    func testDisplayOrderGroupsByOptimizerAndRateWithControlsLast() {
        var r = Self.results()
        r.learningRates = [0.5, 0.2, 0.005, 0.25]
        r.isControl = [false, false, false, false]
        XCTAssertEqual(LeimkuhlerSection.displayOrder(r), [1, 0, 2, 3])
        r.isControl = [false, false, true, false]
        XCTAssertEqual(LeimkuhlerSection.displayOrder(r), [1, 0, 3, 2])
    }
}
