import XCTest
@testable import Plotting

/// Layout: labels neither overlap nor leave their cell; legends never cover data;
/// shared ranges are shared. Text extents are the same estimates the layout uses
/// (DejaVu Sans advance widths), so these tests check the layout's own promise.
final class LayoutTests: XCTestCase {
    private func scenes(_ figure: Figure) throws -> [PanelScene] {
        try figure.validate()
        return FigureLayout.scenes(of: figure)
    }

    /// The estimated boxes of a scene's tick labels, as `PanelDrawing` places them.
    private func tickLabelBoxes(_ scene: PanelScene) -> (x: [CanvasRect], y: [CanvasRect]) {
        let layout = scene.layout
        let plot = layout.plotRect
        let xStyle = TextStyle(fontSize: LayoutMetrics.tickFontSize, anchor: .middle, verticalAlignment: .top)
        let yStyle = TextStyle(fontSize: LayoutMetrics.tickFontSize, anchor: .end, verticalAlignment: .middle)
        let x = layout.xTicks.major.compactMap { tick in
            layout.xTransform.pixel(tick.value).map {
                TextBox.bounds(of: tick.label, at: CanvasPoint(x: $0, y: plot.maxY + 8), style: xStyle)
            }
        }
        let y = layout.yTicks.major.compactMap { tick in
            layout.yTransform.pixel(tick.value).map {
                TextBox.bounds(of: tick.label, at: CanvasPoint(x: plot.minX - 8, y: $0), style: yStyle)
            }
        }
        return (x, y)
    }

    func testTickLabelsDoNotOverlapAndStayInTheCellOfANarrowPanel() throws {
        let panel = Panel(
            xAxis: Axis(label: "wide numbers"), yAxis: Axis(label: "tiny numbers"),
            layers: [.line(LineSeries(x: [123_456.789, 987_654.321], y: [-0.00031, 0.00022]))])
        for width in [170.0, 240, 400] {
            let figure = Figure(panels: [panel], width: width, height: 200)
            let scene = try XCTUnwrap(scenes(figure).first)
            let boxes = tickLabelBoxes(scene)
            XCTAssertGreaterThanOrEqual(boxes.x.count, 2, "width \(width)")
            for (a, b) in zip(boxes.x, boxes.x.dropFirst()) {
                XCTAssertLessThan(a.maxX, b.minX, "x tick labels overlap at width \(width): \(scene.layout.xTicks.labels)")
            }
            for (a, b) in zip(boxes.y, boxes.y.dropFirst()) {
                XCTAssertFalse(a.intersects(b), "y tick labels overlap at width \(width)")
            }
            for box in boxes.x + boxes.y {
                XCTAssertTrue(box.minX >= scene.layout.cell.minX && box.maxX <= scene.layout.cell.maxX,
                              "tick label outside its cell at width \(width)")
            }
            // The rotated y-axis label (cap height + descent wide) is left of the y tick labels.
            let yTitleRight = scene.layout.cell.minX + LayoutMetrics.outerPadding
                + LayoutMetrics.axisLabelFontSize * (TextMetrics.capHeightEm + TextMetrics.descentEm)
            XCTAssertLessThan(yTitleRight, boxes.y.map(\.minX).min() ?? 0)
        }
    }

    func testPanelsFillTheGridRowByRow() throws {
        let panel = TestFigures.linePanel(x: [0, 1], y: [0, 1])
        let figure = Figure(title: "t", rows: 2, columns: 2, panels: [panel, panel, panel], width: 640, height: 634)
        let cells = try scenes(figure).map(\.layout.cell)
        XCTAssertEqual(cells.map(\.x), [0, 320, 0])
        XCTAssertEqual(cells.map(\.y), [34, 34, 334])
        XCTAssertTrue(cells.allSatisfy { $0.width == 320 && $0.height == 300 })
    }

    func testSharedXRangeIsTheUnionOfAllPanels() throws {
        let a = TestFigures.linePanel(x: [0, 1], y: [0, 1])
        let b = TestFigures.linePanel(x: [5, 10], y: [0, 1])
        let shared = try scenes(Figure(rows: 2, panels: [a, b], sharesXRange: true)).map(\.layout.xTransform)
        XCTAssertEqual(shared[0].lower, shared[1].lower)
        XCTAssertEqual(shared[0].upper, shared[1].upper)
        XCTAssertLessThan(shared[0].lower, 0)
        XCTAssertGreaterThan(shared[0].upper, 10)
        let separate = try scenes(Figure(rows: 2, panels: [a, b])).map(\.layout.xTransform)
        XCTAssertNotEqual(separate[0].upper, separate[1].upper)
    }

