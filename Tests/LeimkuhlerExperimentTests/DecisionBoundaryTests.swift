import Datasets
import FileSchemas
import Foundation
import HDF5
import LeimkuhlerExperiment
import NetworkInference
import Networks
import NumericsCore
import ReportKit
import TestSupport
import XCTest

/// The typical-run rule and the decision-boundary grid as specifications (docs/PROTOCOL.md §4).
final class DecisionBoundaryTests: XCTestCase {
    func testTypicalRunIsTheLowerMedianWithTiesToTheSmallerSeed() {
        // Odd count: sorted 0.6, 0.7, 0.9 → the median 0.7 is seed 2.
        XCTAssertEqual(TypicalRun.index(finalAccuracies: [0.9, 0.6, 0.7]), 2)
        // Even count: sorted 0.5, 0.6, 0.8, 0.9 → the lower middle value 0.6 (seed 3), not 0.8.
        XCTAssertEqual(TypicalRun.index(finalAccuracies: [0.9, 0.5, 0.8, 0.6]), 3)
        // Ties: seeds 1, 2 and 4 share the median 0.7; the smallest seed index wins.
        XCTAssertEqual(TypicalRun.index(finalAccuracies: [0.9, 0.7, 0.7, 0.5, 0.7]), 1)
        // A diverged seed (NaN) takes no part: the median of 0.4, 0.8 is 0.4.
        XCTAssertEqual(TypicalRun.index(finalAccuracies: [0.8, .nan, 0.4]), 2)
        XCTAssertNil(TypicalRun.index(finalAccuracies: [.nan, .nan]))
    }

    /// A 2-2-1 ReLU/sigmoid network with hand-picked weights, in the layout of ParameterLayout
    /// (W₁ row-major out × in, b₁, W₂, b₂).
    static let network = try! FeedForwardNetwork(
        layerSizes: [2, 2, 1], hidden: "relu", output: "sigmoid", parameters: [1.0, -2.0, 0.5, 1.5, 0.25, -0.5, 2.0, -1.0, 0.1])

    /// The same network written out by hand: σ(w₂ · relu(W₁ x + b₁) + b₂).
    static func directProbability(_ x: Double, _ y: Double) -> Double {
        let p = network.parameters
        let z0: Double = p[0] * x + p[1] * y + p[4], z1: Double = p[2] * x + p[3] * y + p[5]
        let output: Double = p[6] * max(0, z0) + p[7] * max(0, z1) + p[8]
        return 1 / (1 + exp(-output))
    }

    func testStoredGridProbabilitiesEqualADirectEvaluation() throws {
        let test = DataFile.Split(inputs: [-1, 0, 1, 2, 0.5, -1], labels: [0, 1, 1], featureCount: 2)
        let run = DecisionBoundary.Run(network: Self.network, test: test, seedIndex: 3, finalAccuracy: 0.5, dataDraw: 3)
        var written = try DecisionBoundary.results([run, run], gridPoints: 5, margin: 0.25)
        written.rows = [4, 6]
        // x spans [−1, 1] widened by 0.25 · 2 on each side: −1.5 … 1.5; y spans [−1, 2] → −1.75 … 2.75.
        XCTAssertEqual(written.x, [-1.5, -0.75, 0, 0.75, 1.5])
        XCTAssertEqual(written.y.first!, -1.75, accuracy: 1e-12)
        XCTAssertEqual(written.y.last!, 2.75, accuracy: 1e-12)

        let directory = TemporaryDirectory("leimkuhler-boundary")
        let file = try HDF5File.create(directory.path + "/boundary.h5")
        try written.write(into: file)
        try file.close()
        let readFile = try HDF5File.open(directory.path + "/boundary.h5")
        defer { try? readFile.close() }
        let read = try DecisionBoundaryResults.read(from: readFile)
        XCTAssertEqual(read.rows, [4, 6])
        XCTAssertEqual(read.probability.shape, [2, 5, 5])
        for p in 0..<2 {
            let grid = read.probabilities(p)
            for i in read.y.indices {
                for j in read.x.indices {
                    // Both are the same doubles through different code: agreement to rounding.
                    XCTAssertEqual(grid[i * 5 + j], Self.directProbability(read.x[j], read.y[i]), accuracy: 1e-12, "panel \(p) at y[\(i)], x[\(j)]")
                }
            }
        }
        XCTAssertEqual(read.seedIndex, [3, 3])
        XCTAssertEqual(read.dataDraw, [3, 3])
        XCTAssertEqual(read.testPoints(0, label: 1).x, [1, 0.5])
        XCTAssertEqual(read.testPoints(0, label: 1).y, [2, -1])
        // The three test points: p(−1, 0) = 0.525 (label 0: wrong), p(1, 2) = 0.052 (label 1: wrong), p(½, −1) = 0.996 (right).
        XCTAssertEqual(DecisionBoundary.testAccuracy(of: run), 1.0 / 3.0, accuracy: 1e-15)
    }

