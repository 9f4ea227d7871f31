import Foundation
import Networks
import NumericsCore
import XCTest

/// The fully assembled Hessian of tiny networks: columns H e_p by the R-operator against
/// finite differences of the gradient, and symmetry.
final class HessianTests: XCTestCase {
    private func assembled(_ architecture: Architecture, _ w: [Double], _ batch: Batch) throws -> [[Double]] {
        let n = w.count
        let units = (0..<n).map { p in (0..<n).map { $0 == p ? 1.0 : 0.0 } }
        return try architecture.hessianVectorProducts(parameters: w, vectors: units, batch: batch).products
    }

    private func check(_ architecture: Architecture, seed: UInt64) throws {
        let data = try randomDataset(for: architecture, sampleCount: 11, key: SeedKey(seed))
        let w = randomParameters(architecture.layout, key: SeedKey(seed + 1), scale: 0.8)
        let batch = Batch(data)
        let columns = try assembled(architecture, w, batch)
        let n = w.count
        let scale = columns.flatMap { $0 }.map(\.magnitude).max() ?? 1
        // Symmetry: exact HVPs are symmetric up to rounding (~1e-16 · ‖H‖ per term).
        var asymmetry = 0.0
        for i in 0..<n { for j in 0..<n { asymmetry = max(asymmetry, (columns[i][j] - columns[j][i]).magnitude) } }
        XCTAssertLessThanOrEqual(asymmetry, 1e-10 * max(scale, 1), "H = Hᵀ")
        // Columns against central differences of the gradient, h = 1e-5 (error ~1e-10).
        let h = 1e-5
        for p in 0..<n {
            var plus = w, minus = w
            plus[p] += h
            minus[p] -= h
            let gPlus = try architecture.lossAndGradient(parameters: plus, batch: batch).gradient
            let gMinus = try architecture.lossAndGradient(parameters: minus, batch: batch).gradient
            assertClose(columns[p], zip(gPlus, gMinus).map { ($0 - $1) / (2 * h) }, absolute: 1e-7, relative: 1e-6,
                        "column \(p)")
        }
        // The batched product equals the single one bit for bit (shared forward pass).
        let single = try architecture.hessianVectorProduct(parameters: w, vector: w, batch: batch)
        let batched = try architecture.hessianVectorProducts(parameters: w, vectors: [w, w.map { -$0 }], batch: batch)
        XCTAssertEqual(single, batched.products[0])
        XCTAssertEqual(single.map { -$0 }, batched.products[1])
        XCTAssertEqual(batched.gradient, try architecture.lossAndGradient(parameters: w, batch: batch).gradient)
    }

    func testTwoThreeOneSigmoidMSE() throws {
        try check(try Architecture(layerSizes: [2, 3, 1], hiddenActivation: .sigmoid,
                                   outputActivation: .sigmoid, loss: .meanSquaredError), seed: 1)
    }

    func testTwoThreeTwoSoftmaxCrossEntropy() throws {
        try check(try Architecture(layerSizes: [2, 3, 2], hiddenActivation: .tanh,
                                   outputActivation: .softmax, loss: .softmaxCrossEntropy), seed: 3)
    }

    func testTwoThreeTwoSoftmaxMSEAndReLU() throws {
        try check(try Architecture(layerSizes: [2, 3, 2], hiddenActivation: .relu,
                                   outputActivation: .softmax, loss: .meanSquaredError), seed: 5)
    }

    func testLinearRegressionHessianIsTwiceTheSecondMoment() throws {
        // L = mean (wᵀx + b − y)² has H = (2/m) Σ x̃ x̃ᵀ with x̃ = (x, 1), independent of w.
        let architecture = try Architecture(layerSizes: [2, 1], hiddenActivation: .linear,
                                            outputActivation: .linear, loss: .meanSquaredError)
        let data = try randomDataset(for: architecture, sampleCount: 9, key: SeedKey(4))
        let columns = try assembled(architecture, [0.3, -0.2, 0.1], Batch(data))
        let m = 9
        for i in 0..<3 {
            for j in 0..<3 {
                var sum = 0.0
                for n in 0..<m {
                    let a = i < 2 ? data.inputs[i * m + n] : 1
                    let b = j < 2 ? data.inputs[j * m + n] : 1
                    sum += a * b
                }
                XCTAssertEqual(columns[j][i], 2 * sum / Double(m), accuracy: 1e-14)
            }
        }
    }
}