    func testBestLegendAvoidsTheCornerWithData() throws {
        // Data only in the top right quarter: the preferred top-right corner is taken.
        let panel = Panel(
            xAxis: Axis(label: "x", fixedRange: 0...1), yAxis: Axis(label: "y", fixedRange: 0...1),
            layers: [.scatter(ScatterSeries(x: [0.8, 0.9, 0.95], y: [0.8, 0.9, 0.95], label: "points"))],
            legend: .best)
        let scene = try XCTUnwrap(scenes(TestFigures.single(panel)).first)
        let legend = try XCTUnwrap(scene.legendRect)
        let plot = scene.layout.plotRect
        XCTAssertLessThan(legend.midX, plot.midX, "legend moved to the left")
        XCTAssertLessThan(legend.midY, plot.midY, "legend stays at the top")
        XCTAssertEqual(Occupancy.score(of: legend, against: scene.shapes), 0)
    }

    func testBestLegendGoesOutsideWhenEveryCornerHasData() throws {
        let xs = stride(from: 0.0, through: 1.0, by: 0.02).map { $0 }
        let grid = xs.flatMap { x in xs.map { (x, $0) } }
        let panel = Panel(
            xAxis: Axis(label: "x"), yAxis: Axis(label: "y"),
            layers: [.scatter(ScatterSeries(x: grid.map(\.0), y: grid.map(\.1), label: "everywhere"))],
            legend: .best)
        let scene = try XCTUnwrap(scenes(TestFigures.single(panel)).first)
        let legend = try XCTUnwrap(scene.legendRect)
        XCTAssertGreaterThan(legend.minX, scene.layout.plotRect.maxX)
        XCTAssertLessThanOrEqual(legend.maxX, scene.layout.cell.maxX)
    }

    func testOutsideRightLegendSitsBesideThePlotInsideTheCell() throws {
        let panel = TestFigures.linePanel(x: [0, 1], y: [0, 1], legend: .outsideRight)
        let scene = try XCTUnwrap(scenes(TestFigures.single(panel)).first)
        let legend = try XCTUnwrap(scene.legendRect)
        XCTAssertEqual(legend.minX, scene.layout.plotRect.maxX + LayoutMetrics.legendOutsideGap)
        XCTAssertLessThanOrEqual(legend.maxX, scene.layout.cell.maxX)
        XCTAssertEqual(legend.minY, scene.layout.plotRect.minY)
    }

    func testNoLegendWhenAskedOrWhenNothingIsLabelled() throws {
        let hidden = TestFigures.linePanel(x: [0, 1], y: [0, 1], legend: .none)
        XCTAssertNil(try scenes(TestFigures.single(hidden)).first?.legendRect)
        let unlabelled = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"),
                               layers: [.line(LineSeries(x: [0, 1], y: [0, 1]))], legend: .outsideRight)
        XCTAssertNil(try scenes(TestFigures.single(unlabelled)).first?.legendRect)
    }

    func testUnlabelledSeriesTakePaletteColoursInOrder() {
        let layers: [Layer] = [
            .referenceLine(ReferenceLine(.horizontal, at: 0)),
            .line(LineSeries(x: [], y: [])),
            .band(BandSeries(x: [], lower: [], upper: [], color: Palette.yellow)),
            .scatter(ScatterSeries(x: [], y: [])),
        ]
        XCTAssertEqual(SeriesColors.resolve(layers), [.referenceGray, Palette.blue, Palette.yellow, Palette.vermillion])
    }

    func testPointMarkerCaptionAvoidsTheCurve() throws {
        // A rising line through the marked point: above-right and below-left lie on it.
        let panel = Panel(
            xAxis: Axis(label: "x", fixedRange: 0...1), yAxis: Axis(label: "y", fixedRange: 0...1),
            layers: [
                .line(LineSeries(x: [0, 1], y: [0, 1], width: 3)),
                .pointMarker(PointMarker(x: 0.3, y: 0.3, caption: "onset")),
            ])
        let scene = try XCTUnwrap(scenes(TestFigures.single(panel)).first)
        guard case let .text(text, position, style)? = scene.shapes.last else {
            return XCTFail("the caption is the last shape")
        }
        XCTAssertEqual(text, "onset")
        let box = TextBox.bounds(of: text, at: position, style: style)
        XCTAssertEqual(Occupancy.score(of: box, against: Array(scene.shapes.dropLast())), 0)
    }
}
