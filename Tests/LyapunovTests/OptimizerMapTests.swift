import Dynamics
import Foundation
import Lyapunov
import Networks
import NumericsCore
import XCTest

/// The one adapter from a training optimizer to the estimators' map (issue "experiments
/// as modules", item 3): its trajectory is the trainer's bit for bit, its Jacobian is
/// exact, and tangent and Benettin agree on minibatch SGD with the realized batches.
final class OptimizerMapTests: XCTestCase {
    let architecture = try! Architecture(
        layerSizes: [2, 6, 1], hiddenActivation: .tanh, outputActivation: .sigmoid, loss: .binaryCrossEntropy)

    func data(_ count: Int, key: UInt64) throws -> Dataset {
        var stream = SeedKey(key).stream()
        let inputs = (0..<(2 * count)).map { _ in stream.normal() }
        let targets = (0..<count).map { n in inputs[n] * inputs[count + n] > 0 ? 1.0 : 0.0 }
        return try Dataset(inputs: inputs, targets: targets, inputCount: 2, outputCount: 1)
    }

    /// The trainer's reference trajectory and the map's, step by step, for `optimizer`.
    func assertMapReplaysTheTrainer<O: DifferentiableOptimizer>(_ optimizer: O, batches: BatchSchedule, steps: Int = 40) throws {
        let training = try data(64, key: 1)
        let initial = Initialization.pytorchDefault.parameters(for: architecture.layout, key: SeedKey(2))
        let trained = try EnsembleTrainer.train(EnsembleConfiguration(
            architecture: architecture, trainingSet: training, optimizer: optimizer, batches: batches, noiseKey: SeedKey(9),
            stepCount: steps, recordInterval: 1, initialParameters: initial,
            replicas: ReplicaPlan(count: 0, law: .gaussian(standardDeviation: 0), key: SeedKey(3))))
        let map = OptimizerMap(architecture: architecture, trainingSet: training, optimizer: optimizer, batches: batches,
                               noiseKey: SeedKey(9))
        var state = map.initialState(parameters: initial)
        for t in 0...steps {
            XCTAssertEqual(Array(state[0..<map.parameterCount]).map(\.bitPattern),
                           Array(trained.referenceParameters(record: t)).map(\.bitPattern), "\(O.self): w_\(t) bit for bit")
            if t < steps { map.step(&state, time: t) }
        }
    }

    func testTheMapReplaysTheTrainerBitForBit() throws {
        let minibatches = BatchSchedule.shuffledMinibatches(size: 16, key: SeedKey(5))
        try assertMapReplaysTheTrainer(GradientDescent(learningRate: 0.5), batches: .fullBatch)
        try assertMapReplaysTheTrainer(StochasticGradientDescent(learningRate: 0.3), batches: minibatches)
        try assertMapReplaysTheTrainer(StochasticGradientDescent(learningRate: 0.3, momentum: 0.9), batches: minibatches)
        try assertMapReplaysTheTrainer(Adam(learningRate: 0.01), batches: minibatches)
    }

    /// The map reuses one evaluator and the epoch's permutation across steps: a map whose
    /// scratch has served other steps gives the bits of a fresh map, and its Hessian–vector
    /// products are those of the engine's own (GD's J v = v − η H v).
    func testReusedScratchGivesTheBitsOfAFreshMap() throws {
        let training = try data(48, key: 4)
        let batches = BatchSchedule.shuffledMinibatches(size: 12, key: SeedKey(6))
        let initial = Initialization.pytorchDefault.parameters(for: architecture.layout, key: SeedKey(8))
        func map<O: DifferentiableOptimizer>(_ optimizer: O) -> OptimizerMap<O> {
            OptimizerMap(architecture: architecture, trainingSet: training, optimizer: optimizer, batches: batches, noiseKey: SeedKey(7))
        }
        let used = map(Adam(learningRate: 0.01))
        var state = used.initialState(parameters: initial)
        for t in 0..<9 {
            var scratchUser = [state.map { $0 * 0.5 + 1 }]
            used.applyJacobian(at: state, time: t + 3, to: &scratchUser)
            used.step(&state, time: t)
        }
        var stream = SeedKey(10).stream()
        let direction = state.map { _ in stream.normal() }
        var fromUsed = [direction], fromFresh = [direction]
        used.applyJacobian(at: state, time: 9, to: &fromUsed)
        map(Adam(learningRate: 0.01)).applyJacobian(at: state, time: 9, to: &fromFresh)
        XCTAssertEqual(fromUsed[0].map(\.bitPattern), fromFresh[0].map(\.bitPattern))
        var stepped = state, freshStepped = state
        used.step(&stepped, time: 9)
        map(Adam(learningRate: 0.01)).step(&freshStepped, time: 9)
        XCTAssertEqual(stepped.map(\.bitPattern), freshStepped.map(\.bitPattern))

        let gd = map(GradientDescent(learningRate: 0.3))
        let w = Array(state[0..<gd.parameterCount])
        var tangent = [Array(direction[0..<gd.parameterCount])]
        gd.step(&tangent[0], time: 2)  // dirty the scratch with another step's batch
        tangent = [Array(direction[0..<gd.parameterCount])]
        gd.applyJacobian(at: w, time: 5, to: &tangent)
        let product = gd.hessianVectorProduct(parameters: w, vector: Array(direction[0..<gd.parameterCount]), time: 5)
        var expected = Array(direction[0..<gd.parameterCount])
        for p in expected.indices { expected[p] -= 0.3 * product[p] }
        XCTAssertEqual(tangent[0].map(\.bitPattern), expected.map(\.bitPattern))
    }

