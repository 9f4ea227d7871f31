import XCTest
@testable import Plotting

/// What panels of one figure share (one legend, one y range), category axes, equal
/// aspect, and the size savings of the SVG (simplified polylines, rectangles as `<rect>`).
final class SharedLayoutTests: XCTestCase {
    /// A panel with one line per label (one unlabelled line without labels).
    private func panel(_ labels: [String], x: [Double] = [0, 1], y: [Double] = [0, 1]) -> Panel {
        let names: [String?] = labels.isEmpty ? [nil] : labels
        return Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"),
                     layers: names.map { .line(LineSeries(x: x, y: y, label: $0)) })
    }

    func testASharedLegendListsEachLabelOnceBelowThePanels() throws {
        let figure = Figure(
            title: "shared", rows: 1, columns: 2, panels: [panel(["tangent", "Benettin"]), panel(["tangent", "hybrid"])],
            width: 640, height: 300, sharesLegend: true)
        let texts = parseSVG(try renderSVG(figure, metadata: nil)).texts
        XCTAssertEqual(texts.filter { $0 == "tangent" }.count, 1, "one legend for the figure")
        XCTAssertEqual(texts.filter { $0 == "hybrid" }.count, 1)
        XCTAssertEqual(FigureLegend(figure: figure).rows.flatMap { $0 }.map(\.label), ["tangent", "Benettin", "hybrid"])
        let band = figure.sharedLegendHeight
        XCTAssertGreaterThan(band, 0)
        let cells = FigureLayout.cells(of: figure)
        XCTAssertEqual(cells[0].maxY, figure.height - band, accuracy: 1e-9, "the panels end where the legend band begins")

        var separate = figure
        separate.sharesLegend = false
        XCTAssertEqual(separate.sharedLegendHeight, 0)
        XCTAssertEqual(parseSVG(try renderSVG(separate, metadata: nil)).texts.filter { $0 == "tangent" }.count, 2)
    }

    func testALongSharedLegendWrapsIntoRowsWithinTheFigure() {
        let labels = (0..<12).map { "a fairly long legend label \($0)" }
        let figure = Figure(panels: [panel(labels)], width: 640, height: 400, sharesLegend: true)
        let legend = FigureLegend(figure: figure)
        XCTAssertGreaterThan(legend.rows.count, 1)
        for row in legend.rows {
            XCTAssertLessThanOrEqual(FigureLegend.width(ofRow: row), 640 - 2 * LayoutMetrics.outerPadding)
        }
        XCTAssertNoThrow(try figure.validate())
    }

    func testASharedYRangeIsTheUnionOfAllPanels() throws {
        let a = panel([], y: [0, 1]), b = panel([], y: [5, 10])
        let scenes = FigureLayout.scenes(of: Figure(rows: 1, columns: 2, panels: [a, b], width: 640, height: 300, sharesYRange: true))
        XCTAssertEqual(scenes[0].layout.yTransform.lower, scenes[1].layout.yTransform.lower)
        XCTAssertEqual(scenes[0].layout.yTransform.upper, scenes[1].layout.yTransform.upper)
        XCTAssertGreaterThan(scenes[0].layout.yTransform.upper, 10)
    }

    func testACategoryAxisNamesItsTicks() throws {
        let names = ["SGD", "Adam", "Adaptive Langevin"]
        let categorical = Panel(
            xAxis: Axis(label: "λ₁"), yAxis: Axis(label: "", categories: names),
            layers: [.scatter(ScatterSeries(x: [0.1, 0.2, 0.3], y: [0, 1, 2]))], legend: .none)
        let scene = try XCTUnwrap(FigureLayout.scenes(of: Figure(panels: [categorical], width: 640, height: 200)).first)
        XCTAssertEqual(scene.layout.yTicks.labels, names)
        XCTAssertEqual(scene.layout.yTicks.values, [0, 1, 2])
        XCTAssertEqual(scene.layout.yTransform.lower, -0.5)
        XCTAssertEqual(scene.layout.yTransform.upper, 2.5)
        let onLog = Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y", scale: .log10, categories: names))
        XCTAssertThrowsError(try Figure(panels: [onLog], width: 640, height: 200).validate())
    }

    func testEqualAspectGivesBothAxesThePixelsPerUnit() throws {
        let map = Panel(
            xAxis: Axis(label: "x₁", fixedRange: -2...2), yAxis: Axis(label: "x₂", fixedRange: -1...1),
            layers: [.scatter(ScatterSeries(x: [0], y: [0]))], legend: .none, hasEqualAspect: true)
        let scene = try XCTUnwrap(FigureLayout.scenes(of: Figure(panels: [map], width: 640, height: 400)).first)
        let plot = scene.layout.plotRect
        XCTAssertEqual(plot.width / 4, plot.height / 2, accuracy: 1e-9)
        var free = map
        free.hasEqualAspect = false
        let freePlot = try XCTUnwrap(FigureLayout.scenes(of: Figure(panels: [free], width: 640, height: 400)).first).layout.plotRect
        XCTAssertNotEqual(freePlot.width / 4, freePlot.height / 2, "the test must change something")
        XCTAssertEqual(plot.midX, freePlot.midX, accuracy: 1e-9, "centred in the room it had")
    }

    func testPolylinesLoseOnlyInvisibleVertices() {
        let straight = (0...100).map { CanvasPoint(x: Double($0), y: 10 + 0.001 * Double($0 % 2)) }
        XCTAssertEqual(PolylineSimplification.simplify(straight).count, 2)
        let corner = [CanvasPoint(x: 0, y: 0), CanvasPoint(x: 5, y: 0.1), CanvasPoint(x: 10, y: 0), CanvasPoint(x: 10, y: 10)]
        XCTAssertEqual(PolylineSimplification.simplify(corner), [corner[0], corner[2], corner[3]])
        let bump = [CanvasPoint(x: 0, y: 0), CanvasPoint(x: 5, y: 1), CanvasPoint(x: 10, y: 0)]
        XCTAssertEqual(PolylineSimplification.simplify(bump), bump, "a 1 px bump is kept")
    }

    func testAnAxisAlignedRectangleIsWrittenAsRect() {
        var renderer = SVGRenderer(width: 100, height: 100)
        renderer.drawPolygon(
            [CanvasPoint(x: 10, y: 20), CanvasPoint(x: 30, y: 20), CanvasPoint(x: 30, y: 50), CanvasPoint(x: 10, y: 50)],
            fill: FillStyle(color: .black), stroke: nil)
        renderer.drawPolygon(
            [CanvasPoint(x: 10, y: 20), CanvasPoint(x: 30, y: 20), CanvasPoint(x: 40, y: 50), CanvasPoint(x: 10, y: 50)],
            fill: FillStyle(color: .black), stroke: nil)
        let document = renderer.document(metadata: nil)
        XCTAssertTrue(document.contains("<rect x=\"10\" y=\"20\" width=\"20\" height=\"30\" fill=\"#000000\"/>"), document)
        XCTAssertEqual(parseSVG(document).named("polygon").count, 1, "a trapezoid stays a polygon")
    }

    func testTheSequentialScaleRunsFromDarkToLight() {
        XCTAssertEqual(SequentialScale.viridis(0), Color(hex: 0x440154))
        XCTAssertEqual(SequentialScale.viridis(1), Color(hex: 0xFDE725))
        XCTAssertEqual(SequentialScale.viridis(0.5), Color(hex: 0x26828E))
        let colors = SequentialScale.lineColors(count: 5)
        let lightness = colors.map { 0.299 * Double($0.red) + 0.587 * Double($0.green) + 0.114 * Double($0.blue) }
        XCTAssertEqual(lightness, lightness.sorted(), "ordered values get ever lighter colours")
        XCTAssertEqual(Set(colors).count, 5)
        XCTAssertEqual(Palette.blue.tinted(toward: 1), .white)
        XCTAssertEqual(Palette.blue.tinted(toward: 0), Palette.blue)
    }
}
