import XCTest
@testable import Statistics

/// Type-7 quantiles against np.quantile (default method "linear", numpy 2.4.6).
/// Tolerance 1e-13 relative plus 1e-15 absolute: the same interpolation formula, so only
/// the rounding of (n − 1)p can differ.
final class QuantilesTests: XCTestCase {
    let data = DescriptiveTests.data

    func testQuantilesMatchNumpy() throws {
        // np.quantile(data, [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0])
        let expected = [-1.14, -0.33999999999999986, 0.75, 1.33, 2.31, 3.632000000000001, 4.02]
        let actual = try Quantiles.quantiles(data, [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0])
        for (a, e) in zip(actual, expected) { assertClose(a, e, relative: 1e-13, absolute: 1e-15) }
    }

    func testMedianAndInterquartileRange() throws {
        assertClose(try Quantiles.median(Array(data.prefix(12))), 1.19, relative: 1e-13)  // np.median(data[:12])
        assertClose(try Quantiles.interquartileRange(data), 1.56, relative: 1e-13)  // stats.iqr(data)
        XCTAssertEqual(try Quantiles.median([5.0]), 5)
        XCTAssertEqual(try Quantiles.median([4.0, 1, 3, 2]), 2.5)
    }

    func testQuantileIsMonotoneAndHitsOrderStatistics() throws {
        let sorted = data.sorted()
        let n = Double(sorted.count - 1)
        for (j, value) in sorted.enumerated() {
            XCTAssertEqual(try Quantiles.quantile(data, Double(j) / n), value)
        }
        let grid = (0...200).map { Double($0) / 200 }
        let q = try Quantiles.quantiles(data, grid)
        for i in 1..<q.count { XCTAssertLessThanOrEqual(q[i - 1], q[i]) }
    }

    func testRejectsBadInput() {
        assertThrows(.tooFewValues) { try Quantiles.median([]) }
        assertThrows(.probabilityOutOfRange) { try Quantiles.quantile([1, 2], 1.01) }
        assertThrows(.probabilityOutOfRange) { try Quantiles.quantile([1, 2], .nan) }
        assertThrows(.nonFiniteValue) { try Quantiles.median([1, .nan]) }
    }
}
