import Dispatch
import Networks
import NumericsCore
import XCTest

/// The dense (DGEMM) engine against the block-kernel implementation of `Architecture`
/// (loss, gradient, accuracy, Hessian–vector products), against finite differences, and
/// for bit-identical results across calls, engines and concurrent threads.
final class DenseEngineTests: XCTestCase {
    /// Chunks of 16 samples on 37 samples: two full chunks and a tail of 5, so chunk
    /// boundaries, padding and the gradient accumulation across chunks are all exercised.
    private let sampleCount = 37
    private let chunkWidth = 16

    private func architectures() throws -> [Architecture] {
        var result: [Architecture] = []
        for activation in Activation.allCases {
            for (output, loss) in outputLossPairs {
                let outputs = output == .softmax ? 3 : 2
                result.append(try Architecture(layerSizes: [4, 5, 3, outputs], hiddenActivation: activation,
                                               outputActivation: output, loss: loss))
            }
        }
        // One output (the ŷ ≥ ½ accuracy rule) and no hidden layer (logistic regression).
        result.append(try Architecture(layerSizes: [3, 6, 1], hiddenActivation: .tanh,
                                       outputActivation: .sigmoid, loss: .binaryCrossEntropy))
        result.append(try Architecture(layerSizes: [5, 2], hiddenActivation: .relu,
                                       outputActivation: .sigmoid, loss: .binaryCrossEntropy))
        return result
    }

    /// ‖a − b‖∞ ≤ tolerance · max(‖b‖∞, tiny): relative to the vector's scale, because
    /// single entries of a gradient can be sums that cancel to far below that scale.
    private func assertNear(_ a: [Double], _ b: [Double], _ tolerance: Double, _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        let scale = max(b.map(\.magnitude).max() ?? 0, 1e-300)
        assertClose(a, b, absolute: tolerance * scale, relative: tolerance, message, file: file, line: line)
    }

    func testLossGradientAndAccuracyAgreeWithTheBlockKernels() throws {
        for (index, architecture) in try architectures().enumerated() {
            let name = "\(architecture.layerSizes) \(architecture.hiddenActivation) "
                + "\(architecture.outputActivation) \(architecture.loss)"
            let data = try randomDataset(for: architecture, sampleCount: sampleCount, key: SeedKey(UInt64(100 + index)))
            let w = randomParameters(architecture.layout, key: SeedKey(UInt64(200 + index)))
            for kernel in DenseEngine.Kernel.allCases {
            let name = name + " \(kernel)"
            let engine = DenseEngine(architecture: architecture, kernel: kernel, chunkWidth: chunkWidth)
            let subset = try Batch(data, indices: [3, 0, 36, 7, 7, 20, 11, 2, 30, 18, 25, 1, 9, 33, 14, 5, 28, 22])
            for batch in [Batch(data), subset] {
                let expected = try architecture.lossAndGradient(parameters: w, batch: batch)
                let actual = try engine.lossAndGradient(parameters: w, batch: batch)
                XCTAssertEqual(actual.loss, expected.loss, accuracy: 1e-12 * expected.loss.magnitude, name)
                assertNear(actual.gradient, expected.gradient, 1e-12, name)
                XCTAssertEqual(try engine.loss(parameters: w, batch: batch), actual.loss, name)
            }
            let expected = try architecture.evaluate(parameters: w, on: data)
            let actual = try engine.evaluate(parameters: w, on: data)
            XCTAssertEqual(actual.correctCount, expected.correctCount, name)
            XCTAssertEqual(actual.sampleCount, sampleCount, name)
            XCTAssertEqual(actual.loss, expected.loss, accuracy: 1e-12 * expected.loss.magnitude, name)
            }
        }
    }

