import ArgumentParser
import Foundation
import Datasets
import Networks
import NumericsCore

/// Benchmarks of the training engine; numbers go in the README with their command.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks of the Networks training engine.",
        subcommands: [XOREnsemble.self, MLPFullBatch.self, FashionEnsemble.self, SpiralsBenchmark.self, Compare.self])
}

/// Reference workload of the brief: noisy XOR, 2-8-1 sigmoid/sigmoid, MSE, full-batch GD,
/// reference + 15 replicas, 2000 steps, float64.
struct XOREnsemble: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xor-ensemble",
        abstract: "16 runs of 2-8-1 sigmoid MSE full-batch GD on 1000 XOR samples; prints sample_steps_per_s.")

    @Option(help: "Worker threads.") var threads = 1
    @Option(help: "Training steps.") var steps = 2000
    @Option(help: "Replicas besides the reference.") var replicas = 15
    @Option(help: "Record reference parameters and evaluations every k steps.") var recordInterval = 1
    @Option(help: "Learning rate.") var learningRate = 1.0

    func run() throws {
        let processStart = ContinuousClock.now
        let architecture = try Architecture(layerSizes: [2, 8, 1], hiddenActivation: .sigmoid,
                                            outputActivation: .sigmoid, loss: .meanSquaredError)
        let root = SeedKey(1)
        let training = try xorDataset(sampleCount: 1000, key: root.derive("train"))
        let test = try xorDataset(sampleCount: 1000, key: root.derive("test"))
        let initial = Initialization.pytorchDefault.parameters(for: architecture.layout, key: root.derive("init"))
        let configuration = EnsembleConfiguration(
            architecture: architecture, trainingSet: training, testSet: test,
            optimizer: GradientDescent(learningRate: learningRate), stepCount: steps,
            recordInterval: recordInterval, initialParameters: initial,
            replicas: ReplicaPlan(count: replicas, law: .uniformOnWeights(halfWidth: 1e-8), key: root.derive("replicas")))
        print("xor-ensemble: 2-8-1 sigmoid/sigmoid MSE, full-batch GD eta=\(learningRate), m=1000, "
            + "\(replicas + 1) runs, \(steps) steps, record interval \(recordInterval), threads=\(threads)")
        let start = ContinuousClock.now
        let result = try EnsembleTrainer.train(configuration, threadCount: threads)
        let seconds = (ContinuousClock.now - start).seconds
        let sampleSteps = Double(result.runCount) * Double(training.sampleCount) * Double(steps)
        print("reference loss: \(result.trainingLoss(run: 0).first ?? .nan) -> \(result.trainingLoss(run: 0).last ?? .nan)")
        if replicas > 0 {
            print("replica 1 L1 distance: \(result.distanceL1(replica: 1).first ?? .nan) -> \(result.distanceL1(replica: 1).last ?? .nan)")
        }
        print("result checksum: \(checksum(result))")
        print("training wall time: \(seconds) s")
        print("process wall time: \((ContinuousClock.now - processStart).seconds) s (from entering main)")
        print("process CPU time: \(processCPUSeconds()) s (user + system, all threads)")
        print("sample_steps_per_s=\(sampleSteps / seconds)")
    }
}

