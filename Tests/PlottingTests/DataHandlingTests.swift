import XCTest
@testable import Plotting

/// Data that cannot be placed (NaN, ±∞, values ≤ 0 on a log axis) is skipped, splits
/// lines and bands, and never crashes or stretches an axis.
final class DataHandlingTests: XCTestCase {
    private let vermillion = Palette.vermillion.hexString

    private func polylines(in svg: String, stroke: String) -> [SVGElement] {
        parseSVG(svg).named("polyline").filter { $0.attributes["stroke"] == stroke }
    }

    func testNaNSplitsALineInTwo() throws {
        // Not collinear after the gap, so that simplification keeps all three points.
        let panel = TestFigures.linePanel(x: [0, 1, 2, 3, 4, 5], y: [0, 1, .nan, 3, 5, 4])
        let svg = try renderSVG(TestFigures.single(panel), metadata: nil)
        let lines = polylines(in: svg, stroke: vermillion)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.map { points(of: $0).count }, [2, 3])
    }

    func testInfinityAndNaNInXAlsoSplit() throws {
        let panel = TestFigures.linePanel(x: [0, 1, .infinity, 3, 4, -.infinity, 6, 7], y: [0, 1, 2, 3, 4, 5, 6, 7])
        let svg = try renderSVG(TestFigures.single(panel), metadata: nil)
        XCTAssertEqual(polylines(in: svg, stroke: vermillion).count, 3)
    }

    func testAllNaNSeriesDrawsNothingAndKeepsTheDefaultRange() throws {
        let panel = TestFigures.linePanel(x: [.nan, .nan, .nan], y: [1, 2, 3])
        let svg = try renderSVG(TestFigures.single(panel), metadata: nil)
        XCTAssertTrue(polylines(in: svg, stroke: vermillion).isEmpty)
        let scene = try XCTUnwrap(FigureLayout.scenes(of: TestFigures.single(panel)).first)
        XCTAssertEqual(scene.layout.xTransform.lower, 0)
        XCTAssertEqual(scene.layout.xTransform.upper, 1)
    }

    func testNaNDoesNotStretchTheOtherAxis() throws {
        // The point (100, NaN) is skipped, so x must not reach 100.
        let panel = TestFigures.linePanel(x: [0, 1, 100], y: [0, 1, .nan])
        let scene = try XCTUnwrap(FigureLayout.scenes(of: TestFigures.single(panel)).first)
        XCTAssertLessThan(scene.layout.xTransform.upper, 2)
    }

    func testScatterSkipsUnplaceablePoints() throws {
        let panel = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"), layers: [
            .scatter(ScatterSeries(x: [0, 1, .nan, 3, 4], y: [0, .infinity, 2, 3, 4], color: Palette.orange)),
        ])
        let svg = try renderSVG(TestFigures.single(panel), metadata: nil)
        let circles = parseSVG(svg).named("circle").filter { $0.attributes["fill"] == Palette.orange.hexString }
        XCTAssertEqual(circles.count, 3)
    }

    func testBandSplitsAtNaN() throws {
        let panel = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"), layers: [
            // Upper edges that are not flat, so that neither piece is a rectangle (written as <rect>).
            .band(BandSeries(x: [0, 1, 2, 3, 4, 5], lower: [0, 0, 0, .nan, 0, 0], upper: [1, 2, 1, 1, 2, 1],
                             color: Palette.skyBlue)),
        ])
        let svg = try renderSVG(TestFigures.single(panel), metadata: nil)
        let polygons = parseSVG(svg).named("polygon").filter { $0.attributes["fill"] == Palette.skyBlue.hexString }
        XCTAssertEqual(polygons.count, 2)
        XCTAssertEqual(polygons.first?.attributes["fill-opacity"], "0.25")
    }

    func testLogAxisSkipsNonPositiveValues() throws {
        let panel = TestFigures.linePanel(
            x: [-2, 0.1, 1, 0, 10, 100], y: [5, 1, 2, 3, 4, 5], xScale: .log10)
        let figure = TestFigures.single(panel)
        let scene = try XCTUnwrap(FigureLayout.scenes(of: figure).first)
        XCTAssertGreaterThan(scene.layout.xTransform.lower, 0)
        XCTAssertGreaterThan(scene.layout.xTransform.lower, 0.05, "only positive x shape the range")
        let lines = polylines(in: try renderSVG(figure, metadata: nil), stroke: vermillion)
        XCTAssertEqual(lines.map { points(of: $0).count }, [2, 2], "x = 0 splits the line")
        XCTAssertEqual(scene.layout.xTicks.labels, ["0.1", "1", "10", "100"])
    }

    func testLogYAxisSkipsNonPositiveScatterAndRunsErrorBarsToTheFrame() throws {
        let panel = Panel(
            xAxis: Axis(label: "x"), yAxis: Axis(label: "y", scale: .log10),
            layers: [
                .scatter(ScatterSeries(x: [1, 2, 3], y: [10, -1, 0], color: Palette.orange)),
                .errorBars(ErrorBarSeries(x: [2], y: [5], lower: [-3], upper: [20], color: Palette.bluishGreen,
                                          marker: nil)),
            ])
        let figure = TestFigures.single(panel)
        let svg = try renderSVG(figure, metadata: nil)
        let parsed = parseSVG(svg)
        XCTAssertEqual(parsed.named("circle").filter { $0.attributes["fill"] == Palette.orange.hexString }.count, 1)
        let scene = try XCTUnwrap(FigureLayout.scenes(of: figure).first)
        let bars = parsed.named("polyline").filter { $0.attributes["stroke"] == Palette.bluishGreen.hexString }
        // One bar and one cap: the lower end is off the axis, so it has no cap.
        XCTAssertEqual(bars.count, 2)
        let bar = try XCTUnwrap(bars.first.map(points(of:)))
        XCTAssertEqual(bar.map(\.y).max() ?? 0, scene.layout.plotRect.maxY, accuracy: 0.01)
    }

    func testDataOutsideAFixedRangeIsClippedToThePlotArea() throws {
        let panel = Panel(
            xAxis: Axis(label: "x", fixedRange: 0...1), yAxis: Axis(label: "y", fixedRange: 0...1),
            layers: [.line(LineSeries(x: [-5, 0.5, 5], y: [0.5, 0.5, 50], color: Palette.vermillion))])
        let figure = TestFigures.single(panel)
        let scene = try XCTUnwrap(FigureLayout.scenes(of: figure).first)
        let plot = scene.layout.plotRect
        let lines = polylines(in: try renderSVG(figure, metadata: nil), stroke: vermillion)
        XCTAssertFalse(lines.isEmpty)
        for point in lines.flatMap(points(of:)) {
            XCTAssertTrue(plot.expanded(by: 0.01).contains(CanvasPoint(x: point.x, y: point.y)), "\(point) outside \(plot)")
        }
    }

    func testClippingOfSegmentsAndPolygons() {
        let rect = CanvasRect(x: 0, y: 0, width: 10, height: 10)
        XCTAssertNil(Clipping.clipSegment(CanvasPoint(x: -5, y: -1), CanvasPoint(x: 20, y: -1), to: rect))
        let crossing = Clipping.clipSegment(CanvasPoint(x: -10, y: 5), CanvasPoint(x: 20, y: 5), to: rect)
        XCTAssertEqual(crossing?.0, CanvasPoint(x: 0, y: 5))
        XCTAssertEqual(crossing?.1, CanvasPoint(x: 10, y: 5))
        let square = [CanvasPoint(x: -5, y: -5), CanvasPoint(x: 15, y: -5), CanvasPoint(x: 15, y: 15), CanvasPoint(x: -5, y: 15)]
        XCTAssertEqual(Set(Clipping.clipPolygon(square, to: rect)), Set(rect.corners))
        XCTAssertTrue(Clipping.polygon(square, contains: CanvasPoint(x: 5, y: 5)))
        XCTAssertFalse(Clipping.polygon(square, contains: CanvasPoint(x: 50, y: 5)))
    }
}