    /// The grid of E5's shape (a 2-100-1 network on a two-spirals test set, a 101 × 101 grid)
    /// through the inference module is the training engine's forward pass bit for bit, for
    /// every hidden activation and for a softmax output; and the test accuracy is the
    /// engine's (`Architecture.evaluate`), the check the aggregate makes.
    func testGridIsBitIdenticalToTheTrainingEnginesForwardPass() throws {
        let test = TwoSpirals(sampleCount: 200).generate(key: SeedKey(11))
        for (hidden, output, loss, outputs) in [
            (Activation.tanh, OutputActivation.sigmoid, Loss.binaryCrossEntropy, 1), (.relu, .sigmoid, .binaryCrossEntropy, 1),
            (.sigmoid, .sigmoid, .meanSquaredError, 1), (.linear, .sigmoid, .binaryCrossEntropy, 1), (.tanh, .softmax, .softmaxCrossEntropy, 2),
        ] {
            let architecture = try Architecture(layerSizes: [2, 100, outputs], hiddenActivation: hidden, outputActivation: output, loss: loss)
            var random = SeedKey(5).derive(hidden.rawValue).stream()
            let parameters = (0..<architecture.parameterCount).map { _ in 2 * random.normal() }
            let run = DecisionBoundary.Run(
                network: try FeedForwardNetwork(layerSizes: [2, 100, outputs], hidden: hidden.rawValue, output: output.rawValue, parameters: parameters),
                test: DataFile.Split(inputs: test.inputs, labels: test.labels, featureCount: 2), seedIndex: 0, finalAccuracy: .nan, dataDraw: 0)
            let x = DecisionBoundary.axis(covering: test.inputs.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), margin: 0.05, count: 101)
            let y = DecisionBoundary.axis(covering: test.inputs.enumerated().filter { $0.offset % 2 == 1 }.map(\.element), margin: 0.05, count: 101)
            // The former implementation: the engine on a feature-major data set of the grid points.
            let m = x.count * y.count
            var inputs = [Double](repeating: 0, count: 2 * m)
            for i in y.indices {
                for j in x.indices { (inputs[i * x.count + j], inputs[m + i * x.count + j]) = (x[j], y[i]) }
            }
            let grid = try Dataset(inputs: inputs, targets: [Double](repeating: 0, count: outputs * m), inputCount: 2, outputCount: outputs)
            let engine = try architecture.outputs(parameters: parameters, on: grid)
            let row = outputs == 1 ? 0 : 1
            let expected = Array(engine[(row * m)..<((row + 1) * m)])
            let computed = DecisionBoundary.probabilities(of: run, x: x, y: y)
            XCTAssertEqual(computed.map(\.bitPattern), expected.map(\.bitPattern), "\(hidden) → \(output)")
            let accuracy = try architecture.evaluate(parameters: parameters, on: try Dataset(test, outputCount: outputs)).accuracy
            XCTAssertEqual(DecisionBoundary.testAccuracy(of: run), accuracy, "\(hidden) → \(output)")
        }
    }
}
