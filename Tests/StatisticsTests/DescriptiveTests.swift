import XCTest
@testable import Statistics

/// Moments and the t interval against numpy / scipy (scipy 1.17.1, numpy 2.4.6) on a fixed
/// sample. Tolerance 1e-12 relative: numpy sums pairwise and we sum left to right with a
/// correction pass, so the last bits may differ; anything beyond ~1e-14 would be a real bug.
final class DescriptiveTests: XCTestCase {
    static let data = [2.31, -0.47, 1.05, 3.88, 0.92, 1.76, -1.14, 2.64, 0.18, 1.33, 4.02, 0.75, 1.91]

    func testMomentsMatchNumpy() throws {
        let data = Self.data
        assertClose(try Descriptive.mean(data), 1.472307692307692, relative: 1e-12)  // np.mean(data)
        assertClose(try Descriptive.sampleVariance(data), 2.3266192307692304, relative: 1e-12)  // np.var(data, ddof=1)
        assertClose(try Descriptive.sampleStandardDeviation(data), 1.5253259424690941, relative: 1e-12)  // np.std(data, ddof=1)
        assertClose(try Descriptive.standardError(data), 0.42304929979751954, relative: 1e-12)  // stats.sem(data)
    }

    func testVarianceIsStableUnderALargeOffset() throws {
        // Values 1e9 + {1, 2, 3, 4}: variance 5/3 exactly; the naive Σx² − n x̄² loses every digit.
        let shifted = [1.0, 2, 3, 4].map { $0 + 1e9 }
        assertClose(try Descriptive.sampleVariance(shifted), 5.0 / 3.0, relative: 1e-12)
    }

    func testStudentTIntervalMatchesScipy() throws {
        // stats.t.interval(0.95, len(data) - 1, loc=np.mean(data), scale=stats.sem(data))
        let ci95 = try ConfidenceInterval.studentT(forMeanOf: Self.data)
        assertClose(ci95.lower, 0.5505624503271189, relative: 1e-11)
        assertClose(ci95.upper, 2.3940529342882653, relative: 1e-11)
        XCTAssertEqual(ci95.level, 0.95)
        // stats.t.interval(0.9, len(data) - 1, loc=np.mean(data), scale=stats.sem(data))
        let ci90 = try ConfidenceInterval.studentT(forMeanOf: Self.data, level: 0.9)
        assertClose(ci90.lower, 0.7183121898524147, relative: 1e-11)
        assertClose(ci90.upper, 2.226303194762969, relative: 1e-11)
        XCTAssertTrue(ci95.contains(1.47) && !ci95.contains(2.5))
    }

    func testRejectsTooFewAndNonFiniteValues() {
        assertThrows(.tooFewValues) { try Descriptive.mean([]) }
        assertThrows(.tooFewValues) { try Descriptive.sampleVariance([1.0]) }
        assertThrows(.tooFewValues) { try ConfidenceInterval.studentT(forMeanOf: [1.0]) }
        assertThrows(.nonFiniteValue) { try Descriptive.mean([1, .nan, 3]) }
        assertThrows(.nonFiniteValue) { try Descriptive.standardError([1, .infinity]) }
        assertThrows(.confidenceLevelOutOfRange) { try ConfidenceInterval.studentT(forMeanOf: [1, 2, 3], level: 1) }
    }
}
