import Foundation
import XCTest
import Plotting

/// The SVG of a small figure, compared byte for byte with the committed file
/// `Golden/small-figure.svg`. Any change to layout, formatting or styling shows up
/// here; if the change is intended, look at the new picture and commit it.
final class GoldenFileTests: XCTestCase {
    static func goldenURL(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    static let metadata = "{\"figure\": \"golden\", \"format\": 1}"

    func testSmallFigureMatchesTheGoldenFileByteForByte() throws {
        try compare(TestFigures.small(), golden: "small-figure.svg")
    }

    /// A symmetric-log y axis (linear within ±1e-4) holding 0, ±1e-4 and 0.5 at once.
    func testSymmetricLogFigureMatchesTheGoldenFileByteForByte() throws {
        let x = [0.1, 1, 10, 100, 0.1, 1, 10, 100]
        let y = [0, 1e-4, 2e-3, 0.5, -1e-4, 5e-5, 0.05, 0.3]
        let panel = Panel(
            title: "symmetric log", xAxis: Axis(label: "η", scale: .log10),
            yAxis: Axis(label: "λ", unit: "nats/step", scale: .symmetricLog(linearThreshold: 1e-4)),
            layers: [.scatter(ScatterSeries(x: x, y: y, label: "seeds")), .referenceLine(ReferenceLine(.horizontal, at: 0))])
        try compare(Figure(panels: [panel]), golden: "symlog-figure.svg")
    }

    private func compare(_ figure: Figure, golden name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let goldenURL = Self.goldenURL(name)
        let actual = try renderSVG(figure, metadata: Self.metadata)
        let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent(name.replacingOccurrences(of: ".svg", with: ".actual.svg"))
        let hint = """
            The new output was written to \(actualURL.path). Look at it \
            (rsvg-convert -o /tmp/new.png \(actualURL.path)); if it is right, regenerate the golden \
            file with: cp \(actualURL.path) \(goldenURL.path)
            """
        guard let expected = try? Data(contentsOf: goldenURL) else {
            try Data(actual.utf8).write(to: actualURL)
            return XCTFail("Golden file \(goldenURL.path) is missing. " + hint, file: file, line: line)
        }
        if expected != Data(actual.utf8) {
            try Data(actual.utf8).write(to: actualURL)
            XCTFail("Rendered SVG differs from \(goldenURL.path). " + hint, file: file, line: line)
        }
    }
}
