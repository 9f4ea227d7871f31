import Networks
import NumericsCore
import Datasets
import XCTest

/// Asserts |actual − expected| ≤ absolute + relative·|expected| elementwise.
func assertClose(_ actual: [Double], _ expected: [Double], absolute: Double, relative: Double = 0,
                 _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "length " + message, file: file, line: line)
    var worst = 0.0, worstIndex = -1
    for i in 0..<min(actual.count, expected.count) {
        let excess = (actual[i] - expected[i]).magnitude - (absolute + relative * expected[i].magnitude)
        if !(excess <= 0), worstIndex < 0 || excess > worst || excess.isNaN { worst = excess; worstIndex = i }
    }
    if worstIndex >= 0 {
        XCTFail("\(message): index \(worstIndex): \(actual[worstIndex]) vs \(expected[worstIndex])", file: file, line: line)
    }
}

/// Bitwise equality of two arrays (NaN equals NaN with the same bits).
func assertBitwiseEqual(_ a: [Double], _ b: [Double], _ message: String = "",
                        file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern), message, file: file, line: line)
}

/// A random data set for `architecture`: inputs N(0,1); targets matching the loss
/// (one-hot for softmax, {0,1} or probabilities for sigmoid, N(0,1) for linear).
func randomDataset(for architecture: Architecture, sampleCount: Int, key: SeedKey) throws -> Dataset {
    var stream = key.stream()
    let inputs = (0..<(architecture.inputCount * sampleCount)).map { _ in stream.normal() }
    let k = architecture.outputCount
    var targets = [Double](repeating: 0, count: k * sampleCount)
    switch architecture.outputActivation {
    case .softmax:
        for n in 0..<sampleCount { targets[stream.index(below: k) * sampleCount + n] = 1 }
    case .sigmoid:
        for i in 0..<targets.count { targets[i] = stream.uniform() }
    case .linear:
        for i in 0..<targets.count { targets[i] = stream.normal() }
    }
    return try Dataset(inputs: inputs, targets: targets, inputCount: architecture.inputCount, outputCount: k)
}

/// Parameters N(0, 0.5²) (biases included), so every unit is in its nonlinear range.
func randomParameters(_ layout: ParameterLayout, key: SeedKey, scale: Double = 0.5) -> [Double] {
    var stream = key.stream()
    return (0..<layout.count).map { _ in scale * stream.normal() }
}

/// The (output activation, loss) pairs the module supports.
let outputLossPairs: [(OutputActivation, Loss)] = [
    (.linear, .meanSquaredError), (.sigmoid, .meanSquaredError), (.softmax, .meanSquaredError),
    (.sigmoid, .binaryCrossEntropy), (.softmax, .softmaxCrossEntropy),
]

/// Noisy XOR (docs/PROTOCOL.md §2) as a training set with one {0, 1} target.
func xorDataset(sampleCount: Int, key: SeedKey) throws -> Dataset {
    try Dataset(NoisyXOR(sampleCount: sampleCount, noise: 0.2).generate(key: key), outputCount: 1)
}