    func testSoftmaxCrossEntropyGradientMatchesCentralDifferences() throws {
        let architecture = try Architecture(layerSizes: [3, 4, 3], hiddenActivation: .tanh,
                                            outputActivation: .softmax, loss: .softmaxCrossEntropy)
        let data = try randomDataset(for: architecture, sampleCount: 21, key: SeedKey(7))
        let w = randomParameters(architecture.layout, key: SeedKey(8), scale: 0.8)
        let engine = DenseEngine(architecture: architecture, chunkWidth: 8)
        let batch = Batch(data)
        let gradient = try engine.lossAndGradient(parameters: w, batch: batch).gradient
        let h = 1e-6
        var differences: [Double] = []
        for p in 0..<w.count {
            var plus = w, minus = w
            plus[p] += h
            minus[p] -= h
            differences.append((try engine.loss(parameters: plus, batch: batch)
                - engine.loss(parameters: minus, batch: batch)) / (2 * h))
        }
        assertClose(gradient, differences, absolute: 1e-8, relative: 1e-6, "central differences")
    }

    func testHessianVectorProductsAgreeWithTheBlockKernels() throws {
        for (index, architecture) in try architectures().enumerated() {
            let name = "\(architecture.layerSizes) \(architecture.hiddenActivation) "
                + "\(architecture.outputActivation) \(architecture.loss)"
            let data = try randomDataset(for: architecture, sampleCount: sampleCount, key: SeedKey(UInt64(300 + index)))
            let w = randomParameters(architecture.layout, key: SeedKey(UInt64(400 + index)))
            let v1 = randomParameters(architecture.layout, key: SeedKey(UInt64(500 + index)), scale: 1)
            let v2 = randomParameters(architecture.layout, key: SeedKey(UInt64(600 + index)), scale: 1)
            for kernel in DenseEngine.Kernel.allCases {
            let name = name + " \(kernel)"
            let engine = DenseEngine(architecture: architecture, kernel: kernel, chunkWidth: chunkWidth)
            let subset = try Batch(data, indices: Array(stride(from: 36, through: 0, by: -2)))
            for batch in [Batch(data), subset] {
                let expected = try architecture.hessianVectorProducts(parameters: w, vectors: [v1, v2], batch: batch)
                let actual = try engine.hessianVectorProducts(parameters: w, vectors: [v1, v2], batch: batch)
                XCTAssertEqual(actual.loss, expected.loss, accuracy: 1e-12 * expected.loss.magnitude, name)
                assertNear(actual.gradient, expected.gradient, 1e-12, name + " gradient")
                assertNear(actual.products[0], expected.products[0], 1e-11, name + " H v1")
                assertNear(actual.products[1], expected.products[1], 1e-11, name + " H v2")
                // Products share the pass but not their arithmetic: each equals the single one.
                let single = try engine.hessianVectorProducts(parameters: w, vectors: [v2], batch: batch)
                assertBitwiseEqual(single.products[0], actual.products[1], name + " single vs shared")
                assertBitwiseEqual(single.gradient, actual.gradient, name + " gradient with products")
                assertBitwiseEqual(try engine.lossAndGradient(parameters: w, batch: batch).gradient,
                                   actual.gradient, name + " gradient without products")
            }
            }
        }
    }

    /// The native kernel's loss, gradient and accuracy are one fixed chain per element
    /// over the batch: the same bits for every chunk width (tails of 0–23 samples, whole
    /// and partial 8-row groups, the 3-input and 1-input gradient tiles).
    func testNativeResultsDoNotDependOnTheChunkWidth() throws {
        let architecture = try Architecture(layerSizes: [13, 70, 11], hiddenActivation: .tanh,
                                            outputActivation: .softmax, loss: .softmaxCrossEntropy)
        let data = try randomDataset(for: architecture, sampleCount: 203, key: SeedKey(21))
        let w = randomParameters(architecture.layout, key: SeedKey(22))
        let batches = [Batch(data), try Batch(data, indices: (0..<150).map { ($0 * 37) % 203 })]
        for batch in batches {
            let reference = try DenseEngine(architecture: architecture, chunkWidth: 8)
                .lossAndGradient(parameters: w, batch: batch)
            for width in [16, 24, 56, 200, 256] {
                let engine = DenseEngine(architecture: architecture, chunkWidth: width)
                let result = try engine.lossAndGradient(parameters: w, batch: batch)
                XCTAssertEqual(result.loss.bitPattern, reference.loss.bitPattern, "width \(width)")
                assertBitwiseEqual(result.gradient, reference.gradient, "width \(width)")
            }
            let expected = try architecture.lossAndGradient(parameters: w, batch: batch)
            assertNear(reference.gradient, expected.gradient, 1e-12, "against the block kernels")
        }
    }

