import Foundation
@testable import Networks
import NumericsCore
import XCTest

/// Back-propagation and the R-operator against central finite differences, for every
/// hidden activation × (output, loss) pair, on a net with two hidden layers (so that
/// hidden-to-hidden back-propagation is exercised) and 13 samples (not a multiple of 8,
/// so the padding of the last block is exercised).
final class GradientTests: XCTestCase {
    private func architectures() throws -> [Architecture] {
        var result: [Architecture] = []
        for activation in Activation.allCases {
            for (output, loss) in outputLossPairs {
                result.append(try Architecture(layerSizes: [3, 4, 3, output == .softmax ? 3 : 2],
                                               hiddenActivation: activation, outputActivation: output, loss: loss))
            }
        }
        return result
    }

    func testGradientMatchesCentralDifferences() throws {
        // h = 1e-6: truncation O(h²) ~ 1e-12 and rounding ~ 1e-16/h ~ 1e-10, so a 1e-7
        // bound (plus 1e-6 relative) separates a correct gradient from any wrong term.
        for (index, architecture) in try architectures().enumerated() {
            let data = try randomDataset(for: architecture, sampleCount: 13, key: SeedKey(UInt64(index)))
            let w = randomParameters(architecture.layout, key: SeedKey(100 + UInt64(index)))
            let batch = Batch(data)
            let exact = try architecture.lossAndGradient(parameters: w, batch: batch)
            XCTAssertEqual(exact.loss, try architecture.loss(parameters: w, batch: batch),
                           "loss-only and gradient passes agree bitwise")
            var numeric = [Double](repeating: 0, count: w.count)
            let h = 1e-6
            for p in 0..<w.count {
                var plus = w, minus = w
                plus[p] += h
                minus[p] -= h
                numeric[p] = (try architecture.loss(parameters: plus, batch: batch)
                    - architecture.loss(parameters: minus, batch: batch)) / (2 * h)
            }
            assertClose(exact.gradient, numeric, absolute: 1e-7, relative: 1e-6,
                        "\(architecture.hiddenActivation) \(architecture.outputActivation) \(architecture.loss)")
        }
    }

    func testHessianVectorProductMatchesDifferencesOfGradients() throws {
        // (∇L(w + hv) − ∇L(w − hv)) / 2h with h = 1e-5: error ~ h²‖∇³L‖ + 1e-16/h ≈ 1e-10.
        for (index, architecture) in try architectures().enumerated() {
            let data = try randomDataset(for: architecture, sampleCount: 13, key: SeedKey(UInt64(index)))
            let w = randomParameters(architecture.layout, key: SeedKey(200 + UInt64(index)))
            let v = randomParameters(architecture.layout, key: SeedKey(300 + UInt64(index)), scale: 1)
            let batch = Batch(data)
            let exact = try architecture.hessianVectorProduct(parameters: w, vector: v, batch: batch)
            let h = 1e-5
            let plus = try architecture.lossAndGradient(parameters: zip(w, v).map { $0 + h * $1 }, batch: batch)
            let minus = try architecture.lossAndGradient(parameters: zip(w, v).map { $0 - h * $1 }, batch: batch)
            let numeric = zip(plus.gradient, minus.gradient).map { ($0 - $1) / (2 * h) }
            assertClose(exact, numeric, absolute: 1e-7, relative: 1e-6,
                        "\(architecture.hiddenActivation) \(architecture.outputActivation) \(architecture.loss)")
        }
    }

    func testLossValuesMatchTheirDefinitions() throws {
        // One sample, no hidden layer, so ŷ is known in closed form: z = W x + b.
        let x = [0.3, -1.2], y2 = [0.25, 0.75]
        let w = [0.5, -0.4, 1.1, 0.7, 0.2, -0.3]  // W (2×2) row-major, then b
        let z0: Double = 0.5 * 0.3 + (-0.4) * (-1.2) + 0.2
        let z1: Double = 1.1 * 0.3 + 0.7 * (-1.2) + (-0.3)
        let z = [z0, z1]
        let data = try Dataset(inputRows: [x], targetRows: [y2])
        let sigmoid = z.map { 1 / (1 + Foundation.exp(-$0)) }
        let bce = try Architecture(layerSizes: [2, 2], hiddenActivation: .linear,
                                   outputActivation: .sigmoid, loss: .binaryCrossEntropy)
        let expectedBCE: [Double] = (0..<2).map { k in
            let positive: Double = y2[k] * Foundation.log(sigmoid[k])
            let negative: Double = (1 - y2[k]) * Foundation.log(1 - sigmoid[k])
            return -(positive + negative)
        }
        XCTAssertEqual(try bce.loss(parameters: w, batch: Batch(data)), expectedBCE[0] + expectedBCE[1], accuracy: 1e-15)
        let mse = try Architecture(layerSizes: [2, 2], hiddenActivation: .linear,
                                   outputActivation: .sigmoid, loss: .meanSquaredError)
        let expectedMSE = (0..<2).map { Foundation.pow(sigmoid[$0] - y2[$0], 2) }.reduce(0, +)
        XCTAssertEqual(try mse.loss(parameters: w, batch: Batch(data)), expectedMSE, accuracy: 1e-15)
        let ce = try Architecture(layerSizes: [2, 2], hiddenActivation: .linear,
                                  outputActivation: .softmax, loss: .softmaxCrossEntropy)
        let logSum = Foundation.log(Foundation.exp(z[0]) + Foundation.exp(z[1]))
        let expectedCE = -(y2[0] * (z[0] - logSum) + y2[1] * (z[1] - logSum))
        XCTAssertEqual(try ce.loss(parameters: w, batch: Batch(data)), expectedCE, accuracy: 1e-15)
        // Stable forms: huge logits give finite losses and gradients.
        let huge = w.map { $0 * 1e4 }
        XCTAssertTrue(try bce.lossAndGradient(parameters: huge, batch: Batch(data)).gradient.allSatisfy(\.isFinite))
        XCTAssertTrue(try ce.lossAndGradient(parameters: huge, batch: Batch(data)).loss.isFinite)
    }

