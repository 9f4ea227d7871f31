import XCTest
@testable import Plotting

/// Number and text formatting: deterministic, locale-free, XML-safe.
final class FormattingTests: XCTestCase {
    func testSVGNumbersHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        XCTAssertEqual(SVGNumberFormatter.format(12), "12")
        XCTAssertEqual(SVGNumberFormatter.format(12.5), "12.5")
        XCTAssertEqual(SVGNumberFormatter.format(12.25), "12.25")
        XCTAssertEqual(SVGNumberFormatter.format(0.004), "0")
        XCTAssertEqual(SVGNumberFormatter.format(0.005), "0.01", "half away from zero")
        XCTAssertEqual(SVGNumberFormatter.format(-0.005), "-0.01")
        XCTAssertEqual(SVGNumberFormatter.format(-3.07), "-3.07")
        XCTAssertEqual(SVGNumberFormatter.format(-0.0), "0")
        XCTAssertEqual(SVGNumberFormatter.format(1.0 / 3.0), "0.33")
        XCTAssertEqual(SVGNumberFormatter.format(.nan), "0")
        XCTAssertEqual(SVGNumberFormatter.format(1e300), "1000000000")
    }

    func testPlainTickLabels() {
        XCTAssertEqual(TickLabelFormatter.plain(DecimalNumber(significand: 25, exponent: -3)), "0.025")
        XCTAssertEqual(TickLabelFormatter.plain(DecimalNumber(significand: -120, exponent: -1)), "\u{2212}12")
        XCTAssertEqual(TickLabelFormatter.plain(DecimalNumber(significand: 3, exponent: 2)), "300")
        XCTAssertEqual(TickLabelFormatter.plain(DecimalNumber(significand: 0, exponent: -4)), "0")
    }

    func testScientificTickLabels() {
        XCTAssertEqual(TickLabelFormatter.eNotation(DecimalNumber(significand: 25, exponent: -6)), "2.5e\u{2212}5")
        XCTAssertEqual(TickLabelFormatter.eNotation(DecimalNumber(significand: -3, exponent: 7)), "\u{2212}3e7")
        XCTAssertEqual(TickLabelFormatter.powerOfTen(DecimalNumber(significand: 1, exponent: -5)), "10⁻⁵")
        XCTAssertEqual(TickLabelFormatter.powerOfTen(DecimalNumber(significand: 20, exponent: 5)), "2×10⁶")
    }

    func testShortestDecimalOfADouble() {
        XCTAssertEqual(DecimalNumber(shortestRepresentationOf: 0.1)?.normalized, DecimalNumber(significand: 1, exponent: -1))
        XCTAssertEqual(DecimalNumber(shortestRepresentationOf: 1e-5)?.normalized, DecimalNumber(significand: 1, exponent: -5))
        XCTAssertEqual(DecimalNumber(shortestRepresentationOf: -2.5e20)?.normalized, DecimalNumber(significand: -25, exponent: 19))
        XCTAssertNil(DecimalNumber(shortestRepresentationOf: .infinity))
    }

    func testXMLEscapingOfTextAndAttributes() {
        XCTAssertEqual(XMLEscaping.text("a<b & c>d \"q\""), "a&lt;b &amp; c&gt;d \"q\"")
        XCTAssertEqual(XMLEscaping.attribute("say \"hi\" & <go>"), "say &quot;hi&quot; &amp; &lt;go&gt;")
        XCTAssertEqual(XMLEscaping.text("bell\u{07}tab\tnl\n"), "bell\u{FFFD}tab\tnl\n", "XML 1.0 forbids U+0007")
        XCTAssertEqual(XMLEscaping.text("λ₁ η"), "λ₁ η")
    }

    func testColorsAreLowerCaseHex() {
        XCTAssertEqual(Color(hex: 0x0072B2).hexString, "#0072b2")
        XCTAssertEqual(Color(red: 255, green: 0, blue: 15).hexString, "#ff000f")
    }

    func testPaletteIsOkabeItoInAFixedOrder() {
        XCTAssertEqual(Palette.okabeIto.map(\.hexString),
                       ["#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7", "#56b4e9", "#f0e442", "#000000"])
        XCTAssertEqual(Palette.color(at: 8), Palette.color(at: 0), "the palette cycles")
        XCTAssertEqual(Palette.color(at: Int.min), Palette.color(at: 0))
    }

    func testTextWidthsFollowDejaVuSans() {
        // DejaVu Sans digits advance 1303/2048 em; at 11 px, "100" is 3 × 7.0 px.
        XCTAssertEqual(TextMetrics.width(of: "100", fontSize: 11), 3 * 0.636 * 11, accuracy: 1e-9)
        XCTAssertGreaterThan(TextMetrics.width(of: "mmm", fontSize: 11), TextMetrics.width(of: "iii", fontSize: 11))
        XCTAssertEqual(TextMetrics.width(of: "漢", fontSize: 10), TextMetrics.fallbackWidthEm * 10, accuracy: 1e-9)
    }
}
