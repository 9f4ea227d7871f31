import XCTest
@testable import Statistics

/// The first upward zero crossing on a grid; exact arithmetic cases, so exact or 1e-15.
final class SignChangeTests: XCTestCase {
    func testInterpolatesTheFirstUpwardCrossing() throws {
        // From −1 at x = 2 to +3 at x = 4: zero at 2 + 2 · 1/4 = 2.5. The later crossing is ignored.
        let result = try SignChange.firstUpwardCrossing(x: [0, 1, 2, 4, 5, 6, 7], y: [-3, -2, -1, 3, -1, -0.5, 2])
        XCTAssertEqual(result, .crossing(x: 2.5))
    }

    func testZeroAtAGridPointCountsAsNonPositive() throws {
        XCTAssertEqual(try SignChange.firstUpwardCrossing(x: [1, 2, 3], y: [-1, 0, 5]), .crossing(x: 2))
        XCTAssertEqual(try SignChange.firstUpwardCrossing(x: [1, 2, 3], y: [0, 0, 0]), .neverPositive)
    }

    func testCrossingAfterAPositiveStart() throws {
        // Positive, dips, comes back up: the upward crossing is reported.
        guard case let .crossing(x) = try SignChange.firstUpwardCrossing(x: [0, 1, 2, 3], y: [1, -1, -1, 1]) else {
            return XCTFail("expected a crossing")
        }
        XCTAssertEqual(x, 2.5, accuracy: 1e-15)
    }

    func testSeriesOfOneSignAndDownwardOnly() throws {
        XCTAssertEqual(try SignChange.firstUpwardCrossing(x: [1, 2, 3], y: [0.1, 2, 0.3]), .alwaysPositive)
        XCTAssertEqual(try SignChange.firstUpwardCrossing(x: [1, 2, 3], y: [-0.1, -2, -0.3]), .neverPositive)
        XCTAssertEqual(try SignChange.firstUpwardCrossing(x: [1, 2, 3], y: [1, 0.5, -1]), .onlyDownwardCrossings)
        XCTAssertEqual(try SignChange.firstUpwardCrossing(x: [1], y: [1]), .alwaysPositive)
    }

    func testRejectsBadGrids() {
        assertThrows(.gridNotIncreasing) { try SignChange.firstUpwardCrossing(x: [1, 3, 2], y: [-1, 1, 2]) }
        assertThrows(.gridNotIncreasing) { try SignChange.firstUpwardCrossing(x: [1, 1, 2], y: [-1, 1, 2]) }
        assertThrows(.lengthMismatch) { try SignChange.firstUpwardCrossing(x: [1, 2], y: [1]) }
        assertThrows(.nonFiniteValue) { try SignChange.firstUpwardCrossing(x: [1, 2], y: [.nan, 1]) }
        assertThrows(.tooFewValues) { try SignChange.firstUpwardCrossing(x: [], y: []) }
    }
}
