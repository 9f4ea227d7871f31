import XCTest
@testable import Statistics

/// Student t distribution against scipy.stats.t (scipy 1.17.1; reference/scipy_reference.py).
/// Tolerance 1e-10 relative, the accuracy the module promises; scipy (Boost) is accurate to
/// ~1e-15, so a failure means our value is off, not scipy's.
final class StudentTTests: XCTestCase {
    func t(_ nu: Double) throws -> StudentTDistribution { try StudentTDistribution(degreesOfFreedom: nu) }

    func testQuantile975MatchesScipyForTextbookDegreesOfFreedom() throws {
        // stats.t.ppf(0.975, df)
        let expected: [(Double, Double)] = [
            (1, 12.706204736174694), (2, 4.302652729749462), (5, 2.5705818356363146),
            (30, 2.0422724563012378), (1000, 1.9623390808264083),
        ]
        for (nu, value) in expected {
            assertClose(try t(nu).quantile(0.975), value, relative: 1e-10, "ν = \(nu)")
        }
    }

    func testQuantileMatchesScipyInTailsAndForFractionalDegreesOfFreedom() throws {
        let cases: [(nu: Double, p: Double, value: Double, call: String)] = [
            (0.5, 0.995, 4113.964588804174, "stats.t.ppf(0.995, 0.5)"),
            (3.7, 0.9, 1.5575658388615072, "stats.t.ppf(0.9, 3.7)"),
            (3, 1e-10, -2225.769284683093, "stats.t.ppf(1e-10, 3)"),
            // stats.t.ppf(0.5 + 1e-9, 10) = 2.569977962549568e-09 is 1.2e-10 off; 50-digit mpmath
            // (findroot of betainc(½, 5, 0, t²/(10 + t²))/2 = p − ½) gives 2.56997796224654977e-09.
            (10, 0.5 + 1e-9, 2.56997796224654977e-09, "mpmath, see comment"),
            (1e6, 0.975, 1.959966356814107, "stats.t.ppf(0.975, 1e6)"),
            (7, 0.025, -2.3646242515927844, "stats.t.ppf(0.025, 7)"),
            (1, 1e-6, -318309.8861827435, "stats.t.ppf(1e-6, 1)"),
            (2, 0.3, -0.6172133998483678, "stats.t.ppf(0.3, 2)"),
            (0.2, 1e-5, -7.508285934582988e+22, "stats.t.ppf(1e-5, 0.2)"),
        ]
        for c in cases {
            assertClose(try t(c.nu).quantile(c.p), c.value, relative: 1e-10, c.call)
        }
    }

    func testCdfAndSurvivalMatchScipy() throws {
        assertClose(try t(5).cdf(2.0), 0.9490302605850708, relative: 1e-10)        // stats.t.cdf(2.0, 5)
        assertClose(try t(2).cdf(-3.0), 0.04773298313335456, relative: 1e-10)      // stats.t.cdf(-3.0, 2)
        assertClose(try t(30).cdf(0.1), 0.5394951941048645, relative: 1e-10)       // stats.t.cdf(0.1, 30)
        assertClose(try t(3).survival(10.0), 0.0010641995292070751, relative: 1e-10)  // stats.t.sf(10.0, 3)
        assertClose(try t(1000).survival(40.0), 5.239426077586636e-210, relative: 1e-10)  // stats.t.sf(40.0, 1000)
        assertClose(try t(0.5).cdf(1.5), 0.7460491046759459, relative: 1e-10)      // stats.t.cdf(1.5, 0.5)
        assertClose(try t(7).cdf(1e-8), 0.5000000038499145, relative: 1e-10)       // stats.t.cdf(1e-8, 7)
        assertClose(try t(1e6).survival(3.0), 0.0013499312707109, relative: 1e-10)  // stats.t.sf(3.0, 1e6)
        assertClose(try t(12.5).cdf(-2.2), 0.023641591451071933, relative: 1e-10)  // stats.t.cdf(-2.2, 12.5)
        assertClose(try t(2).survival(1e6), 4.999999999992501e-13, relative: 1e-10)  // stats.t.sf(1e6, 2)
        assertClose(try t(4).density(1.3), 0.15538195452212658, relative: 1e-10)   // stats.t.pdf(1.3, 4)
        assertClose(try t(1000).density(0), 0.3988425573137068, relative: 1e-10)   // stats.t.pdf(0.0, 1000)
    }

