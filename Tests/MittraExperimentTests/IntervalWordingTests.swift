import MittraExperiment
import XCTest

/// ``IntervalWording``: how a λ interval is worded against λ = 0, on synthetic intervals
/// around the margin 0.001; exact comparisons.
final class IntervalWordingTests: XCTestCase {
    func wording(_ low: Double, _ high: Double) -> IntervalWording {
        IntervalWording.of(low: low, high: high, negligible: 0.001)
    }

    /// The referee's case: ReLU's [−0.0004, 0.089] includes 0 but does not exclude a positive λ.
    func testWideIntervalIsNotConsistentWithZero() {
        XCTAssertEqual(wording(-0.0004, 0.089), .wideAboveZero)
        XCTAssertEqual(wording(-0.05, 0.0005), .wideBelowZero)
        XCTAssertEqual(wording(-0.05, 0.05), .wideAboveZero, "a positive λ is not excluded either way")
    }

    /// Borderline: within ±margin inclusive is consistent with 0; just beyond is wide.
    func testBorderlineAtTheMargin() {
        XCTAssertEqual(wording(-0.001, 0.001), .consistentWithZero)
        XCTAssertEqual(wording(-0.0002, 0.0011), .wideAboveZero)
        XCTAssertEqual(wording(0, 0), .consistentWithZero)
    }

    func testIntervalsThatExcludeZero() {
        XCTAssertEqual(wording(1e-9, 0.01), .positive)
        XCTAssertEqual(wording(-0.01, -1e-9), .negative)
        XCTAssertEqual(wording(.nan, 0.01), .wideAboveZero, "NaN excludes nothing")
    }

    func testSentenceNamesTheUnexcludedBound() {
        XCTAssertEqual(
            IntervalWording.wideAboveZero.sentence(low: "−0.0004", high: "0.089", negligible: "0.001"),
            "the interval includes 0 but is wide: the data do not exclude a positive λ up to 0.089")
        XCTAssertTrue(IntervalWording.consistentWithZero.sentence(low: "", high: "", negligible: "0.001").contains("±0.001"))
    }
}
