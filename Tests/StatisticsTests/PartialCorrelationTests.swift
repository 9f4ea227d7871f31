import XCTest
@testable import Statistics

/// The partial correlation against the residual method computed independently (numpy
/// least squares, scipy.stats.t: r = 0.9899494936611664, t = 15.652475842498388 on 5 degrees
/// of freedom, p = 1.9345561852224344e-05), to 1e-12 for r (a few roundings) and 1e-8
/// relative for p (the accuracy of the Student-t tail here).
final class PartialCorrelationTests: XCTestCase {
    func testAgreesWithTheResidualMethod() throws {
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        let z: [Double] = [2, 1, 4, 3, 6, 5, 8, 7]
        let y: [Double] = [1, 3, 2, 5, 4, 7, 6, 9]
        let test = try PartialCorrelation.test(x, y, given: z)
        assertClose(test.coefficient, 0.9899494936611664, relative: 1e-12)
        assertClose(test.tStatistic, 15.652475842498388, relative: 1e-10)
        XCTAssertEqual(test.degreesOfFreedom, 5)
        assertClose(test.pValue, 1.9345561852224344e-05, relative: 1e-8)
    }

    /// Closed form: with all three pairwise r = 1/2, r_xy·z = (1/2 − 1/4)/(3/4) = 1/3; with
    /// x and y related only through z (r_xy = r_xz r_yz) it is 0.
    func testClosedForms() {
        assertClose(PartialCorrelation.coefficient(rxy: 0.5, rxz: 0.5, ryz: 0.5), 1.0 / 3, relative: 1e-15)
        XCTAssertEqual(PartialCorrelation.coefficient(rxy: 0.48, rxz: 0.8, ryz: 0.6), 0, accuracy: 1e-15)
        XCTAssertTrue(PartialCorrelation.coefficient(rxy: 0.5, rxz: 1, ryz: 0.5).isNaN)
    }

    func testRejectsDegenerateInput() {
        assertThrows(.tooFewValues) { try PartialCorrelation.test([1, 2, 3], [1, 2, 4], given: [3, 1, 2]) }
        assertThrows(.zeroVariance) { try PartialCorrelation.test([1, 2, 3, 4], [1, 2, 4, 3], given: [1, 1, 1, 1]) }
        assertThrows(.undefinedStatistic) { try PartialCorrelation.test([1, 2, 3, 4], [1, 2, 4, 3], given: [2, 4, 6, 8]) }
    }
}