    func testMinibatchEqualsTheSubsetAsADataset() throws {
        let architecture = try Architecture(layerSizes: [3, 5, 2], hiddenActivation: .tanh,
                                            outputActivation: .sigmoid, loss: .binaryCrossEntropy)
        let data = try randomDataset(for: architecture, sampleCount: 40, key: SeedKey(7))
        let w = randomParameters(architecture.layout, key: SeedKey(8))
        let indices = [5, 17, 3, 39, 22, 8, 11, 30, 0, 1, 2]
        let subset = try Dataset(
            inputs: (0..<3).flatMap { f in indices.map { data.inputs[f * 40 + $0] } },
            targets: (0..<2).flatMap { k in indices.map { data.targets[k * 40 + $0] } },
            inputCount: 3, outputCount: 2)
        let fromIndices = try architecture.lossAndGradient(parameters: w, batch: Batch(data, indices: indices))
        let fromSubset = try architecture.lossAndGradient(parameters: w, batch: Batch(subset))
        XCTAssertEqual(fromIndices, fromSubset, "same samples in the same order give the same bits")
    }

    func testResultsDoNotDependOnTheBlockWidth() throws {
        // The 8-lane sums make every block width give the same bits (LaneSum).
        let architecture = try Architecture(layerSizes: [4, 6, 5, 3], hiddenActivation: .sigmoid,
                                            outputActivation: .softmax, loss: .softmaxCrossEntropy)
        let data = try randomDataset(for: architecture, sampleCount: 301, key: SeedKey(9))
        let w = randomParameters(architecture.layout, key: SeedKey(10))
        let v = randomParameters(architecture.layout, key: SeedKey(11))
        var results: [[Double]] = []
        for width in [8, 16, 64, 128, 512] {
            let workspace = Workspace(architecture: architecture, blockWidth: width)
            var gradient = [Double](repeating: 0, count: w.count)
            var product = [Double](repeating: 0, count: w.count)
            let loss = w.withUnsafeBufferPointer { p in
                v.withUnsafeBufferPointer { d in
                    gradient.withUnsafeMutableBufferPointer { g in
                        product.withUnsafeMutableBufferPointer { out in
                            workspace.pass(parameters: p.baseAddress!, batch: Batch(data), gradient: g.baseAddress!,
                                           directions: [d.baseAddress!], products: [out.baseAddress!]).loss
                        }
                    }
                }
            }
            results.append([loss] + gradient + product)
        }
        for result in results.dropFirst() { assertBitwiseEqual(result, results[0]) }
    }

    func testInvalidRequestsThrowTypedErrors() throws {
        XCTAssertThrowsError(try Architecture(layerSizes: [2, 3, 1], hiddenActivation: .relu,
                                              outputActivation: .linear, loss: .binaryCrossEntropy)) {
            XCTAssertEqual($0 as? NetworkError, .incompatibleOutputAndLoss(.linear, .binaryCrossEntropy))
        }
        XCTAssertThrowsError(try Architecture(layerSizes: [2], hiddenActivation: .relu,
                                              outputActivation: .linear, loss: .meanSquaredError))
        let architecture = try Architecture(layerSizes: [2, 3, 1], hiddenActivation: .relu,
                                            outputActivation: .linear, loss: .meanSquaredError)
        let data = try randomDataset(for: architecture, sampleCount: 5, key: SeedKey(1))
        XCTAssertThrowsError(try architecture.loss(parameters: [1, 2], batch: Batch(data))) {
            XCTAssertEqual($0 as? NetworkError, .parameterCountMismatch(expected: 13, actual: 2))
        }
        XCTAssertThrowsError(try Batch(data, indices: [0, 5]))
    }
}