    /// The E4 network: 50 890 parameters, and the engine agrees with the block kernels on it.
    func testE4NetworkShape() throws {
        let architecture = try Architecture(layerSizes: [784, 64, 10], hiddenActivation: .tanh,
                                            outputActivation: .softmax, loss: .softmaxCrossEntropy)
        XCTAssertEqual(architecture.parameterCount, 50_890)
        XCTAssertEqual(architecture.layout.weightMask.filter { $0 }.count, 50_816)
        var stream = SeedKey(9).stream()
        let m = 300
        let inputs = (0..<(784 * m)).map { _ in stream.uniform() }
        let labels = (0..<m).map { _ in stream.index(below: 10) }
        let data = try Dataset(inputs: inputs, targets: Dataset.oneHotTargets(labels: labels, classCount: 10),
                               inputCount: 784, outputCount: 10)
        let w = Initialization.normal(standardDeviation: 1).parameters(for: architecture.layout, key: SeedKey(10))
        let v = randomParameters(architecture.layout, key: SeedKey(11), scale: 1)
        let batch = Batch(data)
        let expected = try architecture.hessianVectorProducts(parameters: w, vectors: [v], batch: batch)
        for kernel in DenseEngine.Kernel.allCases {
            let engine = DenseEngine(architecture: architecture, kernel: kernel)
            let actual = try engine.hessianVectorProducts(parameters: w, vectors: [v], batch: batch)
            XCTAssertEqual(actual.loss, expected.loss, accuracy: 1e-12 * expected.loss)
            assertNear(actual.gradient, expected.gradient, 1e-12, "E4 gradient \(kernel)")
            assertNear(actual.products[0], expected.products[0], 1e-11, "E4 H v \(kernel)")
            XCTAssertEqual(try engine.evaluate(parameters: w, on: data).correctCount,
                           try architecture.evaluate(parameters: w, on: data).correctCount)
        }
    }

    /// Bit-identical results: the same engine twice, a fresh engine, and two engines on two
    /// threads at once (each job single-threaded in BLAS, as in training).
    func testResultsAreBitIdenticalAcrossCallsEnginesAndThreads() throws {
        let architecture = try Architecture(layerSizes: [784, 64, 10], hiddenActivation: .tanh,
                                            outputActivation: .softmax, loss: .softmaxCrossEntropy)
        var stream = SeedKey(12).stream()
        let m = 1000
        let inputs = (0..<(784 * m)).map { _ in stream.uniform() }
        let labels = (0..<m).map { _ in stream.index(below: 10) }
        let data = try Dataset(inputs: inputs, targets: Dataset.oneHotTargets(labels: labels, classCount: 10),
                               inputCount: 784, outputCount: 10)
        let batch = Batch(data)
        let parameters = (0..<2).map { Initialization.normal(standardDeviation: 1).parameters(
            for: architecture.layout, key: SeedKey(13).derive("init", $0)) }
        let v = randomParameters(architecture.layout, key: SeedKey(14), scale: 1)
        for kernel in DenseEngine.Kernel.allCases {
        let engine = DenseEngine(architecture: architecture, kernel: kernel)
        let first = try parameters.map { try engine.hessianVectorProducts(parameters: $0, vectors: [v], batch: batch) }
        let second = try parameters.map { try engine.hessianVectorProducts(parameters: $0, vectors: [v], batch: batch) }
        XCTAssertEqual(first, second)
        let fresh = try DenseEngine(architecture: architecture, kernel: kernel)
            .hessianVectorProducts(parameters: parameters[1], vectors: [v], batch: batch)
        XCTAssertEqual(fresh, first[1])
        if kernel == .blas { XCTAssertEqual(BLASSettings.current().threadCount, 1) }
        for _ in 0..<3 {
            let concurrent = try Parallel.map([0, 1], threads: 2) { index in
                try DenseEngine(architecture: architecture, kernel: kernel)
                    .hessianVectorProducts(parameters: parameters[index], vectors: [v], batch: batch)
            }
            for index in 0..<2 {
                XCTAssertEqual(concurrent[index].loss.bitPattern, first[index].loss.bitPattern)
                assertBitwiseEqual(concurrent[index].gradient, first[index].gradient, "thread \(index) gradient")
                assertBitwiseEqual(concurrent[index].products[0], first[index].products[0], "thread \(index) H v")
            }
        }
        }
    }

