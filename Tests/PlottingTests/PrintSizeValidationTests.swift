import XCTest
@testable import Plotting

/// A figure is drawn for a 17 cm text column: text that would print under 8 pt at that
/// width, or that leaves the canvas (a clipped title), fails validation with a message
/// that names the figure and the text.
final class PrintSizeValidationTests: XCTestCase {
    private func error(of figure: Figure) -> PlotConfigurationError? { TestFigures.validationError(of: figure) }

    private func panel() -> Panel { TestFigures.linePanel(x: [0, 1, 2], y: [1, 3, 2], legend: .best) }

    func testAColumnWideFigurePasses() {
        XCTAssertNil(error(of: TestFigures.small()))
        XCTAssertEqual(TestFigures.small().width, PrintColumn.widthPixels)
        XCTAssertNil(error(of: Figure(title: "A short title", rows: 1, columns: 2, panels: [panel(), panel()], width: 640, height: 300)))
    }

    func testAWideFigureWhoseTicksPrintUnder8ptFails() throws {
        // 11 px tick labels in a figure 1380 px wide print at 11 × 481.9 / 1380 ≈ 3.8 pt.
        let figure = Figure(title: "Too wide", rows: 1, columns: 3, panels: [panel(), panel(), panel()], width: 1380, height: 374)
        guard case let .textTooSmall(name, _, fontSize, width)? = error(of: figure) else {
            return XCTFail("a 1380 px figure must fail the print-size check, got \(String(describing: error(of: figure)))")
        }
        XCTAssertEqual(name, "Too wide")
        XCTAssertEqual(width, 1380)
        XCTAssertLessThan(PrintColumn.printedPoints(fontSize: fontSize, figureWidth: width), PrintColumn.minimumFontPoints)
        let message = try XCTUnwrap(error(of: figure)).description
        XCTAssertTrue(message.contains("figure 'Too wide'"), message)
        XCTAssertTrue(message.contains(" pt "), message)
        XCTAssertTrue(message.contains("'Too wide' is 16 px"), "the title is the first text drawn: \(message)")
        XCTAssertTrue(message.contains("at most 963.8 px wide"), "16 px text reaches 8 pt up to 963.8 px: \(message)")
    }

    func testTheBoundaryIsEightPoints() {
        XCTAssertEqual(PrintColumn.printedPoints(fontSize: 11, figureWidth: 640), 8.28, accuracy: 0.01)
        XCTAssertNil(error(of: Figure(panels: [panel()], width: 662, height: 300)), "11 px prints at 8.007 pt at 662 px")
        XCTAssertNotNil(error(of: Figure(panels: [panel()], width: 663, height: 300)), "and at 7.995 pt at 663 px")
    }

    func testATitleWiderThanTheCanvasFails() throws {
        let title = "Late-window λ vs learning rate for each architecture, mean and 95% CI over 10 seeds"
        let figure = Figure(title: title, rows: 1, columns: 2, panels: [panel(), panel()], width: 640, height: 300)
        guard case let .textOutsideCanvas(name, text, box, width, _)? = error(of: figure) else {
            return XCTFail("the clipped title must fail, got \(String(describing: error(of: figure)))")
        }
        XCTAssertEqual(name, title)
        XCTAssertEqual(text, title, "the element named is the title")
        XCTAssertLessThan(box.minX, 0)
        XCTAssertGreaterThan(box.maxX, width)
        let message = try XCTUnwrap(error(of: figure)).description
        XCTAssertTrue(message.contains("clipped"), message)
    }

    func testAnAnnotationRunningOffTheCanvasFails() {
        let annotated = Panel(
            xAxis: Axis(label: "x", fixedRange: 0...1), yAxis: Axis(label: "y", fixedRange: 0...1),
            layers: [.annotation(TextAnnotation(x: 0.5, y: 0.5, text: String(repeating: "wide text ", count: 12), fontSize: 11))])
        guard case .textOutsideCanvas(_, let text, _, _, _)? = error(of: Figure(panels: [annotated], width: 640, height: 300)) else {
            return XCTFail("an annotation wider than the figure must fail")
        }
        XCTAssertTrue(text.hasPrefix("wide text"))
    }

    func testRotatedAxisLabelsAreMeasuredRotated() {
        let entry = TextAudit.Entry(
            text: "abcdefghij", position: CanvasPoint(x: 20, y: 100),
            style: TextStyle(fontSize: 10, anchor: .middle, rotationDegrees: -90))
        let box = entry.bounds
        XCTAssertGreaterThan(box.height, box.width, "a label rotated by −90° is tall and narrow")
        XCTAssertEqual(box.midY, 100, accuracy: 0.5)
    }
}
