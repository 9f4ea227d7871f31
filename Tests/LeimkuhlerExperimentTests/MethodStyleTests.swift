import Plotting
import XCTest

@testable import LeimkuhlerExperiment

/// One colour per optimizer family in every E5 figure; a family's variants share it and
/// differ by dash; unrelated methods never share a colour.
final class MethodStyleTests: XCTestCase {
    private func results() -> LeimkuhlerResults {
        var r = AnalysisTests.results()
        r.labels = ["SGD (η = 0.01)", "SGD (η = 0.2)", "Heavy ball", "LaLa", "LaLa (τ = 1e-3, 1e-4)", "Adam (η = 0.005)", "LOL"]
        r.optimizers = ["gd", "gd", "heavy-ball", "lala", "lala", "adam", "lol"]
        return r
    }

    func testVariantsShareTheFamilyColourAndDifferByDash() {
        let r = results()
        let styles = r.labels.indices.map { MethodStyle.style(r, $0) }
        XCTAssertEqual(styles[0].color, styles[1].color, "one method at two rates")
        XCTAssertEqual(styles[0].dash, styles[1].dash)
        XCTAssertEqual(styles[2].color, styles[0].color, "heavy ball is SGD with momentum")
        XCTAssertNotEqual(styles[2].dash, styles[0].dash)
        XCTAssertEqual(styles[3].color, styles[4].color)
        XCTAssertEqual(styles[3].dash, .solid)
        XCTAssertNotEqual(styles[4].dash, .solid)
    }

    func testUnrelatedMethodsNeverShareAColour() {
        let r = results()
        let families = Dictionary(grouping: r.labels.indices) { MethodStyle.style(r, $0).color }
        for (_, rows) in families {
            let kinds = Set(rows.map { ["gd": "sgd", "heavy-ball": "sgd"][r.optimizers[$0]] ?? r.optimizers[$0] })
            XCTAssertEqual(kinds.count, 1, "one colour, one family: \(rows.map { r.labels[$0] })")
        }
        XCTAssertEqual(Set(MethodStyle.familyColors.values).count, 7, "seven families, seven Okabe–Ito colours")
    }

    func testEveryFigureOfTheSectionFitsTheColumn() throws {
        let r = AnalysisTests.results()
        for figure in LeimkuhlerFigure.allCases where figure != .decisionBoundary {
            let drawn = figure.figure(r)
            XCTAssertEqual(drawn.width, PrintColumn.widthPixels, figure.rawValue)
            XCTAssertNoThrow(try drawn.validate(), figure.rawValue)
        }
    }
}
