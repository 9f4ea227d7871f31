import Foundation
import XCTest
import Plotting

/// The SVG of a small figure, compared byte for byte with the committed file
/// `Golden/small-figure.svg`. Any change to layout, formatting or styling shows up
/// here; if the change is intended, look at the new picture and commit it.
final class GoldenFileTests: XCTestCase {
    static let goldenURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Golden")
        .appendingPathComponent("small-figure.svg")

    static let metadata = "{\"figure\": \"golden\", \"format\": 1}"

    func testSmallFigureMatchesTheGoldenFileByteForByte() throws {
        let actual = try renderSVG(TestFigures.small(), metadata: Self.metadata)
        let actualURL = FileManager.default.temporaryDirectory.appendingPathComponent("small-figure.actual.svg")
        let hint = """
            The new output was written to \(actualURL.path). Look at it \
            (rsvg-convert -o /tmp/new.png \(actualURL.path)); if it is right, regenerate the golden \
            file with: cp \(actualURL.path) \(Self.goldenURL.path)
            """
        guard let expected = try? Data(contentsOf: Self.goldenURL) else {
            try Data(actual.utf8).write(to: actualURL)
            return XCTFail("Golden file \(Self.goldenURL.path) is missing. " + hint)
        }
        if expected != Data(actual.utf8) {
            try Data(actual.utf8).write(to: actualURL)
            XCTFail("Rendered SVG differs from \(Self.goldenURL.path). " + hint)
        }
    }
}
