import XCTest
@testable import Plotting

/// The symmetric-log axis (``AxisScale/symmetricLog(linearThreshold:)``): its map, its
/// range padding and its ticks. Positions are compared to 1e-12 (a few roundings of
/// log10 of numbers of order 1); tick values exactly (they are exact decimals).
final class SymmetricLogTests: XCTestCase {
    let scale = AxisScale.symmetricLog(linearThreshold: 1e-4)

    func testMapIsOddMonotoneAndInvertible() {
        XCTAssertEqual(scale.position(0), 0)
        XCTAssertEqual(scale.position(1e-4), log10(2), accuracy: 1e-12, "at the threshold: log10(1 + 1)")
        XCTAssertEqual(scale.position(-0.5), -scale.position(0.5), accuracy: 1e-12)
        XCTAssertEqual(scale.position(0.5), log10(5001), accuracy: 1e-12)
        for value in [-0.9, -1e-3, -1e-5, 0, 2e-5, 1e-4, 0.3] {
            XCTAssertEqual(scale.value(atPosition: scale.position(value)), value, accuracy: 1e-12 * max(1e-4, abs(value)))
        }
        XCTAssertTrue(scale.accepts(0) && scale.accepts(-3))
        XCTAssertFalse(scale.accepts(.nan))
    }

    /// 1e-4 and 0.5 are both well inside a pixel range: a linear axis would put 1e-4 on
    /// top of 0.
    func testSmallAndLargeValuesAreBothVisible() {
        let transform = AxisTransform(scale: scale, range: -1e-3...1, pixelAtLower: 100, pixelAtUpper: 0)
        let zero = transform.pixel(0)!, small = transform.pixel(1e-4)!, large = transform.pixel(0.5)!
        XCTAssertGreaterThan(zero - small, 5, "1e-4 at least 5 px above 0")
        XCTAssertGreaterThan(small - large, 20)
        let linear = AxisTransform(scale: .linear, range: -1e-3...1, pixelAtLower: 100, pixelAtUpper: 0)
        XCTAssertLessThan(linear.pixel(0)! - linear.pixel(1e-4)!, 0.1)
    }

    func testTicksAreZeroAndSignedDecadesBeyondTheThreshold() {
        let ticks = NiceTicks.symmetricLog(lower: -1e-3, upper: 1, linearThreshold: 1e-4)
        XCTAssertEqual(ticks.values, [-1e-3, -1e-4, 0, 1e-4, 1e-3, 1e-2, 0.1, 1])
        XCTAssertEqual(ticks.labels.first, "\u{2212}10⁻³", "powers of ten, as on a log axis below 0.01")
        XCTAssertEqual(ticks.labels[2], "0")
        let crowded = NiceTicks.symmetricLog(lower: -1, upper: 1e6, linearThreshold: 1e-6, maximumCount: 6)
        XCTAssertLessThanOrEqual(crowded.values.count, 6)
        XCTAssertTrue(crowded.values.contains(0))
        XCTAssertEqual(crowded.values.last, 1e6, "the largest decade stays; the ones nearest the linear zone go first")
        XCTAssertEqual(
            NiceTicks.symmetricLog(lower: -1e-4, upper: 0.5, linearThreshold: 1e-4, maximumCount: 5).values, [0, 1e-3, 1e-2, 0.1])
        XCTAssertEqual(NiceTicks.symmetricLog(lower: 0, upper: 1, linearThreshold: 0), .empty)
    }

    func testRangeIsPaddedInTheSymmetricLogCoordinate() {
        let axis = Axis(label: "λ", scale: scale, padding: 0.05)
        let range = AxisRangeResolver.resolve(axis: axis, dataExtent: 0...0.5)
        XCTAssertLessThan(range.lowerBound, 0)
        XCTAssertGreaterThan(range.upperBound, 0.5)
        let span = scale.position(0.5)
        XCTAssertEqual(scale.position(range.upperBound), span * 1.05, accuracy: 1e-12)
        XCTAssertEqual(scale.position(range.lowerBound), -span * 0.05, accuracy: 1e-12)
    }
}
