import Foundation
@testable import NetworkInference
@testable import Networks
import XCTest

/// FastMath against Foundation (glibc, correctly rounded or within 1 ulp for exp).
final class FastExpTests: XCTestCase {
    /// Error in units of the last place of the reference value.
    private func ulps(_ value: Double, _ reference: Double) -> Double {
        (value - reference).magnitude / reference.ulp
    }

    func testExpIsWithinTwoUlpsOverTheWholeFiniteRange() {
        // 400,001 points on [−745, 709.78] plus a dense grid on [−1, 1]: ≤ 2 ulp is the
        // brief's accuracy bound (our method: < 1 ulp from the reduction plus rounding).
        var worst = 0.0
        let count = 400_000
        for i in 0...count {
            let x = -745.0 + (709.78 + 745.0) * Double(i) / Double(count)
            let reference = Foundation.exp(x)
            if reference == 0 { continue }
            worst = max(worst, ulps(FastMath.exp(x), reference))
        }
        for i in 0...100_000 {
            let x = -1.0 + 2.0 * Double(i) / 100_000
            worst = max(worst, ulps(FastMath.exp(x), Foundation.exp(x)))
        }
        XCTAssertLessThanOrEqual(worst, 2.0)
    }

    /// log1p on [0, 1] (softplus's range) within 2 ulp of glibc, exact at 0, tiny and NaN.
    func testLog1pUnitIsWithinTwoUlpsOnTheUnitInterval() {
        var worst = 0.0
        for i in 0...400_000 {
            let e = Double(i) / 400_000
            worst = max(worst, ulps(FastMath.log1pUnit(e), Foundation.log1p(e)))
        }
        for exponent in stride(from: -1074.0, through: 0, by: 0.37) {
            let e = Foundation.pow(2.0, exponent)
            worst = max(worst, ulps(FastMath.log1pUnit(e), Foundation.log1p(e)))
        }
        XCTAssertLessThanOrEqual(worst, 2.0)
        XCTAssertEqual(FastMath.log1pUnit(0), 0)
        XCTAssertEqual(FastMath.log1pUnit(1), Foundation.log(2.0), accuracy: 2 * Foundation.log(2.0).ulp)
        XCTAssertEqual(FastMath.log1pUnit(.leastNonzeroMagnitude), .leastNonzeroMagnitude)
        XCTAssertTrue(FastMath.log1pUnit(.nan).isNaN)
    }

    func testExpLimitsUnderflowAndNaN() {
        XCTAssertEqual(FastMath.exp(0), 1)
        XCTAssertEqual(FastMath.exp(710), .infinity)
        XCTAssertEqual(FastMath.exp(1e300), .infinity)
        XCTAssertEqual(FastMath.exp(.infinity), .infinity)
        XCTAssertEqual(FastMath.exp(-.infinity), 0)
        XCTAssertEqual(FastMath.exp(-746), 0)
        XCTAssertEqual(FastMath.exp(-1e300), 0)
        XCTAssertTrue(FastMath.exp(.nan).isNaN)
        XCTAssertEqual(FastMath.exp(709.78), Foundation.exp(709.78))
        // Gradual underflow: subnormal results are rounded once, like glibc's.
        for x in [-708.5, -720.0, -740.0, -744.4, -745.0] {
            XCTAssertEqual(FastMath.exp(x), Foundation.exp(x), "exp(\(x))")
        }
    }

    func testExpm1IsAccurateNearZeroAndElsewhere() {
        var worst = 0.0
        for i in 0...200_000 {
            let x = -40.0 + 80.0 * Double(i) / 200_000
            worst = max(worst, ulps(FastMath.expm1(x), Foundation.expm1(x)))
        }
        for exponent in stride(from: -300.0, through: -1.0, by: 0.25) {
            for sign in [-1.0, 1.0] {
                let x = sign * Foundation.pow(10, exponent)
                worst = max(worst, ulps(FastMath.expm1(x), Foundation.expm1(x)))
            }
        }
        XCTAssertLessThanOrEqual(worst, 2.0)
        XCTAssertEqual(FastMath.expm1(709.7), Foundation.expm1(709.7), "near overflow")
        XCTAssertEqual(FastMath.expm1(-1000), -1)
        XCTAssertTrue(FastMath.expm1(.nan).isNaN)
    }

    func testTanhAndSigmoid() {
        // tanh through expm1 has a few roundings more: 4 ulp bound.
        var worst = 0.0
        for i in 0...200_000 {
            let x = -25.0 + 50.0 * Double(i) / 200_000
            if x == 0 { continue }
            worst = max(worst, ulps(FastMath.tanh(x), Foundation.tanh(x)))
        }
        for exponent in stride(from: -300.0, through: 0.0, by: 0.5) {
            let x = Foundation.pow(10, exponent)
            worst = max(worst, ulps(FastMath.tanh(x), Foundation.tanh(x)))
        }
        XCTAssertLessThanOrEqual(worst, 4.0)
        XCTAssertEqual(FastMath.tanh(0).sign, .plus)
        XCTAssertEqual(FastMath.tanh(-0.0).sign, .minus)
        XCTAssertEqual(FastMath.tanh(.infinity), 1)
        XCTAssertEqual(FastMath.tanh(-.infinity), -1)
        XCTAssertTrue(FastMath.tanh(.nan).isNaN)
        XCTAssertEqual(FastMath.sigmoid(-1000), 0)
        XCTAssertEqual(FastMath.sigmoid(1000), 1)
        XCTAssertEqual(FastMath.sigmoid(0), 0.5)
        XCTAssertEqual(FastMath.sigmoid(2), 1 / (1 + Foundation.exp(-2)), accuracy: 2e-16)
    }
}