/// The general path on a big layer: 784-64-10 tanh, softmax cross-entropy, full batch.
struct MLPFullBatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlp-fullbatch",
        abstract: "784-64-10 tanh softmax-CE full-batch GD on 2000 random samples; prints gflops.")

    @Option(help: "Worker threads (one independent run per thread unless --runs is given).") var threads = 1
    @Option(help: "Independent runs (reference + replicas); default: the thread count.") var runs: Int?
    @Option(help: "Training steps per run.") var steps = 20

    func run() throws {
        let processStart = ContinuousClock.now
        let sizes = [784, 64, 10]
        let architecture = try Architecture(layerSizes: sizes, hiddenActivation: .tanh,
                                            outputActivation: .softmax, loss: .softmaxCrossEntropy)
        let m = 2000
        var stream = SeedKey(2).derive("data").stream()
        let inputs = (0..<(784 * m)).map { _ in stream.uniform() }
        let labels = (0..<m).map { _ in stream.index(below: 10) }
        let data = try Dataset(inputs: inputs, targets: Dataset.oneHotTargets(labels: labels, classCount: 10),
                               inputCount: 784, outputCount: 10)
        let initial = Initialization.normal(standardDeviation: 1).parameters(
            for: architecture.layout, key: SeedKey(2).derive("init"))
        let runCount = runs ?? threads
        let configuration = EnsembleConfiguration(
            architecture: architecture, trainingSet: data, optimizer: GradientDescent(learningRate: 0.01),
            stepCount: steps, recordInterval: steps, initialParameters: initial,
            replicas: ReplicaPlan(count: runCount - 1, law: .uniformOnWeights(halfWidth: 1e-8), key: SeedKey(2).derive("replicas")))
        let flopsPerStep = 3.0 * 2.0 * Double(m) * Double(architecture.multiplyAddsPerSample)
        print("mlp-fullbatch: 784-64-10 tanh, softmax CE, m=\(m), full-batch GD, \(runCount) runs x \(steps) steps, threads=\(threads)")
        print("flop count per run-step = 3 * 2 * m * sum(in*out) = \(flopsPerStep) (forward + backward as 3 forwards)")
        let start = ContinuousClock.now
        let result = try EnsembleTrainer.train(configuration, threadCount: threads)
        let seconds = (ContinuousClock.now - start).seconds
        print("reference loss: \(result.trainingLoss(run: 0).first ?? .nan) -> \(result.trainingLoss(run: 0).last ?? .nan)")
        print("result checksum: \(checksum(result))")
        print("training wall time: \(seconds) s")
        print("process wall time: \((ContinuousClock.now - processStart).seconds) s (from entering main)")
        print("process CPU time: \(processCPUSeconds()) s (user + system, all threads)")
        print("gflops=\(flopsPerStep * Double(runCount * steps) / seconds / 1e9)")
    }
}

