import Foundation
import Networks
import NumericsCore
import XCTest

/// The lock-step ensemble: recording, same-map replicas, thread independence, neighbours
/// and divergence as data.
final class EnsembleTrainerTests: XCTestCase {
    private func xorConfiguration(
        replicas: ReplicaPlan, steps: Int = 60, neighbours: NeighbourPlan? = nil
    ) throws -> EnsembleConfiguration<GradientDescent> {
        let architecture = try Architecture(layerSizes: [2, 8, 1], hiddenActivation: .sigmoid,
                                            outputActivation: .sigmoid, loss: .meanSquaredError)
        return EnsembleConfiguration(
            architecture: architecture,
            trainingSet: try xorDataset(sampleCount: 203, key: SeedKey(1)),
            testSet: try xorDataset(sampleCount: 101, key: SeedKey(2)),
            optimizer: GradientDescent(learningRate: 2.0), stepCount: steps, recordInterval: 7,
            initialParameters: Initialization.pytorchDefault.parameters(for: architecture.layout, key: SeedKey(3)),
            replicas: replicas, neighbours: neighbours)
    }

    func testReferenceMatchesPlainGradientDescentAndRecordsAreConsistent() throws {
        let configuration = try xorConfiguration(
            replicas: ReplicaPlan(count: 2, law: .gaussian(standardDeviation: 1e-4), key: SeedKey(4)))
        let result = try EnsembleTrainer.train(configuration)
        let architecture = configuration.architecture
        var w = configuration.initialParameters
        for t in 0...configuration.stepCount {
            let step = try architecture.lossAndGradient(parameters: w, batch: Batch(configuration.trainingSet))
            XCTAssertEqual(result.trainingLoss[t], step.loss, "loss of w_\(t), bitwise")
            if let record = result.recordedSteps.firstIndex(of: t) {
                XCTAssertEqual(Array(result.referenceParameters(record: record)), w, "w_\(t) recorded")
                let test = try architecture.evaluate(parameters: w, on: configuration.testSet!)
                XCTAssertEqual(result.testLoss[record], test.loss)
                XCTAssertEqual(result.testAccuracy[record], test.accuracy)
            }
            if t < configuration.stepCount { for p in 0..<w.count { w[p] -= 2.0 * step.gradient[p] } }
        }
        XCTAssertEqual(result.recordedSteps, [0, 7, 14, 21, 28, 35, 42, 49, 56, 60])
        XCTAssertEqual(Array(result.finalParameters[0..<w.count]), w)
        XCTAssertEqual(result.statuses, [.completed, .completed, .completed])
        // Distances at t = 0 are those of the perturbation law's draws.
        var stream = SeedKey(4).derive("replica", 2).stream()
        let replica2 = PerturbationLaw.gaussian(standardDeviation: 1e-4)
            .perturb(configuration.initialParameters, layout: architecture.layout, stream: &stream)
        let l1 = zip(replica2, configuration.initialParameters).map { ($0 - $1).magnitude }.reduce(0, +)
        XCTAssertEqual(result.distanceL1(replica: 2).first!, l1, accuracy: 1e-18)
        XCTAssertEqual(result.distanceL1.count, 2 * 61)
    }

    func testUniformPerturbationLeavesBiasesAndUnperturbedReplicasStayIdentical() throws {
        let layoutCheck = try xorConfiguration(
            replicas: ReplicaPlan(count: 3, law: .uniformOnWeights(halfWidth: 1e-8), key: SeedKey(5)), steps: 0)
        let start = try EnsembleTrainer.train(layoutCheck)
        let layout = layoutCheck.architecture.layout
        for r in 1...3 {
            let w = Array(start.finalParameters[(r * layout.count)..<((r + 1) * layout.count)])
            for layer in layout.layers {
                for p in layer.biases { XCTAssertEqual(w[p], layoutCheck.initialParameters[p], "biases unperturbed") }
                for p in layer.weights { XCTAssertLessThanOrEqual((w[p] - layoutCheck.initialParameters[p]).magnitude, 1e-8) }
            }
        }
        // σ = 0: the replicas follow the same map from the same start, hence the same bits.
        let same = try EnsembleTrainer.train(try xorConfiguration(
            replicas: ReplicaPlan(count: 2, law: .gaussian(standardDeviation: 0), key: SeedKey(5))))
        XCTAssertTrue(same.distanceL1.allSatisfy { $0 == 0 })
    }

