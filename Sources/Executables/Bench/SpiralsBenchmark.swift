import ArgumentParser
import Datasets
import Foundation
import Networks
import NumericsCore

/// One run of the E5 shape (docs/PROTOCOL.md §4) through the real ``EnsembleTrainer``: two
/// spirals (500 training points, 1000 test points, a = 2, p = 0.5, b = 4, noise 0.02),
/// 2-100-1 ReLU/sigmoid, mean BCE, PyTorch default init, minibatch 25 shuffled each epoch
/// (20 steps per epoch), evaluation on the whole training and test sets every 10 epochs,
/// float64, no replicas. The peers in `bench/peers/spirals_{torch,jax}.py` run the same.
struct SpiralsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spirals",
        abstract: "One E5 run (two spirals, 2-100-1 ReLU/sigmoid, BCE, minibatch 25); prints steps_per_s.")

    @Option(help: "adam (lr 0.005) or adlala (the notebook's h = 0.25, γ = 0.1, σ = 0.01, ε = 0.05, τ = 1e-4, ξ₀ = 0.1).")
    var optimizer = "adam"
    @Option(help: "Epochs of 20 minibatch steps (docs/PROTOCOL.md §4: 4000).") var epochs = 4000
    @Option(help: "Worker threads (one run: the result must not depend on it).") var threads = 1
    @Option(help: "Evaluate on the training and test sets every this many epochs.") var evaluationEpochs = 10
    @Option(help: "Root seed of data, initialization, batches and noise.") var seed: UInt64 = 5
    @Option(help: "Replicas perturbed at t = 0 (E5's shape: 0; more to check thread-count independence).")
    var replicas = 0

    func run() throws {
        let processStart = ContinuousClock.now
        let root = SeedKey(seed)
        let training = try Dataset(TwoSpirals(sampleCount: 500).generate(key: root.derive("train")), outputCount: 1)
        let test = try Dataset(TwoSpirals(sampleCount: 1000).generate(key: root.derive("test")), outputCount: 1)
        let architecture = try Architecture(layerSizes: [2, 100, 1], hiddenActivation: .relu,
                                            outputActivation: .sigmoid, loss: .binaryCrossEntropy)
        let initial = Initialization.pytorchDefault.parameters(for: architecture.layout, key: root.derive("init"))
        let batches = BatchSchedule.shuffledMinibatches(size: 25, key: root.derive("batches"))
        let stepsPerEpoch = batches.stepsPerEpoch(sampleCount: training.sampleCount)
        let steps = epochs * stepsPerEpoch
        print("spirals: 2-100-1 relu/sigmoid BCE, m=500 (test 1000), minibatch 25 (\(stepsPerEpoch) steps/epoch), "
            + "\(epochs) epochs = \(steps) steps, optimizer=\(optimizer), evaluation every \(evaluationEpochs) epochs, "
            + "replicas=\(replicas), threads=\(threads)")
        func train<O: Optimizer>(_ optimizer: O) throws -> (EnsembleResult, Double) {
            let configuration = EnsembleConfiguration(
                architecture: architecture, trainingSet: training, testSet: test, optimizer: optimizer,
                batches: batches, noiseKey: root.derive("noise"), stepCount: steps,
                recordInterval: evaluationEpochs * stepsPerEpoch, initialParameters: initial,
                replicas: ReplicaPlan(count: replicas, law: .uniformOnWeights(halfWidth: 1e-8), key: root.derive("replicas")),
                evaluatesTrainingSet: true)
            let start = ContinuousClock.now
            let result = try EnsembleTrainer.train(configuration, threadCount: threads)
            return (result, (ContinuousClock.now - start).seconds)
        }
        let (result, seconds): (EnsembleResult, Double)
        switch optimizer {
        case "adam": (result, seconds) = try train(Adam(learningRate: 0.005))
        case "adlala": (result, seconds) = try train(AdLaLa())
        default: throw ValidationError("unknown optimizer '\(optimizer)' (adam, adlala)")
        }
        let losses = result.trainingLoss(run: 0)
        print("batch loss: \(losses.first ?? .nan) -> \(losses.last ?? .nan)")
        print("final test accuracy: \(result.testAccuracy.last ?? .nan), test loss: \(result.testLoss.last ?? .nan)")
        print("final training-set accuracy: \(result.trainingSetAccuracy.last ?? .nan)")
        print("status: \(result.statuses[0])")
        print("result checksum: \(checksum(result)) (with training-set evaluations and diagnostics: \(spiralsChecksum(result)))")
        print("training wall time: \(seconds) s")
        print("process wall time: \((ContinuousClock.now - processStart).seconds) s (from entering main)")
        print("process CPU time: \(processCPUSeconds()) s (user + system, all threads)")
        print("steps_per_s=\(Double(steps) / seconds)")
    }
}

/// FNV-1a like ``checksum(_:)``, over every recorded array with the training-set
/// evaluations and the optimizer diagnostics (bit-identity checks across engine changes).
func spiralsChecksum(_ result: EnsembleResult) -> String {
    let recorded = [result.trainingLoss, result.finalParameters, result.referenceParameters, result.testLoss,
                    result.testAccuracy, result.trainingSetLoss, result.trainingSetAccuracy, result.diagnostics]
    let hash = recorded.joined().reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ $1.bitPattern) &* 0x0000_0100_0000_01B3 }
    return String(hash, radix: 16)
}
