import XCTest
@testable import Plotting

/// The SVG output as a document: deterministic, well-formed, self-contained, carrying
/// the caller's metadata, with every text escaped.
final class RenderingTests: XCTestCase {
    /// A metadata string with everything that could break a document: markup, entities,
    /// quotes, a newline, a CDATA terminator and non-ASCII.
    let awkwardMetadata = "{\"stage\": \"fig<1>\", \"note\": \"a & b ]]> c\",\n \"λ\": \"η\"}"

    func testRenderingTwiceIsByteIdentical() throws {
        let first = try renderSVG(TestFigures.small(), metadata: awkwardMetadata)
        let second = try renderSVG(TestFigures.small(), metadata: awkwardMetadata)
        XCTAssertEqual(Array(first.utf8), Array(second.utf8))
        XCTAssertGreaterThan(first.utf8.count, 1000)
    }

    func testRootElementIsSelfContainedSVG11() throws {
        let svg = try renderSVG(TestFigures.small(), metadata: nil)
        XCTAssertTrue(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\""))
        let root = try XCTUnwrap(parseSVG(svg).elements.first)
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(root.attributes["xmlns"], "http://www.w3.org/2000/svg")
        XCTAssertEqual(root.attributes["version"], "1.1")
        XCTAssertEqual(root.attributes["width"], "640")
        XCTAssertEqual(root.attributes["height"], "320")
        XCTAssertEqual(root.attributes["viewBox"], "0 0 640 320")
        XCTAssertEqual(root.attributes["font-family"], "DejaVu Sans, Arial, Helvetica, sans-serif")
        // Nothing is fetched when the file is opened: no links, imports or web fonts.
        for forbidden in ["href", "@import", "url(", "@font-face", "<image", "<style"] {
            XCTAssertFalse(svg.contains(forbidden), "SVG must render offline but contains \(forbidden)")
        }
        XCTAssertEqual(svg.components(separatedBy: "http").count - 1, 1, "only the namespace URI")
    }

    func testEveryProducedSVGParsesAndCarriesTheMetadata() throws {
        let figures: [Figure] = [
            TestFigures.small(),
            TestFigures.single(Panel(xAxis: Axis(label: ""), yAxis: Axis(label: ""))),
            TestFigures.single(TestFigures.linePanel(x: [.nan, .nan], y: [1, .infinity])),
            TestFigures.single(TestFigures.linePanel(x: [-1, 0, 1, 10], y: [1, 2, -3, 4], xScale: .log10, yScale: .log10)),
            TestFigures.single(TestFigures.linePanel(x: [1, 1], y: [7, 7], legend: .best)),
            Figure(title: "grid", rows: 2, columns: 3, panels: [TestFigures.linePanel(x: [0, 1], y: [0, 1])],
                   width: 640, height: 500, sharesXRange: true),
        ]
        for (index, figure) in figures.enumerated() {
            let svg = try renderSVG(figure, metadata: awkwardMetadata)
            let parsed = parseSVG(svg)
            XCTAssertNil(parsed.parseError, "figure \(index) is not well-formed XML")
            XCTAssertEqual(parsed.named("metadata").map(\.text), [awkwardMetadata], "figure \(index)")
            XCTAssertFalse(svg.contains("nan") || svg.contains("inf"), "figure \(index) leaked a non-finite number")
        }
    }

    func testNilMetadataOmitsTheElement() throws {
        let svg = try renderSVG(TestFigures.small(), metadata: nil)
        XCTAssertTrue(parseSVG(svg).named("metadata").isEmpty)
    }

    func testMarkupInLabelsIsEscaped() throws {
        let panel = Panel(
            title: "a<b & c>d",
            xAxis: Axis(label: "<x>", unit: "m&s"),
            yAxis: Axis(label: "\"y\""),
            layers: [.line(LineSeries(x: [0, 1], y: [0, 1], label: "</svg>")),
                     .annotation(TextAnnotation(x: 0.5, y: 0.5, text: "&amp;"))])
        let svg = try renderSVG(Figure(title: "<title>", panels: [panel]), metadata: nil)
        XCTAssertTrue(svg.contains(">a&lt;b &amp; c&gt;d</text>"))
        XCTAssertTrue(svg.contains(">&lt;x&gt; (m&amp;s)</text>"))
        XCTAssertTrue(svg.contains(">&amp;amp;</text>"))
        XCTAssertFalse(svg.contains("a<b"))
        let parsed = parseSVG(svg)
        XCTAssertNil(parsed.parseError)
        for original in ["a<b & c>d", "<x> (m&s)", "\"y\"", "</svg>", "&amp;", "<title>"] {
            XCTAssertTrue(parsed.texts.contains(original), "missing text \(original)")
        }
        XCTAssertEqual(parsed.named("title").map(\.text), ["<title>"])
    }

    func testFontSizesAreReadable() throws {
        let parsed = parseSVG(try renderSVG(TestFigures.small(), metadata: nil))
        let sizes = parsed.named("text").compactMap { $0.attributes["font-size"].flatMap(Double.init) }
        XCTAssertEqual(sizes.count, parsed.named("text").count)
        XCTAssertGreaterThanOrEqual(sizes.min() ?? 0, 10)
        let axisLabel = parsed.named("text").first { $0.text == "learning rate η" }
        XCTAssertGreaterThanOrEqual(Double(axisLabel?.attributes["font-size"] ?? "") ?? 0, 12)
    }

    func testNumbersHaveAtMostTwoDecimals() throws {
        let svg = try renderSVG(TestFigures.small(), metadata: nil)
        let parsed = parseSVG(svg)
        let numericAttributes = ["x", "y", "width", "height", "cx", "cy", "r", "points", "stroke-width", "font-size"]
        for element in parsed.elements {
            for name in numericAttributes {
                guard let value = element.attributes[name] else { continue }
                for number in value.split(whereSeparator: { $0 == " " || $0 == "," }) {
                    let parts = number.split(separator: ".")
                    XCTAssertLessThanOrEqual(parts.count, 2, "\(name)=\(value)")
                    XCTAssertLessThanOrEqual(parts.count == 2 ? parts[1].count : 0, 2, "\(name)=\(value)")
                    XCTAssertNotNil(Double(number), "\(name)=\(value)")
                }
            }
        }
    }

    func testRendererProtocolReceivesOnlyFiniteCoordinates() throws {
        struct Recorder: Renderer {
            var coordinates: [Double] = []
            var texts: [String] = []
            mutating func drawRect(_ rect: CanvasRect, fill: FillStyle?, stroke: StrokeStyle?) {
                coordinates += [rect.x, rect.y, rect.width, rect.height]
            }
            mutating func drawPolyline(_ points: [CanvasPoint], stroke: StrokeStyle) {
                coordinates += points.flatMap { [$0.x, $0.y] }
            }
            mutating func drawPolygon(_ points: [CanvasPoint], fill: FillStyle?, stroke: StrokeStyle?) {
                coordinates += points.flatMap { [$0.x, $0.y] }
            }
            mutating func drawCircle(center: CanvasPoint, radius: Double, fill: FillStyle?, stroke: StrokeStyle?) {
                coordinates += [center.x, center.y, radius]
            }
            mutating func drawText(_ text: String, at position: CanvasPoint, style: TextStyle) {
                coordinates += [position.x, position.y]
                texts.append(text)
            }
        }
        var recorder = Recorder()
        let panel = TestFigures.linePanel(x: [0, 1, .nan, 3, 1e308, -1e308], y: [1, .infinity, 2, 3, 4, 5])
        try draw(Figure(panels: [panel]), into: &recorder)
        XCTAssertFalse(recorder.coordinates.isEmpty)
        XCTAssertTrue(recorder.coordinates.allSatisfy(\.isFinite))
        XCTAssertTrue(recorder.coordinates.allSatisfy { abs($0) <= 10_000 }, "everything is clipped to the canvas")
        XCTAssertTrue(recorder.texts.contains("x") && recorder.texts.contains("y"))
    }
}