    func testClosedFormsForOneAndTwoDegreesOfFreedom() throws {
        // ν = 1 is Cauchy: F(t) = ½ + arctan(t)/π. ν = 2: F(t) = ½ + t / (2√(2 + t²)).
        for value in [-50.0, -3.0, -0.4, 0.2, 1.0, 7.5, 1e4] {
            assertClose(try t(1).cdf(value), 0.5 + atan(value) / Double.pi, relative: 1e-12)
            assertClose(try t(2).cdf(value), 0.5 + value / (2 * (2 + value * value).squareRoot()), relative: 1e-12)
        }
        // Quantile of the Cauchy distribution: tan(π(p − ½)).
        for p in [0.01, 0.2, 0.6, 0.9, 0.999] {
            assertClose(try t(1).quantile(p), tan(Double.pi * (p - 0.5)), relative: 1e-12)
        }
    }

    func testQuantileInvertsCdfAcrossDegreesOfFreedom() throws {
        // Round trip cdf(quantile(p)) = p; the relative tolerance 1e-12 is loose against the
        // ~1e-15 of each step but tight enough to catch a wrong branch or a stalled solver.
        for nu in [0.05, 0.3, 1, 2.5, 4, 17, 250, 1e5, 1e9] {
            let dist = try t(nu)
            for p in [1e-12, 1e-4, 0.01, 0.1, 0.3, 0.49, 0.5001, 0.7, 0.95, 0.999] {
                let q = try dist.quantile(p)
                let back = p < 0.5 ? try dist.cdf(q) : 1 - (try dist.survival(q))
                assertClose(back, p, relative: 1e-12, absolute: 1e-300, "ν = \(nu), p = \(p), t = \(q)")
            }
        }
    }

    func testHugeDegreesOfFreedomApproachTheNormal() throws {
        // |F_ν(t) − Φ(t)| = O(1/ν) (A&S 26.7.5), so at ν = 1e12 they agree to ~1e-12.
        let dist = try t(1e12)
        for value in [-3.0, -1.0, 0.5, 2.0] {
            assertClose(try dist.cdf(value), NormalDistribution.standard.cdf(value), relative: 1e-10)
        }
    }

    func testLargeDegreesOfFreedomStayAccurate() throws {
        // 50-digit mpmath (reference/mpmath_reference.py): t_sf(t, ν) = betainc(ν/2, ½, 0, ν/(ν+t²))/2.
        // Before the large-a expansion, the continued fraction was off by 3e-8 at ν = 1e9 and
        // 6e-5 at ν = 1e12; the tolerance 1e-12 is the measured accuracy with a margin of 10.
        assertClose(try t(1e7).survival(2), 0.02275014544592147664, relative: 1e-12)
        assertClose(try t(1e9).survival(2), 0.022750132083156623547, relative: 1e-12)
        assertClose(try t(1e9).survival(3), 0.0013498980648689578339, relative: 1e-12)
        assertClose(try t(1e12).survival(2), 0.022750131948314184617, relative: 1e-12)
        assertClose(try t(200).survival(1.8), 0.036683834157927701639, relative: 1e-12)
    }

    func testTinyDegreesOfFreedomReachTheEndsOfTheDoubleRange() throws {
        // ν = 0.001: P(T > t) = 0.3 at t ≈ 1.1166e220 (mpmath findroot in ln t). The tail changes
        // by only ~5e-4 per unit of ln t there, so t is ill-conditioned: 1e-11 relative.
        assertClose(try t(0.001).quantile(0.3), -1.1166011909601347474e+220, relative: 1e-11)
        // ν = 0.05: even t = 1.79e308 leaves 1.7e-16 in the tail (mpmath), so the 1e-100
        // quantile is beyond the floating-point range and is reported as −∞.
        XCTAssertEqual(try t(0.05).quantile(1e-100), -.infinity)
        XCTAssertEqual(try t(0.05).quantile(1 - 1e-16), .infinity)  // upper tail 1.1e-16 < 1.7e-16
        assertClose(try t(0.05).survival(1.79e308), 1.734526333e-16, relative: 1e-9)
    }

    func testSpecialArgumentsAndErrors() throws {
        XCTAssertEqual(try t(3).quantile(0.5), 0)
        XCTAssertEqual(try t(3).quantile(0), -.infinity)
        XCTAssertEqual(try t(3).quantile(1), .infinity)
        XCTAssertEqual(try t(3).cdf(.infinity), 1)
        XCTAssertEqual(try t(3).cdf(-.infinity), 0)
        XCTAssertEqual(try t(3).twoSidedPValue(0), 1)
        assertThrows(.invalidParameter) { try StudentTDistribution(degreesOfFreedom: 0) }
        assertThrows(.invalidParameter) { try StudentTDistribution(degreesOfFreedom: .nan) }
        assertThrows(.probabilityOutOfRange) { try t(3).quantile(1.5) }
        assertThrows(.nonFiniteValue) { try t(3).cdf(.nan) }
    }
}
