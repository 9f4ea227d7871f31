import XCTest
@testable import Plotting

/// Nice ticks: what values and labels an axis gets for representative ranges.
/// Tick values are compared exactly: they are built from exact decimals, so 0.6 must
/// be the double nearest to 0.6, not 3 × 0.2.
final class NiceTicksTests: XCTestCase {
    func testUnitIntervalGetsStepsOfOneFifth() {
        let ticks = NiceTicks.linear(lower: 0, upper: 1)
        XCTAssertEqual(ticks.values, [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(ticks.labels, ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    }

    func testPaddedUnitIntervalKeepsTicksInsideTheRange() {
        let ticks = NiceTicks.linear(lower: -0.05, upper: 1.05)
        XCTAssertEqual(ticks.values, [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertTrue(ticks.values.allSatisfy { (-0.05...1.05).contains($0) })
    }

    func testTinySignedRangeUsesPlainDecimalsWithTypographicMinus() {
        let ticks = NiceTicks.linear(lower: -0.0003, upper: 0.0002)
        XCTAssertEqual(ticks.values, [-0.0003, -0.0002, -0.0001, 0, 0.0001, 0.0002])
        XCTAssertEqual(ticks.labels, ["\u{2212}0.0003", "\u{2212}0.0002", "\u{2212}0.0001", "0", "0.0001", "0.0002"])
    }

    func testVeryTinyRangeSwitchesTheWholeAxisToENotation() {
        let ticks = NiceTicks.linear(lower: 0, upper: 0.00005)
        XCTAssertEqual(ticks.labels.first, "0")
        XCTAssertTrue(ticks.labels.dropFirst().allSatisfy { $0.contains("e\u{2212}5") }, "\(ticks.labels)")
        XCTAssertTrue(ticks.labels.contains("1e\u{2212}5"), "\(ticks.labels)")
    }

    func testLargeValuesSwitchToENotation() {
        let ticks = NiceTicks.linear(lower: 0, upper: 5e6)
        XCTAssertEqual(ticks.labels, ["0", "1e6", "2e6", "3e6", "4e6", "5e6"])
    }

    func testLinearCountStaysWithinFourToEightForManySpans() {
        for exponent in -6...6 {
            for mantissa in [1.0, 1.3, 2.2, 3.7, 4.9, 6.5, 8.8] {
                let span = mantissa * pow(10, Double(exponent))
                let low = -0.37 * span
                let ticks = NiceTicks.linear(lower: low, upper: low + span)
                XCTAssertTrue((4...8).contains(ticks.major.count), "span \(span): \(ticks.labels)")
                XCTAssertTrue(ticks.values.allSatisfy { $0 >= low - 1e-9 * span && $0 <= low + span + 1e-9 * span })
            }
        }
    }

    func testMaximumCountIsRespected() {
        for maximum in 2...8 {
            let ticks = NiceTicks.linear(lower: 0, upper: 97, maximumCount: maximum)
            XCTAssertLessThanOrEqual(ticks.major.count, maximum)
            XCTAssertGreaterThanOrEqual(ticks.major.count, 2)
        }
    }

    func testLogFourDecadesLabelsEveryDecadePlainly() {
        let ticks = NiceTicks.logarithmic(lower: 0.01, upper: 100)
        XCTAssertEqual(ticks.values, [0.01, 0.1, 1, 10, 100])
        XCTAssertEqual(ticks.labels, ["0.01", "0.1", "1", "10", "100"])
        XCTAssertTrue(ticks.minor.contains(0.02) && ticks.minor.contains(90), "2…9 multiples are minor ticks")
        XCTAssertFalse(ticks.minor.contains(1))
    }

    func testLogSixDecadesUsesPowersOfTen() {
        let ticks = NiceTicks.logarithmic(lower: 1, upper: 1e6)
        XCTAssertEqual(ticks.values, [1, 10, 100, 1000, 1e4, 1e5, 1e6])
        XCTAssertEqual(ticks.labels, ["10⁰", "10¹", "10²", "10³", "10⁴", "10⁵", "10⁶"])
    }

    func testLogManyDecadesThinsToMultiplesOfAStride() {
        let ticks = NiceTicks.logarithmic(lower: 1e-10, upper: 1e10)
        // 21 decades; every third one (multiples of 3) gives 7 ≤ 8 labels.
        XCTAssertEqual(ticks.labels, ["10⁻⁹", "10⁻⁶", "10⁻³", "10⁰", "10³", "10⁶", "10⁹"])
        XCTAssertTrue(ticks.minor.isEmpty, "no minor ticks when decades are skipped")
    }

    func testLogUnderTwoDecadesLabelsTwosAndFives() {
        let ticks = NiceTicks.logarithmic(lower: 0.015, upper: 0.6)
        XCTAssertEqual(ticks.values, [0.02, 0.05, 0.1, 0.2, 0.5])
        XCTAssertEqual(ticks.labels, ["0.02", "0.05", "0.1", "0.2", "0.5"])
    }

    func testLogRangeInsideOneDecadeFallsBackToLinearTicks() {
        let ticks = NiceTicks.logarithmic(lower: 3, upper: 8)
        XCTAssertEqual(ticks.values, [3, 4, 5, 6, 7, 8])
    }

    func testDegenerateRangeGivesOneTickAtTheValue() {
        XCTAssertEqual(NiceTicks.linear(lower: 2.5, upper: 2.5).major, [Tick(value: 2.5, label: "2.5")])
        XCTAssertEqual(NiceTicks.logarithmic(lower: 100, upper: 100).major, [Tick(value: 100, label: "100")])
    }

    func testDegenerateDataIsWidenedIntoAUsableAxis() {
        let axis = Axis(label: "y")
        let range = AxisRangeResolver.resolve(axis: axis, dataExtent: 5...5)
        XCTAssertLessThan(range.lowerBound, 5)
        XCTAssertGreaterThan(range.upperBound, 5)
        let ticks = NiceTicks.linear(lower: range.lowerBound, upper: range.upperBound)
        XCTAssertTrue((4...8).contains(ticks.major.count), "\(ticks.labels)")
        XCTAssertTrue(ticks.values.contains(5))

        let zero = AxisRangeResolver.resolve(axis: axis, dataExtent: 0...0)
        XCTAssertTrue(zero.contains(0) && zero.lowerBound < 0 && zero.upperBound > 0)

        let logAxis = Axis(label: "y", scale: .log10)
        let logRange = AxisRangeResolver.resolve(axis: logAxis, dataExtent: 1...1)
        let logTicks = NiceTicks.logarithmic(lower: logRange.lowerBound, upper: logRange.upperBound)
        XCTAssertTrue(logTicks.values.contains(1) && logTicks.major.count >= 3, "\(logTicks.labels)")
    }

    func testNonFiniteBoundsGiveNoTicksInsteadOfCrashing() {
        XCTAssertEqual(NiceTicks.linear(lower: .nan, upper: 1), .empty)
        XCTAssertEqual(NiceTicks.linear(lower: 0, upper: .infinity), .empty)
        XCTAssertEqual(NiceTicks.logarithmic(lower: 0, upper: 10), .empty)
        XCTAssertEqual(NiceTicks.logarithmic(lower: -1, upper: 10), .empty)
        XCTAssertEqual(NiceTicks.linear(lower: -Double.greatestFiniteMagnitude, upper: .greatestFiniteMagnitude), .empty)
    }

    func testReversedBoundsGiveTheSameTicks() {
        XCTAssertEqual(NiceTicks.linear(lower: 1, upper: 0), NiceTicks.linear(lower: 0, upper: 1))
    }
}
