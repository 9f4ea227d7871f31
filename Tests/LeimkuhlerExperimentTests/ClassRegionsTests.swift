import XCTest
@testable import LeimkuhlerExperiment

/// The class-1 regions of the decision-boundary figure: runs of coarse cells with
/// p ≥ ½, merged with the run above when they cover the same columns.
final class ClassRegionsTests: XCTestCase {
    /// A 5 × 5 grid on [0, 4]², probability `p(x, y)` row-major.
    private func values(_ p: (Double, Double) -> Double) -> (x: [Double], y: [Double], values: [Double]) {
        let axis = [0.0, 1, 2, 3, 4]
        return (axis, axis, axis.flatMap { y in axis.map { x in p(x, y) } })
    }

    func testAHalfPlaneIsOneRectangle() {
        let grid = values { x, _ in x >= 2 ? 0.9 : 0.1 }
        let regions = ClassRegions(x: grid.x, y: grid.y, values: grid.values, stride: 1)
        XCTAssertEqual(regions.classOne, [ClassRegions.Rectangle(xRange: 1.5...4, yRange: 0...4)],
                       "five rows of the same run merge into one rectangle from the midpoint 1.5 to the edge")
    }

    func testTwoRunsInARowStaySeparateAndClassZeroIsEmpty() {
        let grid = values { x, y in (x == 0 || x == 4) && y <= 1 ? 1 : 0 }
        let regions = ClassRegions(x: grid.x, y: grid.y, values: grid.values, stride: 1)
        XCTAssertEqual(regions.classOne, [
            ClassRegions.Rectangle(xRange: 0...0.5, yRange: 0...1.5),
            ClassRegions.Rectangle(xRange: 3.5...4, yRange: 0...1.5),
        ])
        XCTAssertEqual(ClassRegions(x: grid.x, y: grid.y, values: grid.values.map { _ in 0.2 }, stride: 1).classOne, [])
    }

    func testNonFiniteValuesCountAsClassZero() {
        let grid = values { _, _ in .nan }
        XCTAssertEqual(ClassRegions(x: grid.x, y: grid.y, values: grid.values, stride: 1).classOne, [])
    }

    func testTheCoarseGridKeepsEveryStrideThNodeAndTheLast() {
        XCTAssertEqual(ClassRegions.nodes(101, stride: 4).count, 26)
        XCTAssertEqual(ClassRegions.nodes(10, stride: 4), [0, 4, 8, 9])
        XCTAssertEqual(ClassRegions.edges([0, 2, 6]), [0, 1, 4, 6])
    }
}
