import XCTest
import NumericsCore
@testable import Statistics

/// The summary of one sample: its parts agree with the functions that own them (bit for bit,
/// since they run the same code), non-finite entries are dropped or rejected as asked, and
/// too-small samples give a typed result.
final class SampleSummaryTests: XCTestCase {
    let key = SeedKey(42).derive("summary")

    func testSummaryDropsNonFiniteValuesAndCountsThem() throws {
        let clean = DescriptiveTests.data
        let dirty = [Double.nan] + clean.prefix(5) + [.infinity, -.infinity] + clean.dropFirst(5)
        guard case let .summary(summary) = try SampleSummary.summarize(dirty, nonFinite: .drop, key: key) else {
            return XCTFail("expected a summary")
        }
        XCTAssertEqual(summary.count, clean.count)
        XCTAssertEqual(summary.droppedNonFiniteCount, 3)
        XCTAssertEqual(summary.mean, try Descriptive.mean(clean))
        XCTAssertEqual(summary.standardDeviation, try Descriptive.sampleStandardDeviation(clean))
        XCTAssertEqual(summary.standardError, try Descriptive.standardError(clean))
        XCTAssertEqual(summary.tInterval, try ConfidenceInterval.studentT(forMeanOf: clean))
        XCTAssertEqual(summary.median, try Quantiles.median(clean))
        XCTAssertEqual(summary.interquartileRange, try Quantiles.interquartileRange(clean), accuracy: 1e-15)
        let bootstrap = try Bootstrap.percentileInterval(of: clean, key: key, statistic: Descriptive.uncheckedMean)
        XCTAssertEqual(summary.bootstrapInterval, bootstrap)
        // Against numpy on the clean data (1e-12 relative; see DescriptiveTests).
        assertClose(summary.mean, 1.472307692307692, relative: 1e-12)     // np.mean(data)
        assertClose(summary.lowerQuartile, 0.75, relative: 1e-13)         // np.quantile(data, 0.25)
        assertClose(summary.upperQuartile, 2.31, relative: 1e-13)         // np.quantile(data, 0.75)
    }

    func testRejectPolicyThrowsAtTheFirstNonFiniteValue() {
        assertThrows(.nonFiniteValue) { try SampleSummary.summarize([1, 2, .nan], nonFinite: .reject, key: self.key) }
    }

    func testTooFewValuesIsATypedResult() throws {
        XCTAssertEqual(
            try SampleSummary.summarize([.nan, 3, .nan], nonFinite: .drop, key: key),
            .tooFewValues(finiteCount: 1, droppedNonFiniteCount: 2))
        XCTAssertEqual(
            try SampleSummary.summarize([], nonFinite: .reject, key: key),
            .tooFewValues(finiteCount: 0, droppedNonFiniteCount: 0))
    }

    func testTwoValuesAreEnough() throws {
        guard case let .summary(summary) = try SampleSummary.summarize([1, 3], nonFinite: .reject, key: key) else {
            return XCTFail("expected a summary")
        }
        XCTAssertEqual(summary.mean, 2)
        XCTAssertEqual(summary.standardDeviation, 2.0.squareRoot(), accuracy: 1e-15)
        // t_{0.975, 1} = 12.706204736174694 (stats.t.ppf(0.975, 1)); sem = 1.
        assertClose(summary.tInterval.upper, 2 + 12.706204736174694, relative: 1e-10)
        XCTAssertTrue(summary.bootstrapInterval.lower >= 1 && summary.bootstrapInterval.upper <= 3)
    }
}
