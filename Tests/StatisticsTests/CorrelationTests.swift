import XCTest
import NumericsCore
@testable import Statistics

/// Pearson and Spearman against scipy.stats.pearsonr / spearmanr (scipy 1.17.1). Coefficients
/// to 1e-12 relative (different summation order); p-values to 1e-10 relative (the t
/// distribution's promised accuracy; scipy's pearsonr uses the equivalent Beta form).
final class CorrelationTests: XCTestCase {
    // Ties in both variables (x: 2.4 ×2, 5.0 ×3; y: 3.5 ×2, 5.5 ×2).
    static let x = [1.2, 2.4, 2.4, 3.1, 4.8, 5.0, 5.0, 5.0, 6.3, 7.7, 8.1, 9.4]
    static let y = [2.0, 1.9, 3.5, 3.5, 4.1, 6.2, 5.0, 5.5, 5.5, 7.9, 7.0, 9.9]
    // A weak, non-significant association.
    static let u = [-0.31, -0.12, 0.05, -0.44, 0.18, 0.02, -0.27, 0.11, -0.05, 0.29, -0.18, 0.07, 0.21, -0.36, 0.14]
    static let v = [0.52, 0.61, 0.40, 0.66, 0.58, 0.47, 0.49, 0.63, 0.55, 0.44, 0.70, 0.51, 0.62, 0.45, 0.59]

    func testPearsonMatchesScipy() throws {
        let strong = try Correlation.test(.pearson, Self.x, Self.y)  // stats.pearsonr(x, y)
        assertClose(strong.coefficient, 0.9531752322066416, relative: 1e-12)
        assertClose(strong.pValue, 1.638439420276333e-06, relative: 1e-10)
        XCTAssertEqual(strong.degreesOfFreedom, 10)
        XCTAssertEqual(strong.count, 12)
        let weak = try Correlation.test(.pearson, Self.u, Self.v)  // stats.pearsonr(u, v)
        assertClose(weak.coefficient, -0.11379666579995429, relative: 1e-12)
        assertClose(weak.pValue, 0.686350017652725, relative: 1e-10)
    }

    func testSpearmanWithTiesMatchesScipy() throws {
        let strong = try Correlation.test(.spearman, Self.x, Self.y)  // stats.spearmanr(x, y)
        assertClose(strong.coefficient, 0.950455876205151, relative: 1e-12)
        assertClose(strong.pValue, 2.1627580561047413e-06, relative: 1e-10)
        let weak = try Correlation.test(.spearman, Self.u, Self.v)  // stats.spearmanr(u, v)
        assertClose(weak.coefficient, -0.08214285714285713, relative: 1e-12)
        assertClose(weak.pValue, 0.7710285652881773, relative: 1e-10)
    }

    func testAverageRanksMatchScipyRankdata() throws {
        // stats.rankdata(x), stats.rankdata(y): exact half-integers.
        XCTAssertEqual(try Ranking.averageRanks(Self.x), [1.0, 2.5, 2.5, 4.0, 5.0, 7.0, 7.0, 7.0, 9.0, 10.0, 11.0, 12.0])
        XCTAssertEqual(try Ranking.averageRanks(Self.y), [2.0, 1.0, 3.5, 3.5, 5.0, 9.0, 6.0, 7.5, 7.5, 11.0, 10.0, 12.0])
    }

    func testPerfectCorrelationHasNegligiblePValue() throws {
        // r of an exact line is 1 up to rounding (scipy gets 1 − 2e-16 too, depending on data);
        // the p-value then is at the rounding floor, not a real probability.
        let line = try Correlation.test(.pearson, [1, 2, 3, 4], [3, 5, 7, 9])
        XCTAssertEqual(line.coefficient, 1, accuracy: 4 * Double.ulpOfOne)
        XCTAssertLessThan(line.pValue, 1e-15)
        let reversed = try Correlation.test(.spearman, [1, 2, 3, 4], [10, 9, 1, 0])
        XCTAssertEqual(reversed.coefficient, -1, accuracy: 4 * Double.ulpOfOne)
        XCTAssertLessThan(reversed.pValue, 1e-15)
    }

    func testBootstrapIntervalBracketsTheEstimateAndIsDeterministic() throws {
        let key = SeedKey(2024).derive("correlation-test")
        let first = try Correlation.analyze(.spearman, Self.x, Self.y, resamples: 1000, key: key)
        let second = try Correlation.analyze(.spearman, Self.x, Self.y, resamples: 1000, key: key)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.bootstrap.estimate, first.test.coefficient)
        XCTAssertLessThanOrEqual(first.bootstrap.lower, first.test.coefficient)
        XCTAssertGreaterThanOrEqual(first.bootstrap.upper, first.test.coefficient)
        XCTAssertLessThanOrEqual(first.bootstrap.upper, 1)
        // A strong association (r ≈ 0.95, n = 12): the interval excludes 0; a weak one includes it.
        XCTAssertGreaterThan(first.bootstrap.lower, 0.5)
        let weak = try Correlation.bootstrapInterval(.pearson, Self.u, Self.v, resamples: 1000, key: key)
        XCTAssertTrue(weak.interval.contains(0))
    }

    func testBootstrapCountsResamplesWithConstantX() throws {
        // With n = 3 and two tied x values, about 1/3 of resamples have constant x (every
        // index from {0, 1} or all the same index): the correlation is undefined there.
        let interval = try Correlation.bootstrapInterval(.pearson, [1, 1, 2], [1, 2, 3], resamples: 300, key: SeedKey(5))
        XCTAssertGreaterThan(interval.undefinedResampleCount, 50)
        XCTAssertLessThan(interval.undefinedResampleCount, 150)
    }

    func testRejectsDegenerateInput() {
        assertThrows(.tooFewValues) { try Correlation.test(.pearson, [1, 2], [2, 1]) }
        assertThrows(.lengthMismatch) { try Correlation.test(.pearson, [1, 2, 3], [2, 1]) }
        assertThrows(.zeroVariance) { try Correlation.test(.spearman, [1, 1, 1], [1, 2, 3]) }
        assertThrows(.zeroVariance) { try Correlation.test(.pearson, [1, 2, 3], [0.1, 0.1, 0.1]) }
        assertThrows(.nonFiniteValue) { try Correlation.test(.pearson, [1, 2, .nan], [1, 2, 3]) }
        assertThrows(.undefinedStatistic) {
            try Correlation.bootstrapInterval(.pearson, [1, 1, 1], [1, 2, 3], key: SeedKey(1))
        }
    }
}
