import ReportKit
import XCTest

/// The one number format of figures and paper (exact strings: formatting is
/// deterministic, so there is no tolerance).
final class ReportNumberTests: XCTestCase {
    func testSignificantDigits() {
        XCTAssertEqual(ReportNumber.significant(0.25204), "0.2520")
        XCTAssertEqual(ReportNumber.significant(-0.000231), "−2.310×10⁻⁴")
        XCTAssertEqual(ReportNumber.significant(0.0012345), "0.001234")
        XCTAssertEqual(ReportNumber.significant(9.99996), "10.00")
        XCTAssertEqual(ReportNumber.significant(1234.4), "1234")
        XCTAssertEqual(ReportNumber.significant(123456.7), "1.235×10⁵")
        XCTAssertEqual(ReportNumber.significant(1234567), "1.235×10⁶")
        XCTAssertEqual(ReportNumber.significant(0), "0")
        XCTAssertEqual(ReportNumber.significant(.nan), "n/a")
        XCTAssertEqual(ReportNumber.significant(-.infinity), "−∞")
        XCTAssertEqual(ReportNumber.significant(0.5, digits: 2), "0.50")
    }

    func testPValuesHaveTwoDigitsAndAFloor() {
        XCTAssertEqual(ReportNumber.pValue(0.3520), "p = 0.35")
        XCTAssertEqual(ReportNumber.pValue(0.003), "p = 0.0030")
        XCTAssertEqual(ReportNumber.pValue(4.088e-7), "p = 4.1×10⁻⁷")
        XCTAssertEqual(ReportNumber.pValue(1e-10), "p = 1.0×10⁻¹⁰", "the floor itself is printed")
        XCTAssertEqual(ReportNumber.pValue(4.088e-70), "p < 10⁻¹⁰")
        XCTAssertEqual(ReportNumber.pValue(0), "p < 10⁻¹⁰")
        XCTAssertEqual(ReportNumber.pValue(.nan), "p = n/a")
        XCTAssertEqual(ReportNumber.pValueFigure(2e-12), "< 10⁻¹⁰")
        XCTAssertEqual(ReportNumber.pValueFigure(0.0412), "0.041")
        let tiny = CorrelationSummary(coefficient: -0.57, pValue: 4.088e-70, bootLow: -0.622, bootHigh: -0.5121)
        XCTAssertEqual(PaperText.correlation("ρ", tiny), "ρ = −0.570 (p < 10⁻¹⁰, 95 % bootstrap CI [−0.622, −0.512])",
                       "coefficient and interval to the precision the interval supports")
    }

    /// One table of readable series names (issue 21), the glossary's rows among them.
    func testReadableSeriesNames() {
        XCTAssertEqual(SeriesNames.glossaryOrder.map(SeriesNames.readable), [
            "tangent λ, early window", "tangent λ, late window", "Benettin λ, early window", "Benettin λ, late window",
            "hybrid λ (Mittra's Eq. 4), early window", "hybrid λ (Mittra's Eq. 4), late window",
            "divergence fit, ⟨ln d⟩", "divergence fit, ln⟨d⟩",
            "divergence fit, ⟨ln d⟩, steepest window", "divergence fit, ln⟨d⟩, steepest window",
        ])
        XCTAssertEqual(SeriesNames.readable("unknown/late"), "unknown, late window", "an unknown estimator keeps its code name")
    }

    func testQuotedKeepsTheSourceDigits() {
        XCTAssertEqual(ReportNumber.quoted(-0.000055), "−0.000055")
        XCTAssertEqual(ReportNumber.quoted(0.2659), "0.2659")
        XCTAssertEqual(ReportNumber.quoted(100), "100")
        XCTAssertEqual(ReportNumber.quoted(1e-4), "0.0001")
        XCTAssertEqual(ReportNumber.quoted(-7.46), "−7.46")
        XCTAssertEqual(ReportNumber.quoted(12.5), "12.5")
        XCTAssertEqual(ReportNumber.quoted(1.5e-9), "1.5×10⁻⁹")
    }

    func testWholeAndIntervals() {
        XCTAssertEqual(ReportNumber.whole(800), "800")
        XCTAssertEqual(ReportNumber.whole(0.5), "0.5000")
        XCTAssertEqual(ReportNumber.interval(-0.01, 0.02), "[−0.01000, 0.02000]")
    }

    /// An estimate is rounded to the place of the second significant digit of its
    /// interval's half-width (issue 21: "round to the precision the interval supports").
    func testEstimatesAreRoundedToThePrecisionTheirIntervalSupports() {
        XCTAssertEqual(PaperText.withInterval(-8.560, -10.56, -6.558), "−8.6 [−10.6, −6.6]")
        XCTAssertEqual(PaperText.withInterval(0.29, -1.538, 2.118), "0.3 [−1.5, 2.1]")
        XCTAssertEqual(PaperText.withInterval(-0.07, -2.468, 2.328), "−0.1 [−2.5, 2.3]")
        XCTAssertEqual(PaperText.withInterval(0.01, -2.468, 2.328), "0 [−2.5, 2.3]", "below the supported place an estimate is 0")
        // A narrow interval keeps more digits, but never more than four significant ones.
        XCTAssertEqual(PaperText.withInterval(0.012341, 0.01234, 0.01235), "0.01234 [0.01234, 0.01235]")
        XCTAssertEqual(PaperText.withInterval(97.51, 97.0, 98.0), "97.51 [97.00, 98.00]")
        XCTAssertEqual(PaperText.withInterval(1234.5, 1000, 1500), "1.23×10³ [1.00×10³, 1.50×10³]")
        // A point or an infinite interval leaves the default four digits.
        XCTAssertEqual(PaperText.withInterval(0.5, 0.5, 0.5), "0.5000 [0.5000, 0.5000]")
        XCTAssertEqual(PaperText.withInterval(0.5, -.infinity, 1), "0.5000 [−∞, 1.000]")
    }
}
