import Foundation
import XCTest

/// The section template types no number: every number comes from aggregate.h5 or from the
/// quoted `sourceValues`. Digits occur only in names (claims 1–5, λ₁, τ₁, τ₂, ξ₀, γ₁, h²)
/// and in the fixed confidence level of the bands (95 %).
final class SectionTemplateTests: XCTestCase {
    func testTemplateTypesNoNumbers() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        var prose = try String(contentsOfFile: url.path + "/paper/sections/leimkuhler.md", encoding: .utf8)
        while let open = prose.range(of: "{{"), let close = prose.range(of: "}}", range: open.upperBound..<prose.endIndex) {
            prose.replaceSubrange(open.lowerBound..<close.upperBound, with: "")
        }
        let allowed = try NSRegularExpression(pattern: "95 %|[Cc]laims? [12345]|λ₁|τ₁|τ₂|ξ₀|γ₁|h²")
        let stripped = allowed.stringByReplacingMatches(in: prose, range: NSRange(prose.startIndex..., in: prose), withTemplate: "")
        let digits = stripped.enumerated().filter { $0.element.isNumber }
        XCTAssertTrue(digits.isEmpty, "typed numbers near: "
            + digits.prefix(3).map { String(Array(stripped)[max(0, $0.offset - 30)..<min(stripped.count, $0.offset + 10)]) }.joined(separator: " | "))
    }
}
