import XCTest
@testable import Statistics

/// OLS against scipy.stats.linregress (scipy 1.17.1) on the correlation data set, and the
/// 95% mean-response band against the formula evaluated in numpy with stats.t.ppf(0.975, n − 2).
/// Tolerance 1e-11 relative: closed forms, differing only in summation order.
final class LinearRegressionTests: XCTestCase {
    func testFitMatchesLinregress() throws {
        let fit = try LinearFit(x: CorrelationTests.x, y: CorrelationTests.y)
        // fit = stats.linregress(x, y): slope, intercept, stderr, intercept_stderr, rvalue**2
        assertClose(fit.slope, 0.8995878067484664, relative: 1e-11)
        assertClose(fit.intercept, 0.6387413726993865, relative: 1e-11)
        assertClose(fit.slopeStandardError, 0.09025665451654491, relative: 1e-11)
        assertClose(fit.interceptStandardError, 0.5035803694536501, relative: 1e-11)
        assertClose(fit.rSquared, 0.9085430232921851, relative: 1e-11)
        // np.sqrt(np.sum(residuals**2) / (n - 2))
        assertClose(fit.residualStandardDeviation, 0.7526921582200871, relative: 1e-11)
        // R² equals Pearson's r².
        let r = try Correlation.test(.pearson, CorrelationTests.x, CorrelationTests.y).coefficient
        assertClose(fit.rSquared, r * r, relative: 1e-12)
    }

    func testConfidenceBandMatchesFormula() throws {
        let fit = try LinearFit(x: CorrelationTests.x, y: CorrelationTests.y)
        let band = try fit.confidenceBand(at: [0, 5, 12])
        // fitted ∓ stats.t.ppf(0.975, n - 2) * s * np.sqrt(1/n + (grid - x.mean())**2 / sxx)
        let lower = [-0.4833056135778948, 4.652496169036948, 9.951477212620544]
        let upper = [1.7607883589766677, 5.620864643846489, 12.916112894741419]
        for i in 0..<3 {
            assertClose(band[i].lower, lower[i], relative: 1e-11)
            assertClose(band[i].upper, upper[i], relative: 1e-11)
            assertClose(band[i].fitted, fit.predict(band[i].x), relative: 1e-15)
        }
        // The band is narrowest at x̄.
        let atMean = try fit.confidenceBand(at: [fit.meanX])[0]
        XCTAssertLessThan(atMean.upper - atMean.lower, band[0].upper - band[0].lower)
        XCTAssertLessThan(atMean.upper - atMean.lower, band[2].upper - band[2].lower)
    }

    func testExactLineHasZeroResidualAndUnitRSquared() throws {
        let x = [0.0, 1, 2, 3, 4]
        let fit = try LinearFit(x: x, y: x.map { 2 - 0.5 * $0 })
        assertClose(fit.slope, -0.5, relative: 1e-15)
        assertClose(fit.intercept, 2, relative: 1e-15)
        XCTAssertEqual(fit.residualStandardDeviation, 0, accuracy: 1e-15)
        XCTAssertEqual(fit.rSquared, 1, accuracy: 1e-15)
    }

    func testRejectsDegenerateInput() throws {
        assertThrows(.tooFewValues) { try LinearFit(x: [1, 2], y: [1, 2]) }
        assertThrows(.zeroVariance) { try LinearFit(x: [1, 1, 1], y: [1, 2, 3]) }
        assertThrows(.zeroVariance) { try LinearFit(x: [1, 2, 3], y: [4, 4, 4]) }
        assertThrows(.lengthMismatch) { try LinearFit(x: [1, 2, 3], y: [4, 4]) }
        let fit = try LinearFit(x: [1, 2, 3, 4], y: [1, 3, 2, 4])
        assertThrows(.nonFiniteValue) { try fit.confidenceBand(at: [.nan]) }
        assertThrows(.confidenceLevelOutOfRange) { try fit.confidenceBand(at: [1], level: 0) }
    }
}
