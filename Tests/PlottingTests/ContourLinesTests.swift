import Foundation
import Plotting
import XCTest

/// Marching squares on functions whose level lines are known.
final class ContourLinesTests: XCTestCase {
    func testLevelOfAPlaneIsAStraightLine() {
        // f(x, y) = x on a 5 × 3 grid: the level 0.3 is the segment x = 0.3 from y = 0 to y = 2, one polyline.
        let x = [0.0, 0.25, 0.5, 0.75, 1], y = [0.0, 1, 2]
        let values = y.flatMap { _ in x }
        let line = ContourLines.polylines(x: x, y: y, values: values, level: 0.3)
        XCTAssertFalse(line.x.contains { $0.isNaN }, "one connected line")
        XCTAssertEqual(line.x.count, 3)
        for value in line.x { XCTAssertEqual(value, 0.3, accuracy: 1e-12) }
        XCTAssertEqual(Set(line.y), [0, 1, 2])
    }

    func testLevelOfAConeIsOneClosedCircle() {
        // f = √(x² + y²) on [−1, 1]²: the level 0.6 is a circle, closed, every vertex at radius 0.6 within
        // the linear-interpolation error of a cone (exact along axis-parallel edges up to h²/r ≈ 0.01).
        let axis = (0...40).map { -1 + Double($0) / 20 }
        let values = axis.flatMap { y in axis.map { x in (x * x + y * y).squareRoot() } }
        let line = ContourLines.polylines(x: axis, y: axis, values: values, level: 0.6)
        XCTAssertFalse(line.x.contains { $0.isNaN }, "one connected line")
        XCTAssertEqual(line.x.first, line.x.last)
        XCTAssertEqual(line.y.first, line.y.last)
        for (px, py) in zip(line.x, line.y) { XCTAssertEqual((px * px + py * py).squareRoot(), 0.6, accuracy: 0.01) }
    }

    func testTwoBumpsGiveTwoLinesAndNonFiniteCellsAreSkipped() {
        let axis = (0...20).map { Double($0) / 10 }
        let bump = { (x: Double, y: Double, cx: Double) in exp(-((x - cx) * (x - cx) + (y - 1) * (y - 1)) / 0.05) }
        let values = axis.flatMap { y in axis.map { x in bump(x, y, 0.5) + bump(x, y, 1.5) } }
        XCTAssertEqual(ContourLines.polylines(x: axis, y: axis, values: values, level: 0.5).x.filter(\.isNaN).count, 1)
        XCTAssertTrue(ContourLines.polylines(x: axis, y: axis, values: values.map { _ in .nan }, level: 0.5).x.isEmpty)
    }
}
