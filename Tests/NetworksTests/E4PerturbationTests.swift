import Foundation
import Networks
import NumericsCore
import XCTest

/// The checks docs/PROTOCOL.md §3 derives from the E4 protocol: a 784-64-10 MLP has 50 890
/// parameters, 50 816 of them weights, and the uniform ±ε weight perturbation starts the
/// replicas at an L1 distance (over all parameters) of 50 816·ε/2 ≈ 2.54e-4 for ε = 1e-8.
final class E4PerturbationTests: XCTestCase {
    func testParameterCountOfTheE4Network() throws {
        let layout = try ParameterLayout(layerSizes: [784, 64, 10])
        XCTAssertEqual(layout.count, 50_890, "784·64 + 64 + 64·10 + 10")
        XCTAssertEqual(layout.weightMask.filter { $0 }.count, 50_816, "784·64 + 64·10 perturbed weights")
    }

    /// d(0) = Σ_weights |δ_p| with δ_p ~ U(−ε, ε): |δ_p| ~ U(0, ε) has mean ε/2 and variance
    /// ε²/12, so d(0) has mean Nε/2 = 2.5408e-4 and standard deviation ε√(N/12) = 6.5e-7
    /// (N = 50 816; 0.26 % of the mean). Each of the 5 replicas (M = 5) must lie within 5
    /// standard deviations (a false alarm has probability < 1e-6 per replica). The weights
    /// are N(0, 1) as in E4; rounding w + δ costs at most half an ulp of w (4.4e-16 for
    /// |w| < 4) per weight, about 2e-11 in all: far below the spread.
    func testInitialSeparationOfTheE4Perturbation() throws {
        let layout = try ParameterLayout(layerSizes: [784, 64, 10])
        let epsilon = 1e-8
        let weightCount = 50_816.0
        let mean = weightCount * epsilon / 2
        let standardDeviation = epsilon * (weightCount / 12).squareRoot()
        XCTAssertEqual(mean, 2.5408e-4, accuracy: 1e-12)
        let reference = Initialization.normal(standardDeviation: 1).parameters(for: layout, key: SeedKey(2).derive("init", 0))
        let key = SeedKey(2).derive("perturbation", 0)
        for replica in 1...5 {
            var stream = key.derive("replica", replica).stream()
            let perturbed = PerturbationLaw.uniformOnWeights(halfWidth: epsilon).perturb(reference, layout: layout, stream: &stream)
            let distance = zip(perturbed, reference).map { abs($0 - $1) }.reduce(0, +)
            XCTAssertEqual(distance, mean, accuracy: 5 * standardDeviation, "replica \(replica)")
            for layer in layout.layers {
                XCTAssertEqual(Array(perturbed[layer.biases]), Array(reference[layer.biases]), "biases are not perturbed")
            }
        }
    }
}
