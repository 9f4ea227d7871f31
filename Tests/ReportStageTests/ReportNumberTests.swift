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
}