    /// A group pass gives every network exactly the bits of its own single pass.
    func testGroupPassEqualsSinglePasses() throws {
        let architecture = try Architecture(layerSizes: [9, 20, 4], hiddenActivation: .relu,
                                            outputActivation: .softmax, loss: .softmaxCrossEntropy)
        let data = try randomDataset(for: architecture, sampleCount: 75, key: SeedKey(31))
        let networks = (0..<3).map { randomParameters(architecture.layout, key: SeedKey(32).derive("w", $0)) }
        for kernel in DenseEngine.Kernel.allCases {
            for batch in [Batch(data), try Batch(data, indices: (0..<40).map { (7 * $0) % 75 })] {
                let engine = DenseEngine(architecture: architecture, kernel: kernel, chunkWidth: 32)
                var gradients = [[Double]](repeating: [Double](repeating: 0, count: architecture.parameterCount),
                                           count: networks.count)
                var results = [DenseEngine.PassResult](repeating: .init(loss: 0, correct: 0), count: networks.count)
                let flat = networks.flatMap { $0 }
                var flatGradients = [Double](repeating: 0, count: flat.count)
                let p = architecture.parameterCount
                flat.withUnsafeBufferPointer { w in
                    flatGradients.withUnsafeMutableBufferPointer { g in
                        results.withUnsafeMutableBufferPointer { r in
                            engine.passes(parameters: (0..<3).map { w.baseAddress! + $0 * p }, batch: batch,
                                          gradients: (0..<3).map { g.baseAddress! + $0 * p }, countCorrect: true,
                                          results: r.baseAddress!)
                        }
                    }
                }
                for k in 0..<3 { gradients[k] = Array(flatGradients[(k * p)..<((k + 1) * p)]) }
                for (k, w) in networks.enumerated() {
                    let single = try engine.lossAndGradient(parameters: w, batch: batch)
                    XCTAssertEqual(results[k].loss.bitPattern, single.loss.bitPattern, "\(kernel) network \(k)")
                    assertBitwiseEqual(gradients[k], single.gradient, "\(kernel) network \(k)")
                    if batch.indices == nil {
                        XCTAssertEqual(results[k].correct, try engine.evaluate(parameters: w, on: data).correctCount)
                    }
                }
            }
        }
    }

    func testBLASSettingsAreReported() {
        _ = BLASSettings.current()
        BLASSettings.useOneThread()
        let settings = BLASSettings.current()
        XCTAssertFalse(settings.coreName.isEmpty)
        XCTAssertTrue(settings.configuration.contains("OpenBLAS"), settings.configuration)
        XCTAssertEqual(settings.threadCount, 1)
        XCTAssertTrue(settings.summary.contains("core=\(settings.coreName)"))
    }
}
