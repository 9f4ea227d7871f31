import XCTest
@testable import Statistics

/// Normal distribution against scipy.stats.norm (scipy 1.17.1). AS 241 promises ~1e-16
/// relative; we test at 1e-13 (a few ulps of headroom over scipy's own ndtri) for the
/// quantile, and 1e-12 for erfc-based tails whose glibc erfc is good to a few ulps.
final class NormalDistributionTests: XCTestCase {
    let standard = NormalDistribution.standard

    func testQuantileMatchesScipy() throws {
        assertClose(try standard.quantile(0.975), 1.959963984540054, relative: 1e-13)    // stats.norm.ppf(0.975)
        assertClose(try standard.quantile(0.3), -0.5244005127080409, relative: 1e-13)    // stats.norm.ppf(0.3)
        assertClose(try standard.quantile(1e-10), -6.361340902404056, relative: 1e-13)   // stats.norm.ppf(1e-10)
        assertClose(try standard.quantile(1e-300), -37.0470962993612, relative: 1e-13)   // stats.norm.ppf(1e-300)
        assertClose(try standard.quantile(0.999999), 4.753424308817087, relative: 1e-13) // stats.norm.ppf(0.999999)
        let shifted = try NormalDistribution(mean: 2, standardDeviation: 3)
        assertClose(try shifted.quantile(0.2), -0.5248637007187424, relative: 1e-13)  // stats.norm.ppf(0.2, loc=2, scale=3)
    }

    func testCdfSurvivalAndDensityMatchScipy() throws {
        assertClose(standard.cdf(-1.5), 0.06680720126885807, relative: 1e-12)   // stats.norm.cdf(-1.5)
        assertClose(standard.survival(10), 7.61985302416047e-24, relative: 1e-12)  // stats.norm.sf(10.0)
        assertClose(standard.density(0.7), 0.31225393336676127, relative: 1e-12)  // stats.norm.pdf(0.7)
        let shifted = try NormalDistribution(mean: 2, standardDeviation: 3)
        assertClose(shifted.cdf(0.3), 0.285470335901444, relative: 1e-12)  // stats.norm.cdf(0.3, loc=2, scale=3)
    }

    func testQuantileInvertsCdfOnAllThreeBranchesOfAS241() throws {
        // |p − ½| ≤ 0.425, r ≤ 5, r > 5 are separate rational approximations.
        // The relative error of p = Φ(z) is amplified by d ln Φ / d ln z = z φ(z)/Φ(z) ≈ z² in
        // the far tail (≈ 900 at p = 1e-200), so the tolerance is 1e-14 · max(1, z²).
        for p in [1e-200, 1e-20, 1e-8, 0.01, 0.07, 0.5, 0.8, 0.93, 0.999] {
            let z = try standard.quantile(p)
            let back = p < 0.5 ? standard.cdf(z) : 1 - standard.survival(z)
            assertClose(back, p, relative: 1e-14 * max(1, z * z), "p = \(p)")
        }
    }

    func testEdgesAndErrors() throws {
        XCTAssertEqual(try standard.quantile(0.5), 0)
        XCTAssertEqual(try standard.quantile(0), -.infinity)
        XCTAssertEqual(try standard.quantile(1), .infinity)
        assertThrows(.probabilityOutOfRange) { try self.standard.quantile(-0.1) }
        assertThrows(.invalidParameter) { try NormalDistribution(mean: 0, standardDeviation: 0) }
        assertThrows(.invalidParameter) { try NormalDistribution(mean: .infinity, standardDeviation: 1) }
    }
}
