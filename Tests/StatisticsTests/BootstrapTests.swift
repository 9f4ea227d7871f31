import XCTest
import NumericsCore
@testable import Statistics

/// The percentile bootstrap: determinism by key, independence of each resample from the
/// others, and frequentist sanity (coverage of the mean) on normal samples.
final class BootstrapTests: XCTestCase {
    let sample = DescriptiveTests.data

    func testSameKeyGivesIdenticalIntervalAndDifferentKeysDiffer() throws {
        let key = SeedKey(7).derive("bootstrap-test")
        let a = try Bootstrap.percentileInterval(of: sample, resamples: 500, key: key, statistic: Descriptive.uncheckedMean)
        let b = try Bootstrap.percentileInterval(of: sample, resamples: 500, key: key, statistic: Descriptive.uncheckedMean)
        XCTAssertEqual(a, b)  // bit-identical
        let c = try Bootstrap.percentileInterval(
            of: sample, resamples: 500, key: SeedKey(8).derive("bootstrap-test"), statistic: Descriptive.uncheckedMean)
        XCTAssertNotEqual(a.lower, c.lower)
        XCTAssertNotEqual(a.upper, c.upper)
    }

    func testResampleBDependsOnlyOnKeyAndB() throws {
        // Record the resamples a statistic sees; resample b must equal n draws from
        // key.derive("bootstrap", b).stream(), whatever B is.
        let key = SeedKey(11)
        var seenShort: [[Double]] = []
        var seenLong: [[Double]] = []
        _ = try Bootstrap.percentileInterval(of: sample, resamples: 5, key: key) { seenShort.append($0); return 0 }
        _ = try Bootstrap.percentileInterval(of: sample, resamples: 40, key: key) { seenLong.append($0); return 0 }
        // The first call of each is the statistic on the original sample.
        XCTAssertEqual(seenShort[0], sample)
        XCTAssertEqual(Array(seenShort.dropFirst()), Array(seenLong.dropFirst().prefix(5)))
        for b in [0, 17, 39] {
            var stream = key.derive("bootstrap", b).stream()
            let expected = sample.indices.map { _ in sample[stream.index(below: sample.count)] }
            XCTAssertEqual(seenLong[b + 1], expected, "resample \(b)")
        }
    }

    func testPairedResamplingKeepsPairsTogether() throws {
        let x = [1.0, 2, 3, 4, 5, 6]
        let y = x.map { 10 * $0 }
        var pairsIntact = true
        _ = try Bootstrap.pairedPercentileInterval(x: x, y: y, resamples: 200, key: SeedKey(3)) { rx, ry in
            pairsIntact = pairsIntact && zip(rx, ry).allSatisfy { $1 == 10 * $0 }
            return rx[0]
        }
        XCTAssertTrue(pairsIntact)
    }

    func testIntervalForAConstantStatisticIsThatConstant() throws {
        let interval = try Bootstrap.percentileInterval(of: sample, resamples: 50, key: SeedKey(1)) { _ in 4.5 }
        XCTAssertEqual(interval.lower, 4.5)
        XCTAssertEqual(interval.upper, 4.5)
        XCTAssertEqual(interval.undefinedResampleCount, 0)
    }

    func testLargeNormalSampleIntervalContainsTrueMeanAndMatchesTInterval() throws {
        // n = 4000 from N(3, 2²): the bootstrap interval of the mean must contain 3, and for
        // large n it agrees with the t interval to within a few percent of its width
        // (both estimate ±1.96 σ/√n; Monte Carlo error of the percentiles with B = 2000 is ~3%).
        var stream = SeedKey(99).derive("normal-sample").stream()
        let values = (0..<4000).map { _ in stream.normal(mean: 3, standardDeviation: 2) }
        let boot = try Bootstrap.percentileInterval(of: values, key: SeedKey(99).derive("ci"), statistic: Descriptive.uncheckedMean)
        let t = try ConfidenceInterval.studentT(forMeanOf: values)
        XCTAssertTrue(boot.interval.contains(3), "\(boot.interval)")
        let width = t.upper - t.lower
        assertClose(boot.lower, t.lower, relative: 0, absolute: 0.08 * width)
        assertClose(boot.upper, t.upper, relative: 0, absolute: 0.08 * width)
    }

    func testCoverageOfTheMeanIsNearNominal() throws {
        // 200 samples of n = 40 from N(0, 1), B = 400 each. The percentile interval's coverage
        // for the mean at n = 40 is ≈ 0.93; with 200 trials the binomial s.d. is ≈ 0.018,
        // so [0.86, 0.99] fails only if the interval is wrong, not by chance.
        let root = SeedKey(2025)
        var covered = 0
        for trial in 0..<200 {
            var stream = root.derive("sample", trial).stream()
            let values = (0..<40).map { _ in stream.normal() }
            let interval = try Bootstrap.percentileInterval(
                of: values, resamples: 400, key: root.derive("resample", trial), statistic: Descriptive.uncheckedMean)
            if interval.interval.contains(0) { covered += 1 }
        }
        let coverage = Double(covered) / 200
        XCTAssert(coverage >= 0.86 && coverage <= 0.99, "coverage \(coverage)")
    }

    func testRejectsBadArguments() {
        assertThrows(.invalidResampleCount) {
            try Bootstrap.percentileInterval(of: [1, 2], resamples: 0, key: SeedKey(1)) { $0[0] }
        }
        assertThrows(.confidenceLevelOutOfRange) {
            try Bootstrap.percentileInterval(of: [1, 2], level: 1.2, key: SeedKey(1)) { $0[0] }
        }
        assertThrows(.tooFewValues) { try Bootstrap.percentileInterval(of: [], key: SeedKey(1)) { _ in 0 } }
        assertThrows(.undefinedStatistic) { try Bootstrap.percentileInterval(of: [1, 2], key: SeedKey(1)) { _ in .nan } }
        assertThrows(.lengthMismatch) {
            try Bootstrap.pairedPercentileInterval(x: [1, 2], y: [1], key: SeedKey(1)) { _, _ in 0 }
        }
    }
}
