import XCTest
@testable import Statistics

/// The Wilson score interval against the published values of Newcombe (1998), Stat. Med.
/// 17, 857–872, Table II, method 3 (printed to four decimals, hence the 5e-5 tolerance),
/// and against the closed form at k = 0, k = n and k = n/2.
final class WilsonIntervalTests: XCTestCase {
    func testNewcombeTableII() throws {
        let cases: [(k: Int, n: Int, lower: Double, upper: Double)] = [
            (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0, 0.1611), (1, 29, 0.0061, 0.1718),
        ]
        for c in cases {
            let interval = try WilsonInterval(successes: c.k, trials: c.n)
            assertClose(interval.lower, c.lower, relative: 0, absolute: 5e-5, "\(c.k)/\(c.n)")
            assertClose(interval.upper, c.upper, relative: 0, absolute: 5e-5, "\(c.k)/\(c.n)")
        }
    }

    /// Closed forms: k = 0 gives [0, z²/(n + z²)], k = n gives [n/(n + z²), 1]; k = n/2 is
    /// symmetric about 1/2. Values to 1e-12 (a few ulps of the arithmetic).
    func testClosedForms() throws {
        let z = 1.959963984540054
        let none = try WilsonInterval(successes: 0, trials: 30)
        XCTAssertEqual(none.lower, 0)
        assertClose(none.upper, z * z / (30 + z * z), relative: 1e-12)
        let all = try WilsonInterval(successes: 30, trials: 30)
        XCTAssertEqual(all.upper, 1)
        assertClose(all.lower, 30 / (30 + z * z), relative: 1e-12)
        let half = try WilsonInterval(successes: 5, trials: 10)
        assertClose(half.lower + half.upper, 1, relative: 1e-12)
        assertClose(half.lower, 0.236593090512564, relative: 1e-12)
        XCTAssertEqual(half.proportion, 0.5)
    }

    func testWiderAtHigherLevel() throws {
        let narrow = try WilsonInterval(successes: 7, trials: 20, level: 0.9)
        let wide = try WilsonInterval(successes: 7, trials: 20, level: 0.99)
        XCTAssertLessThan(wide.lower, narrow.lower)
        XCTAssertGreaterThan(wide.upper, narrow.upper)
    }

    func testRejectsImpossibleCounts() {
        assertThrows(.tooFewValues) { try WilsonInterval(successes: 0, trials: 0) }
        assertThrows(.invalidParameter) { try WilsonInterval(successes: 4, trials: 3) }
        assertThrows(.confidenceLevelOutOfRange) { try WilsonInterval(successes: 1, trials: 3, level: 1) }
    }
}