    func testStochasticReplicasShareTheMinibatchOrderAndThreadsDoNotChangeBits() throws {
        let architecture = try Architecture(layerSizes: [2, 6, 1], hiddenActivation: .relu,
                                            outputActivation: .sigmoid, loss: .binaryCrossEntropy)
        func configuration(_ sigma: Double) throws -> EnsembleConfiguration<StochasticGradientDescent> {
            EnsembleConfiguration(
                architecture: architecture, trainingSet: try xorDataset(sampleCount: 90, key: SeedKey(6)),
                testSet: try xorDataset(sampleCount: 50, key: SeedKey(7)),
                optimizer: StochasticGradientDescent(learningRate: 0.3, momentum: 0.5),
                batches: .shuffledMinibatches(size: 16, key: SeedKey(8)), stepCount: 40, recordInterval: 5,
                initialParameters: Initialization.pytorchDefault.parameters(for: architecture.layout, key: SeedKey(9)),
                replicas: ReplicaPlan(count: 3, law: .gaussian(standardDeviation: sigma), key: SeedKey(10)),
                neighbours: NeighbourPlan(start: 4, spacing: 6, timeCount: 5, neighbourCount: 3,
                                          standardDeviation: 1e-5, key: SeedKey(11)),
                evaluatesReplicas: true, evaluatesTrainingSet: true)
        }
        let unperturbed = try EnsembleTrainer.train(try configuration(0))
        XCTAssertTrue(unperturbed.distanceL2.allSatisfy { $0 == 0 }, "same minibatches for every replica")
        let one = try EnsembleTrainer.train(try configuration(1e-4), threadCount: 1)
        let two = try EnsembleTrainer.train(try configuration(1e-4), threadCount: 2)
        let three = try EnsembleTrainer.train(try configuration(1e-4), threadCount: 3)
        for other in [two, three] {
            assertBitwiseEqual(one.trainingLoss, other.trainingLoss)
            assertBitwiseEqual(one.distanceL1, other.distanceL1)
            assertBitwiseEqual(one.distanceL2, other.distanceL2)
            assertBitwiseEqual(one.referenceParameters, other.referenceParameters)
            assertBitwiseEqual(one.testLoss + one.testAccuracy, other.testLoss + other.testAccuracy)
            assertBitwiseEqual(one.trainingSetLoss, other.trainingSetLoss)
            assertBitwiseEqual(one.neighbourInitialDistance + one.neighbourFinalDistance,
                               other.neighbourInitialDistance + other.neighbourFinalDistance)
        }
        XCTAssertEqual(one.testLoss.count, 4 * one.recordedSteps.count, "all runs evaluated")
        XCTAssertTrue(one.distanceL2.allSatisfy { $0 > 0 && $0.isFinite })
        XCTAssertEqual(one.neighbourTimes, [4, 10, 16, 22, 28])
        XCTAssertTrue(one.neighbourFinalDistance.allSatisfy { $0 > 0 && $0.isFinite })
    }