    /// J v against central differences of `step` on the whole state (w, s).
    func assertJacobianMatchesFiniteDifferences<O: DifferentiableOptimizer>(_ optimizer: O, time: Int, tolerance: Double) throws {
        let map = OptimizerMap(architecture: architecture, trainingSet: try data(48, key: 4), optimizer: optimizer,
                               batches: .shuffledMinibatches(size: 12, key: SeedKey(6)), noiseKey: SeedKey(7))
        var state = map.initialState(parameters: Initialization.pytorchDefault.parameters(for: architecture.layout, key: SeedKey(8)))
        for t in 0..<time { map.step(&state, time: t) }
        var stream = SeedKey(10).stream()
        // Each coordinate's step scales with its size, so Adam's second moment v stays
        // positive at v ± h·dv (√v is not differentiable at 0).
        let direction = state.map { stream.normal() * ($0 == 0 ? 1e-3 : $0.magnitude) }
        var vectors = [direction]
        map.applyJacobian(at: state, time: time, to: &vectors)
        let h = 1e-6
        var plus = zip(state, direction).map { $0 + h * $1 }, minus = zip(state, direction).map { $0 - h * $1 }
        map.step(&plus, time: time)
        map.step(&minus, time: time)
        let difference = zip(plus, minus).map { ($0 - $1) / (2 * h) }
        let scale = difference.map(\.magnitude).max() ?? 1
        for (exact, numeric) in zip(vectors[0], difference) {
            XCTAssertEqual(exact, numeric, accuracy: tolerance * max(scale, 1), "\(O.self) at step \(time)")
        }
    }

    func testTheJacobianOfTheWholeUpdateMatchesFiniteDifferences() throws {
        // Central differences with h = 1e-6 leave O(h²·third derivative) + O(ε/h) ≈ 1e-9
        // relative error here; 1e-6 leaves room for the exp/log of the BCE loss.
        for time in [1, 5] {
            try assertJacobianMatchesFiniteDifferences(GradientDescent(learningRate: 0.5), time: time, tolerance: 1e-6)
            try assertJacobianMatchesFiniteDifferences(StochasticGradientDescent(learningRate: 0.3, momentum: 0.9), time: time, tolerance: 1e-6)
            try assertJacobianMatchesFiniteDifferences(Adam(learningRate: 0.01), time: time, tolerance: 1e-6)
        }
        try assertJacobianMatchesFiniteDifferences(GradientDescent(learningRate: 0.5), time: 0, tolerance: 1e-6)
        try assertJacobianMatchesFiniteDifferences(StochasticGradientDescent(learningRate: 0.3, momentum: 0.9), time: 0, tolerance: 1e-6)
    }

    func testTangentAndBenettinAgreeOnMinibatchSGDWithTheRealizedBatches() throws {
        let optimizer = StochasticGradientDescent(learningRate: 2.0, momentum: 0.5)
        let map = OptimizerMap(architecture: architecture, trainingSet: try data(64, key: 11), optimizer: optimizer,
                               batches: .shuffledMinibatches(size: 16, key: SeedKey(12)), noiseKey: SeedKey(13))
        let start = map.initialState(parameters: Initialization.pytorchDefault.parameters(for: architecture.layout, key: SeedKey(14)))
        let coordinates = map.parameterCoordinates
        let tangent = try TangentSpaceEstimator(key: SeedKey(15), transientSteps: 20, initialCoordinates: coordinates)
            .estimate(map, from: start, steps: 200)
        let benettin = try BenettinEstimator(key: SeedKey(15), initialSeparation: 1e-9, transientSteps: 20, initialCoordinates: coordinates)
            .estimate(map, from: start, steps: 200)
        let (a, b) = (try XCTUnwrap(tangent.maximalExponent), try XCTUnwrap(benettin.maximalExponent))
        // Both follow the same first vector (same key); a separation of 1e-9 stays linear
        // to ~1e-9 relative, so the two agree far below the exponent's own size.
        XCTAssertEqual(a, b, accuracy: 1e-6 * max(1, abs(a)), "tangent \(a), Benettin \(b)")
    }
}
