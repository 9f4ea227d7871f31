import Foundation
import Networks
import NumericsCore
import XCTest

/// The documented parameter layout, the initialization laws and their draw order.
final class LayoutAndInitializationTests: XCTestCase {
    func testLayoutIsLayerByLayerWeightsRowMajorThenBiases() throws {
        let layout = try ParameterLayout(layerSizes: [2, 3, 1])
        XCTAssertEqual(layout.count, 13)
        XCTAssertEqual(layout.layers[0].weights, 0..<6)
        XCTAssertEqual(layout.layers[0].biases, 6..<9)
        XCTAssertEqual(layout.layers[1].weights, 9..<12)
        XCTAssertEqual(layout.layers[1].biases, 12..<13)
        XCTAssertEqual(layout.tensors.map(\.range), [0..<6, 6..<9, 9..<12, 12..<13])
        XCTAssertEqual(layout.tensors.map(\.kind), [.weights, .biases, .weights, .biases])
        XCTAssertEqual(layout.weightMask.filter { $0 }.count, 9)
        // Row-major: W[j][i] of layer 0 at j·2 + i — check through the forward pass.
        let architecture = try Architecture(layerSizes: [2, 1], hiddenActivation: .linear,
                                            outputActivation: .linear, loss: .meanSquaredError)
        let data = try Dataset(inputRows: [[10, 100]], targetRows: [[0]])
        XCTAssertEqual(try architecture.outputs(parameters: [1, 2, 3], on: data), [1 * 10 + 2 * 100 + 3])
    }

    func testPyTorchDefaultDrawsWeightsThenBiasesFromOneStream() throws {
        let layout = try ParameterLayout(layerSizes: [4, 3, 2])
        let parameters = Initialization.pytorchDefault.parameters(for: layout, key: SeedKey(5))
        var stream = SeedKey(5).stream()
        var expected: [Double] = []
        for layer in layout.layers {
            let bound = 1 / Double(layer.inputCount).squareRoot()
            for _ in 0..<(layer.inputCount * layer.outputCount + layer.outputCount) {
                expected.append(stream.uniform(-bound, bound))
            }
        }
        XCTAssertEqual(parameters, expected)
        XCTAssertTrue(parameters[0..<15].allSatisfy { $0.magnitude <= 0.5 })
        XCTAssertTrue(parameters[15...].allSatisfy { $0.magnitude <= 1 / 3.0.squareRoot() })
    }

    func testZeroBiasLawsDrawOnlyWeights() throws {
        let layout = try ParameterLayout(layerSizes: [50, 40, 30])
        let normal = Initialization.normal(standardDeviation: 2).parameters(for: layout, key: SeedKey(1))
        var stream = SeedKey(1).stream()
        for layer in layout.layers {
            for p in layer.weights { XCTAssertEqual(normal[p], 2 * stream.normal()) }
            for p in layer.biases { XCTAssertEqual(normal[p], 0) }
        }
        let xavier = Initialization.xavierUniform.parameters(for: layout, key: SeedKey(2))
        let bound = (6.0 / 90.0).squareRoot()
        XCTAssertTrue(xavier[layout.layers[0].weights].allSatisfy { $0.magnitude <= bound })
        XCTAssertGreaterThan(xavier[layout.layers[0].weights].map(\.magnitude).max()!, 0.95 * bound)
        XCTAssertTrue(xavier[layout.layers[1].biases].allSatisfy { $0 == 0 })
        // He normal: sample std of 2000 weights within 10 % of √(2/50) (std error ≈ 1.6 %).
        let he = Initialization.heNormal.parameters(for: layout, key: SeedKey(3))
        let weights = Array(he[layout.layers[0].weights])
        let std = (weights.map { $0 * $0 }.reduce(0, +) / Double(weights.count)).squareRoot()
        XCTAssertEqual(std, (2.0 / 50).squareRoot(), accuracy: 0.1 * (2.0 / 50).squareRoot())
    }

    func testNoisyXORDataset() throws {
        let data = try xorDataset(sampleCount: 1000, key: SeedKey(4))
        XCTAssertEqual(data.sampleCount, 1000)
        XCTAssertEqual(data, try xorDataset(sampleCount: 1000, key: SeedKey(4)), "deterministic")
        XCTAssertTrue(data.targets.allSatisfy { $0 == 0 || $0 == 1 })
        // With noise 0.2, rounding recovers the bits except for |noise| > 0.5 (p ≈ 1.2 %).
        var agree = 0
        for n in 0..<1000 {
            let b0 = data.inputs[n] > 0.5, b1 = data.inputs[1000 + n] > 0.5
            if (b0 != b1 ? 1.0 : 0.0) == data.targets[n] { agree += 1 }
        }
        XCTAssertGreaterThan(agree, 950)
        let positives = data.targets.reduce(0, +)
        XCTAssertEqual(positives, 500, accuracy: 60, "XOR is 1 for half the inputs (±4σ)")
    }

    func testBatchScheduleIsAPermutationPerEpoch() {
        let schedule = BatchSchedule.shuffledMinibatches(size: 4, key: SeedKey(9))
        XCTAssertEqual(schedule.stepsPerEpoch(sampleCount: 10), 3)
        let epoch0 = (0..<3).map { schedule.indices(step: $0, sampleCount: 10)! }
        XCTAssertEqual(epoch0.map(\.count), [4, 4, 2], "the last batch is smaller (drop_last = False)")
        XCTAssertEqual(epoch0.flatMap { $0 }.sorted(), Array(0..<10))
        var stream = SeedKey(9).derive("epoch", 1).stream()
        let permutation = stream.permutation(10)
        let epoch1 = (3..<6).flatMap { schedule.indices(step: $0, sampleCount: 10)! }
        XCTAssertEqual(epoch1, permutation, "epoch e uses key.derive(\"epoch\", e)")
        XCTAssertNotEqual(epoch0.flatMap { $0 }, epoch1)
        XCTAssertNil(BatchSchedule.fullBatch.indices(step: 3, sampleCount: 10))
    }
}
