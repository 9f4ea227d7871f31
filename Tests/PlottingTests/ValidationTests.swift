import XCTest
@testable import Plotting

/// Configuration mistakes are reported as typed errors that say what to do; data
/// values never are.
final class ValidationTests: XCTestCase {
    private func error(of figure: Figure) -> PlotConfigurationError? { TestFigures.validationError(of: figure) }

    func testMismatchedCoordinateArraysAreReported() {
        let panel = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"),
                          layers: [.annotation(TextAnnotation(x: 0, y: 0, text: "a")),
                                   .line(LineSeries(x: [0, 1, 2], y: [0, 1]))])
        let found = error(of: TestFigures.single(panel))
        XCTAssertEqual(found, .mismatchedLengths(panel: 0, layer: 1, counts: [3, 2]))
        XCTAssertTrue(found?.description.contains("same length") ?? false)
    }

    func testInvalidFixedRangesAreReported() {
        let backwards = Panel(xAxis: Axis(label: "x", fixedRange: 1...1), yAxis: Axis(label: "y"))
        XCTAssertEqual(error(of: TestFigures.single(backwards)),
                       .invalidFixedRange(panel: 0, axis: "x", lower: 1, upper: 1))
        let logZero = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y", scale: .log10, fixedRange: 0...10))
        XCTAssertEqual(error(of: TestFigures.single(logZero)),
                       .invalidFixedRange(panel: 0, axis: "y", lower: 0, upper: 10))
        let infinite = Panel(xAxis: Axis(label: "x", fixedRange: 0...Double.infinity), yAxis: Axis(label: "y"))
        XCTAssertNotNil(error(of: TestFigures.single(infinite)))
    }

    func testGridMistakesAreReported() {
        let panel = TestFigures.linePanel(x: [0], y: [0])
        XCTAssertEqual(error(of: Figure(rows: 0, panels: [])), .invalidGrid(rows: 0, columns: 1))
        XCTAssertEqual(error(of: Figure(rows: 1, columns: 1, panels: [panel, panel])),
                       .tooManyPanels(panelCount: 2, cellCount: 1))
        guard case .figureTooSmall? = error(of: Figure(rows: 3, columns: 3, panels: [panel], width: 300, height: 300)) else {
            return XCTFail("a 100 × 100 px cell is too small")
        }
    }

    func testStyleValuesOutOfRangeAreReported() {
        let opacity = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"),
                            layers: [.band(BandSeries(x: [0], lower: [0], upper: [1], opacity: 1.5))])
        XCTAssertEqual(error(of: TestFigures.single(opacity)),
                       .invalidStyleValue(panel: 0, layer: 0, field: "opacity", value: 1.5, allowed: "0.0...1.0"))
        let nanWidth = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"),
                             layers: [.line(LineSeries(x: [0], y: [0], width: .nan))])
        XCTAssertNotNil(error(of: TestFigures.single(nanWidth)))
        let zeroDash = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"),
                             layers: [.referenceLine(ReferenceLine(.horizontal, at: 0, dash: DashPattern([0, 0])))])
        XCTAssertNotNil(error(of: TestFigures.single(zeroDash)))
    }

    func testRenderSVGThrowsBeforeDrawing() {
        let panel = TestFigures.linePanel(x: [0], y: [0, 1])
        XCTAssertThrowsError(try renderSVG(TestFigures.single(panel), metadata: nil))
    }

    func testUnplaceableDataIsNotAConfigurationError() {
        let panel = TestFigures.linePanel(x: [.nan, -1, 0], y: [.infinity, -1, 0], xScale: .log10, yScale: .log10)
        XCTAssertNil(error(of: TestFigures.single(panel)))
    }
}