    func testNeighboursOfALinearMapGrowByItsEigenvalues() throws {
        // GD on least squares is the linear map δ ↦ (I − ηA)δ with A = (2/m) Σ x̃x̃ᵀ, so
        // D(τ)/D(0) lies between min and max |1 − η a_i|^τ (up to rounding, 1e-9).
        let architecture = try Architecture(layerSizes: [2, 1], hiddenActivation: .linear,
                                            outputActivation: .linear, loss: .meanSquaredError)
        let data = try randomDataset(for: architecture, sampleCount: 64, key: SeedKey(12))
        let eta = 0.3, tau = 5
        let configuration = EnsembleConfiguration(
            architecture: architecture, trainingSet: data, optimizer: GradientDescent(learningRate: eta),
            stepCount: 30, initialParameters: [0.1, 0.2, 0.3],
            replicas: ReplicaPlan(count: 0, law: .gaussian(standardDeviation: 0), key: SeedKey(0)),
            neighbours: NeighbourPlan(start: 0, spacing: tau, timeCount: 6, neighbourCount: 4,
                                      standardDeviation: 1e-3, key: SeedKey(13)))
        let result = try EnsembleTrainer.train(configuration)
        let hessian = try architecture.hessianVectorProducts(
            parameters: [0, 0, 0], vectors: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], batch: Batch(data)).products
        // Eigenvalues bound: Gershgorin is too loose; use the Rayleigh quotient extremes by
        // power iteration on A and on (cI − A).
        func power(_ apply: ([Double]) -> [Double]) -> Double {
            var v = [1.0, 0.7, 0.4]
            var value = 0.0
            for _ in 0..<500 {
                let next = apply(v)
                value = (next.map { $0 * $0 }.reduce(0, +)).squareRoot()
                v = next.map { $0 / value }
            }
            return value
        }
        let times = { (v: [Double]) in (0..<3).map { i in (0..<3).reduce(0) { $0 + hessian[$1][i] * v[$1] } } }
        let largest = power(times)
        let smallest = largest - power { v in zip(v, times(v)).map { largest * $0 - $1 } }
        let factors = [smallest, largest].map { Foundation.pow((1 - eta * $0).magnitude, Double(tau)) }
        for (initial, final) in zip(result.neighbourInitialDistance, result.neighbourFinalDistance) {
            let ratio = final / initial
            XCTAssertGreaterThanOrEqual(ratio, factors.min()! - 1e-9)
            XCTAssertLessThanOrEqual(ratio, factors.max()! + 1e-9)
        }
        XCTAssertEqual(result.neighbourInitialDistance.count, 24)
        XCTAssertEqual(result.neighbourInitialDistance[0], 1e-3 * 3.0.squareRoot(), accuracy: 2e-3, "≈ σ√P")
    }

    func testDivergenceIsRecordedAndTheOtherRunsGoOn() throws {
        // Replicas perturbed by N(0, 1) start far beyond the bound 2.5 on |w|∞ that the
        // reference respects: they stop at step 0, the reference trains on.
        let architecture = try Architecture(layerSizes: [2, 3, 1], hiddenActivation: .tanh,
                                            outputActivation: .sigmoid, loss: .meanSquaredError)
        let data = try xorDataset(sampleCount: 40, key: SeedKey(14))
        var configuration = EnsembleConfiguration(
            architecture: architecture, trainingSet: data, optimizer: GradientDescent(learningRate: 0.5),
            stepCount: 10, initialParameters: [Double](repeating: 0.1, count: architecture.parameterCount),
            replicas: ReplicaPlan(count: 2, law: .gaussian(standardDeviation: 3), key: SeedKey(15)),
            divergence: DivergencePolicy(parameterBound: 2.5))
        var result = try EnsembleTrainer.train(configuration)
        XCTAssertEqual(result.statuses[0], .completed)
        for r in 1...2 {
            XCTAssertEqual(result.statuses[r].stepCode, 0)
            XCTAssertEqual(result.statuses[r].reasonCode, DivergenceReason.parameterBoundExceeded.rawValue)
            XCTAssertTrue(result.trainingLoss(run: r).allSatisfy(\.isNaN))
            XCTAssertTrue(result.distanceL1(replica: r).allSatisfy(\.isNaN))
        }
        XCTAssertTrue(result.trainingLoss(run: 0).allSatisfy(\.isFinite))

        // A linear model with η far beyond 2/a_max blows up: the bound stops it at a
        // step t > 0; everything before is recorded, everything from t on is NaN.
        let linear = try Architecture(layerSizes: [2, 1], hiddenActivation: .linear,
                                      outputActivation: .linear, loss: .meanSquaredError)
        configuration = EnsembleConfiguration(
            architecture: linear, trainingSet: try randomDataset(for: linear, sampleCount: 30, key: SeedKey(16)),
            optimizer: GradientDescent(learningRate: 5), stepCount: 100, initialParameters: [0.1, 0.2, 0.3],
            replicas: ReplicaPlan(count: 1, law: .gaussian(standardDeviation: 1e-6), key: SeedKey(17)),
            neighbours: NeighbourPlan(start: 0, spacing: 50, timeCount: 2, neighbourCount: 2,
                                      standardDeviation: 1e-6, key: SeedKey(18)))
        result = try EnsembleTrainer.train(configuration)
        guard case .diverged(let step, let reason, let value) = result.statuses[0] else {
            return XCTFail("η = 5 must diverge, got \(result.statuses[0])")
        }
        XCTAssertEqual(reason, .parameterBoundExceeded)
        XCTAssertGreaterThan(value, 1e6)
        XCTAssertGreaterThan(step, 1)
        let losses = Array(result.trainingLoss(run: 0))
        XCTAssertTrue(losses[..<(step - 1)].allSatisfy(\.isFinite))
        XCTAssertTrue(losses[step...].allSatisfy(\.isNaN))
        XCTAssertTrue(result.distanceL2[step...].allSatisfy(\.isNaN))
        XCTAssertTrue(result.neighbourStatuses.allSatisfy { $0.reasonCode == DivergenceReason.referenceDiverged.rawValue })
        XCTAssertTrue(result.neighbourFinalDistance.allSatisfy(\.isNaN))
    }

    /// Replicas that stop at step H < T (``ReplicaPlan/steps``) record the first H + 1
    /// distances of the full-length run, bit for bit, and change nothing of the reference.
    func testReplicasStoppedEarlyRecordThePrefixOfTheFullRun() throws {
        let law = PerturbationLaw.gaussian(standardDeviation: 1e-4)
        let full = try EnsembleTrainer.train(try xorConfiguration(replicas: ReplicaPlan(count: 3, law: law, key: SeedKey(14))))
        let short = try EnsembleTrainer.train(
            try xorConfiguration(replicas: ReplicaPlan(count: 3, law: law, key: SeedKey(14), steps: 17)))
        XCTAssertEqual(short.replicaStepCount, 17)
        XCTAssertEqual(short.distanceL1.count, 3 * 18)
        for r in 1...3 {
            assertBitwiseEqual(Array(short.distanceL1(replica: r)), Array(full.distanceL1(replica: r).prefix(18)))
            assertBitwiseEqual(Array(short.distanceL2(replica: r)), Array(full.distanceL2(replica: r).prefix(18)))
            XCTAssertTrue(short.trainingLoss(run: r).dropFirst(17).allSatisfy(\.isNaN), "replica \(r) did not run past step 17")
        }
        assertBitwiseEqual(Array(short.trainingLoss(run: 0)), Array(full.trainingLoss(run: 0)))
        assertBitwiseEqual(short.referenceParameters, full.referenceParameters)
        assertBitwiseEqual(short.testLoss + short.testAccuracy, full.testLoss + full.testAccuracy)
        assertBitwiseEqual(Array(short.finalParameters.prefix(full.parameterCount)), Array(full.finalParameters.prefix(full.parameterCount)))
        XCTAssertEqual(short.statuses, full.statuses)
        // More steps than the reference, or replicas evaluated at steps they never reach, are refused.
        var configuration = try xorConfiguration(replicas: ReplicaPlan(count: 1, law: law, key: SeedKey(14), steps: 61))
        XCTAssertThrowsError(try EnsembleTrainer.train(configuration)) {
            guard case .invalidConfiguration(let message) = $0 as? NetworkError else { return XCTFail("\($0)") }
            XCTAssertTrue(message.contains("61"), message)
        }
        configuration.replicas = ReplicaPlan(count: 1, law: law, key: SeedKey(14), steps: 30)
        configuration.evaluatesReplicas = true
        XCTAssertThrowsError(try EnsembleTrainer.train(configuration))
    }

    /// Neighbours restricted to step ranges are exactly the whole grid's neighbours at the
    /// admitted times (each keeps the seed of its grid index); a range admitting no time is refused.
    func testNeighboursWithinRangesAreTheGridsNeighboursAtThoseTimes() throws {
        let replicas = ReplicaPlan(count: 0, law: .gaussian(standardDeviation: 0), key: SeedKey(0))
        func plan(_ within: [ClosedRange<Int>]) -> NeighbourPlan {
            NeighbourPlan(start: 0, spacing: 5, timeCount: 12, neighbourCount: 3, standardDeviation: 1e-4, key: SeedKey(15),
                          within: within)
        }
        let all = try EnsembleTrainer.train(try xorConfiguration(replicas: replicas, neighbours: plan([])))
        let some = try EnsembleTrainer.train(try xorConfiguration(replicas: replicas, neighbours: plan([0...17, 40...60])))
        XCTAssertEqual(all.neighbourTimes, Array(stride(from: 0, through: 55, by: 5)))
        // [t, t + 5] inside [0, 17]: t = 0, 5, 10; inside [40, 60]: t = 40, 45, 50, 55.
        XCTAssertEqual(some.neighbourTimes, [0, 5, 10, 40, 45, 50, 55])
        for (row, time) in some.neighbourTimes.enumerated() {
            let i = all.neighbourTimes.firstIndex(of: time)!
            assertBitwiseEqual(Array(some.neighbourInitialDistance[(3 * row)..<(3 * row + 3)]),
                               Array(all.neighbourInitialDistance[(3 * i)..<(3 * i + 3)]))
            assertBitwiseEqual(Array(some.neighbourFinalDistance[(3 * row)..<(3 * row + 3)]),
                               Array(all.neighbourFinalDistance[(3 * i)..<(3 * i + 3)]))
        }
        XCTAssertThrowsError(try EnsembleTrainer.train(try xorConfiguration(replicas: replicas, neighbours: plan([20...24])))) {
            guard case .invalidConfiguration(let message) = $0 as? NetworkError else { return XCTFail("\($0)") }
            XCTAssertTrue(message.contains("no reference time"), message)
        }
    }

    func testInconsistentConfigurationsThrow() throws {
        var configuration = try xorConfiguration(
            replicas: ReplicaPlan(count: 1, law: .gaussian(standardDeviation: 1), key: SeedKey(0)),
            neighbours: NeighbourPlan(start: 50, spacing: 10, timeCount: 2, neighbourCount: 1,
                                      standardDeviation: 1, key: SeedKey(0)))
        XCTAssertThrowsError(try EnsembleTrainer.train(configuration)) {
            guard case .invalidConfiguration = $0 as? NetworkError else { return XCTFail("\($0)") }
        }
        configuration.neighbours = nil
        configuration.recordInterval = 0
        XCTAssertThrowsError(try EnsembleTrainer.train(configuration))
    }

    /// A Langevin-family reference records pᵀp/N at the thermostat's own point beside the
    /// after-step diagnostics: NaN at step 0 (no step has measured it), then each tensor's
    /// value from inside the step before the recorded step (pinned by hand in
    /// `ThermodynamicOptimizerTests`); an optimizer without a thermostat records none.
    func testThermostatPointDiagnosticsAreRecordedForTheReference() throws {
        let architecture = try Architecture(layerSizes: [2, 6, 1], hiddenActivation: .relu,
                                            outputActivation: .sigmoid, loss: .binaryCrossEntropy)
        let optimizer = AdLaLa()
        let configuration = EnsembleConfiguration(
            architecture: architecture, trainingSet: try xorDataset(sampleCount: 40, key: SeedKey(6)),
            testSet: try xorDataset(sampleCount: 20, key: SeedKey(7)), optimizer: optimizer,
            batches: .shuffledMinibatches(size: 10, key: SeedKey(8)), noiseKey: SeedKey(11), stepCount: 6, recordInterval: 3,
            initialParameters: Initialization.pytorchDefault.parameters(for: architecture.layout, key: SeedKey(9)),
            replicas: ReplicaPlan(count: 1, law: .gaussian(standardDeviation: 1e-6), key: SeedKey(10)))
        let result = try EnsembleTrainer.train(configuration)
        let names = optimizer.thermostatPointDiagnosticNames(layout: architecture.layout)
        XCTAssertEqual(result.thermostatPointDiagnosticNames, names)
        XCTAssertEqual(result.thermostatPointDiagnostics.count, result.recordedSteps.count * names.count)
        XCTAssertTrue(result.thermostatPointDiagnostics.prefix(names.count).allSatisfy { $0.isNaN }, "step 0: nothing measured yet")
        XCTAssertTrue(result.thermostatPointDiagnostics.dropFirst(names.count).allSatisfy { $0.isFinite && $0 > 0 })
        // Beside the after-step kinetic temperatures, which are recorded at step 0 too (p₀ = 0).
        let after = result.diagnosticNames.indices.filter { result.diagnosticNames[$0].hasPrefix("kinetic_temperature/") }
        XCTAssertEqual(after.count, names.count)
        XCTAssertEqual(after.map { result.diagnostics[$0] }, [Double](repeating: 0, count: names.count))
        let last = result.recordedSteps.count - 1
        XCTAssertNotEqual(after.map { result.diagnostics[last * result.diagnosticNames.count + $0] },
                          Array(result.thermostatPointDiagnostics[(last * names.count)...]), "two measuring points, two values")
        let plain = try EnsembleTrainer.train(try xorConfiguration(
            replicas: ReplicaPlan(count: 1, law: .gaussian(standardDeviation: 1e-4), key: SeedKey(4)), steps: 3))
        XCTAssertTrue(plain.thermostatPointDiagnosticNames.isEmpty && plain.thermostatPointDiagnostics.isEmpty)
    }
}
