import XCTest
@testable import Statistics

/// I_x(a, b) against scipy.special.betainc / betaincc and ln B against scipy.special.betaln
/// (scipy 1.17.1). Tolerance 1e-10 relative, the module's stated accuracy.
final class IncompleteBetaTests: XCTestCase {
    func testRegularizedIncompleteBetaMatchesScipy() throws {
        assertClose(try IncompleteBeta.regularized(a: 2.5, b: 3.5, x: 0.4).lower,
                    0.4869041915261176, relative: 1e-10)  // special.betainc(2.5, 3.5, 0.4)
        assertClose(try IncompleteBeta.regularized(a: 0.5, b: 500, x: 0.001).lower,
                    0.6826895526902824, relative: 1e-10)  // special.betainc(0.5, 500.0, 0.001)
        assertClose(try IncompleteBeta.regularized(a: 50, b: 70, x: 0.45).lower,
                    0.7717610017525626, relative: 1e-10)  // special.betainc(50.0, 70.0, 0.45)
        assertClose(try IncompleteBeta.regularized(a: 50, b: 70, x: 0.7).upper,
                    6.947158228740656e-11, relative: 1e-10)  // special.betaincc(50.0, 70.0, 0.7)
        assertClose(try IncompleteBeta.regularized(a: 1e-3, b: 2, x: 0.5).lower,
                    0.9998067465369478, relative: 1e-10)  // special.betainc(1e-3, 2.0, 0.5)
    }

    func testClosedFormsAndSymmetry() throws {
        // I_x(1, 1) = x; I_x(a, 1) = xᵃ; I_x(a, b) = 1 − I_{1−x}(b, a).
        for x in [0.01, 0.3, 0.77, 0.999] {
            assertClose(try IncompleteBeta.regularized(a: 1, b: 1, x: x).lower, x, relative: 1e-14)
            assertClose(try IncompleteBeta.regularized(a: 3.3, b: 1, x: x).lower, pow(x, 3.3), relative: 1e-13)
            let forward = try IncompleteBeta.regularized(a: 2.2, b: 7.1, x: x)
            let mirrored = try IncompleteBeta.regularized(a: 7.1, b: 2.2, x: 1 - x)
            assertClose(forward.lower, mirrored.upper, relative: 1e-13)
            assertClose(forward.lower + forward.upper, 1, relative: 1e-15)
        }
        XCTAssertEqual(try IncompleteBeta.regularized(a: 2, b: 3, x: 0), IncompleteBetaValue(lower: 0, upper: 1))
        XCTAssertEqual(try IncompleteBeta.regularized(a: 2, b: 3, x: 1), IncompleteBetaValue(lower: 1, upper: 0))
    }

    func testSmallFirstParameterWithLargeSecondUsesTheExpansionToo() throws {
        // I_y(½, 5e8) at y = 4e-9 (the complement of Student's t at ν = 1e9, t = 2), by
        // 50-digit mpmath (reference/mpmath_reference.py). Both tails to 1e-12 relative.
        let value = try IncompleteBeta.regularized(a: 0.5, b: 5e8, x: 4e-9)
        assertClose(value.lower, 0.95449973626561449206, relative: 1e-12)
        assertClose(value.upper, 0.04550026373438550794, relative: 1e-12)
    }

    func testLogBetaMatchesScipyForLargeArguments() {
        // The naive lgamma difference would lose ~8 digits at a = 5e7.
        assertClose(LogBeta.value(5e7, 0.5), -8.29140183627151, relative: 1e-12)      // special.betaln(5e7, 0.5)
        assertClose(LogBeta.value(1000, 1000), -1388.482601635902, relative: 1e-12)   // special.betaln(1000.0, 1000.0)
        // special.betaln(20.0, 1e7) gives -283.02204778790474, 1.6e-10 off; 40-digit mpmath:
        // mp.log(mp.beta(20, 1e7)) = -283.0220478319545517…, which we match.
        assertClose(LogBeta.value(20, 1e7), -283.0220478319545517, relative: 1e-12)
        assertClose(LogBeta.value(3, 4.5), -4.387480485356345, relative: 1e-12)       // special.betaln(3.0, 4.5)
    }

    func testConvergesForExtremeStudentParameters() throws {
        // The t distribution needs (a, b) = (ν/2, ½) for ν from 1e-3 to 1e12; every call must
        // converge within the iteration limit (a throw here would fail the test).
        for nu in [1e-3, 0.1, 1, 10, 1e3, 1e6, 1e9, 1e12] {
            for x in [1e-12, 1e-3, 0.2, 0.5, 0.9, 0.999, 1 - 1e-9] {
                let value = try IncompleteBeta.regularized(a: nu / 2, b: 0.5, x: x)
                XCTAssert(value.lower >= 0 && value.lower <= 1, "ν = \(nu), x = \(x): \(value)")
            }
        }
    }

    func testRejectsInvalidArguments() {
        assertThrows(.invalidParameter) { try IncompleteBeta.regularized(a: 0, b: 1, x: 0.5) }
        assertThrows(.invalidParameter) { try IncompleteBeta.regularized(a: 1, b: -2, x: 0.5) }
        assertThrows(.probabilityOutOfRange) { try IncompleteBeta.regularized(a: 1, b: 1, x: 1.5) }
        assertThrows(.probabilityOutOfRange) { try IncompleteBeta.regularized(a: 1, b: 1, x: 0.3, complement: 0.3) }
    }
}