/// E4's hot path (docs/PROTOCOL.md §3) on the dense engine: R networks 784-64-10 (tanh hidden,
/// softmax cross-entropy, float64; weights N(0, 1), biases 0) trained in lock-step by
/// full-batch GD on M synthetic samples (inputs U[0, 1), uniform random labels), one job
/// per network and step, spread over the threads. The peers in bench/peers/ run the same
/// shapes (JAX jit + vmap, numpy); all print `sample_steps_per_s=R·M·S/seconds` last,
/// timed from the first step (after set-up) to the last.
struct FashionEnsemble: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fashion-ensemble",
        abstract: "R x 784-64-10 tanh softmax-CE full-batch GD on M samples (dense engine); prints sample_steps_per_s.")

    @Option(help: "Samples M (full batch).") var samples = 10000
    @Option(help: "Networks R, trained in lock-step.") var networks = 4
    @Option(help: "Gradient-descent steps S.") var steps = 20
    @Option(help: "Worker threads (networks are spread over them; BLAS runs on one thread each).") var threads = 1
    @Option(help: "Learning rate.") var learningRate = 0.1
    @Option(help: "Samples per chunk of the dense engine.") var chunkWidth = DenseEngine.defaultChunkWidth
    @Option(help: "Matrix kernel of the dense engine: native or blas.") var kernel = "native"
    @Option(help: "Networks per job (they share each chunk of inputs); default: R / threads, rounded up.")
    var groupSize: Int?

    func run() throws {
        let processStart = ContinuousClock.now
        let m = samples, r = networks
        let architecture = try Architecture(layerSizes: [784, 64, 10], hiddenActivation: .tanh,
                                            outputActivation: .softmax, loss: .softmaxCrossEntropy)
        var stream = SeedKey(4).derive("data").stream()
        let inputs = (0..<(784 * m)).map { _ in stream.uniform() }
        let labels = (0..<m).map { _ in stream.index(below: 10) }
        let data = try Dataset(inputs: inputs, targets: Dataset.oneHotTargets(labels: labels, classCount: 10),
                               inputCount: 784, outputCount: 10)
        let batch = Batch(data)
        let p = architecture.parameterCount
        let parameters = SharedBuffer<Double>(count: r * p, initialValue: 0)
        let gradients = SharedBuffer<Double>(count: r * p, initialValue: 0)
        let losses = SharedBuffer<Double>(count: r * steps, initialValue: 0)
        defer { parameters.free(); gradients.free(); losses.free() }
        for net in 0..<r {
            let initial = Initialization.normal(standardDeviation: 1).parameters(
                for: architecture.layout, key: SeedKey(4).derive("init", net))
            for i in 0..<p { parameters[net * p + i] = initial[i] }
        }
        let workers = max(1, min(threads, r))
        guard let engineKernel = DenseEngine.Kernel(rawValue: kernel) else {
            throw ValidationError("--kernel must be native or blas")
        }
        let engines = (0..<workers).map { _ in
            DenseEngine(architecture: architecture, kernel: engineKernel, chunkWidth: chunkWidth)
        }
        print("fashion-ensemble: 784-64-10 tanh, softmax CE, float64, full-batch GD eta=\(learningRate), "
            + "M=\(m), R=\(r), S=\(steps), threads=\(threads), kernel \(kernel), chunk width \(engines[0].chunkWidth)")
        print("parameters per network: \(p)")
        if engineKernel == .blas { print("BLAS: \(BLASSettings.current().summary)") }
        // Jobs are groups of consecutive networks; every network gets the same bits in any
        // group and on any thread (DenseEngine.passes), so the checksum does not depend on
        // --threads or --group-size.
        let size = max(1, groupSize ?? (r + workers - 1) / workers)
        let groups = stride(from: 0, to: r, by: size).map { Array($0..<min($0 + size, r)) }
        let groupParameters = groups.map { $0.map { UnsafePointer(parameters.base + $0 * p) } }
        let groupGradients = groups.map { $0.map { gradients.base + $0 * p } }
        let results = SharedBuffer<DenseEngine.PassResult>(count: r, initialValue: .init(loss: 0, correct: 0))
        defer { results.free() }
        print("jobs per step: \(groups.count) (networks per job: \(size))")
        let eta = learningRate
        let cpuStart = processCPUSeconds()
        let start = ContinuousClock.now
        for step in 0..<steps {
            Parallel.forEach(jobCount: groups.count, threads: workers) { job, worker in
                let members = groups[job]
                engines[worker].passes(parameters: groupParameters[job], batch: batch,
                                       gradients: groupGradients[job], results: results.base + members[0])
                for net in members {
                    losses[net * steps + step] = results[net].loss
                    let w = parameters.base + net * p, g = gradients.base + net * p
                    for i in 0..<p { w[i] -= eta * g[i] }
                }
            }
        }
        let seconds = (ContinuousClock.now - start).seconds
        let cpuSeconds = processCPUSeconds() - cpuStart
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in losses.array() + parameters.array() { hash = (hash ^ value.bitPattern) &* 0x0000_0100_0000_01B3 }
        print("network 0 loss: \(losses[0]) -> \(losses[steps - 1])")
        print("result checksum: \(String(hash, radix: 16))")
        print("training wall time: \(seconds) s")
        print("training CPU time: \(cpuSeconds) s (all threads)")
        print("process wall time: \((ContinuousClock.now - processStart).seconds) s (from entering main)")
        print("process CPU time: \(processCPUSeconds()) s (user + system, all threads)")
        print("sample_steps_per_s=\(Double(r) * Double(m) * Double(steps) / seconds)")
    }
}

/// FNV-1a over the bit patterns of the recorded arrays: equal checksums across thread
/// counts show bit-identical results.
func checksum(_ result: EnsembleResult) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for array in [result.trainingLoss, result.distanceL1, result.distanceL2, result.finalParameters,
                  result.referenceParameters, result.testLoss, result.testAccuracy] {
        for value in array { hash = (hash ^ value.bitPattern) &* 0x0000_0100_0000_01B3 }
    }
    return String(hash, radix: 16)
}

/// CPU time of this process so far (getrusage), to tell contention on a shared machine
/// (CPU time < threads × wall time) from slow code.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}

/// Noisy XOR (docs/PROTOCOL.md §2) as a training set with one {0, 1} target.
func xorDataset(sampleCount: Int, key: SeedKey) throws -> Dataset {
    try Dataset(NoisyXOR(sampleCount: sampleCount, noise: 0.2).generate(key: key), outputCount: 1)
}
