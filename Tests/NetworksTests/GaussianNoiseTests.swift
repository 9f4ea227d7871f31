import Foundation
@testable import Networks
import NumericsCore
import XCTest

/// `RandomStream.fillStandardNormals` (the Langevin noise): its elementary functions
/// against glibc, its documented definition, and the moments of its output.
final class GaussianNoiseTests: XCTestCase {
    func testLogarithmIsWithinOneUlpOfGlibcOnTheUniformsRange() {
        var stream = SeedKey(11).stream()
        var worst = 0.0
        var inputs = (0..<200_000).map { _ in 1.0 - stream.uniform() }
        inputs += [1.0, 0.5, 0x1p-53, 1.0 - 0x1p-53, 0.7071067811865476, 0.7071067811865475, 1e-10, 0.999999]
        for x in inputs {
            let reference = Foundation.log(x)
            let error = reference == 0 ? GaussianNoise.logarithm(x).magnitude : (GaussianNoise.logarithm(x) - reference).magnitude / reference.ulp
            worst = max(worst, error)
        }
        XCTAssertLessThanOrEqual(worst, 1.0, "ulp error of ln against glibc")
    }

    func testCosineAndSineOfTwoPiMatchGlibc() {
        var stream = SeedKey(12).stream()
        var worst = 0.0
        let inputs = (0..<200_000).map { _ in stream.uniform() } + [0, 0.125, 0.25, 0.5, 0.75, 1 - 0x1p-53]
        for u in inputs {
            let (c, s) = GaussianNoise.cosineAndSineOfTwoPi(u)
            // 2πu itself rounds in the reference (|θ| < 2π: ≤ 4.5e-16 in the angle).
            worst = max(worst, (c - Foundation.cos(2 * Double.pi * u)).magnitude,
                        (s - Foundation.sin(2 * Double.pi * u)).magnitude)
        }
        XCTAssertLessThan(worst, 1e-15)
    }

    func testNormalsFollowTheDocumentedDefinition() {
        // Pair j: u1 = 1 − uniform(), u2 = uniform(); z = √(−2 ln u1)·(cos, sin)(2πu2).
        var stream = SeedKey(13).stream(), copy = stream
        let z = stream.standardNormals(301)   // odd, and across the 64-pair chunks
        for j in 0..<151 {
            let u1 = 1.0 - copy.uniform(), u2 = copy.uniform()
            let r = (-2.0 * Foundation.log(u1)).squareRoot()
            XCTAssertEqual(z[2 * j], r * Foundation.cos(2 * Double.pi * u2), accuracy: 1e-14)
            if 2 * j + 1 < z.count {
                XCTAssertEqual(z[2 * j + 1], r * Foundation.sin(2 * Double.pi * u2), accuracy: 1e-14)
            }
        }
        // The count only truncates: a prefix of a longer fill, bit for bit.
        var again = SeedKey(13).stream()
        XCTAssertEqual(Array(again.standardNormals(400).prefix(301)), z)
    }

    func testNormalsHaveStandardMomentsAndIndependentPairs() {
        var stream = SeedKey(14).stream()
        let n = 1_000_000
        let z = stream.standardNormals(n)
        let mean = z.reduce(0, +) / Double(n)
        let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        let fourth = z.reduce(0) { $0 + pow($1 - mean, 4) } / Double(n) / (variance * variance)
        var pairProduct = 0.0
        for j in 0..<(n / 2) { pairProduct += z[2 * j] * z[2 * j + 1] }
        let pairCorrelation = pairProduct / Double(n / 2)
        // Standard errors: mean 1e-3, variance 1.4e-3, kurtosis ~5e-3, pair product 1.4e-3.
        XCTAssertEqual(mean, 0, accuracy: 5e-3)
        XCTAssertEqual(variance, 1, accuracy: 7e-3)
        XCTAssertEqual(fourth, 3, accuracy: 0.03)
        XCTAssertEqual(pairCorrelation, 0, accuracy: 7e-3)
        XCTAssertEqual(Double(z.filter { $0.magnitude > 3 }.count) / Double(n), 0.0027, accuracy: 3e-4, "tails")
    }
}
