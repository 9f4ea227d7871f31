import DataStage
import Dispatch
import Foundation
import HDF5
import Networks
import NumericsCore
import Provenance
import StageKit

/// The `train-ensembles` stage (ISSUE #3): for every configuration of a sweep
/// (activation × width × learning rate × seed) it trains a reference run, R replicas
/// perturbed at t = 0 and, optionally, Mittra's neighbours along the reference, and
/// writes one HDF5 file with everything the estimators need (layout in
/// ``EnsembleFileWriter``). Configurations run in parallel, each with a fixed order of
/// operations, so the file does not depend on the number of threads.
public enum TrainEnsembles {
    public static func run(_ context: StageContext) throws {
        let sweep = try SweepSpecification(context.parameters)
        let dataPath = context.inputs(endingWith: ".h5").first.map(\.declaredPath) ?? ""
        let dataFile = try context.openInputFile(dataPath)
        let training = try Dataset(ClassificationDataFile.read(split: "train", from: dataFile), outputCount: 1)
        let test = try Dataset(ClassificationDataFile.read(split: "test", from: dataFile), outputCount: 1)
        try dataFile.close()
        let seeds = try context.seed("ensembles")
        let configurations = sweep.configurations
        guard let output = context.invocation.outputs.first?.declaredPath, context.invocation.outputs.count == 1 else {
            throw StageError.usage("stage '\(context.stage)' must declare exactly one output (the ensembles file)")
        }

        let writer = EnsembleFileWriter(sweep: sweep, configurations: configurations)
        if !context.quiet {
            FileHandle.standardError.write(Data("""
                [\(context.stage)] \(configurations.count) configurations × \(sweep.replicaCount + 1) runs × \(sweep.steps) steps \
                (shard \(sweep.shard.index + 1) of \(sweep.shard.count)); will write about \(writer.estimatedBytes / 1_000_000) MB\
                \(writer.parameterRecordInterval != sweep.recordInterval ? " (parameters decimated to every \(writer.parameterRecordInterval) steps to fit)" : "")

                """.utf8))
        }
        let progress = context.progress("ensembles", total: configurations.count)
        let results = try Parallel.map(configurations, threads: context.threads) { configuration in
            defer { progress.advance() }
            return try train(configuration, sweep: sweep, seeds: seeds, training: training, test: test)
        }
        let file = try context.createOutputFile(output)
        try writer.write(results, to: file)
        try file.close()
        let diverged = results.filter { $0.statuses[0] != DivergenceStatus.completed }.count
        try context.report(summary: .object([
            "configurations": .int(Int64(configurations.count)),
            "divergedReferences": .int(Int64(diverged)),
        ]))
    }

    /// Trains one configuration (single-threaded: parallelism is across configurations).
    static func train(
        _ configuration: SweepConfiguration, sweep: SweepSpecification, seeds: SeedKey, training: Dataset, test: Dataset
    ) throws -> EnsembleResult {
        let architecture = try sweep.architecture(for: configuration)
        let initial = sweep.initialParameters(for: configuration, seeds: seeds, architecture: architecture)
        let replicas = ReplicaPlan(
            count: sweep.replicaCount, law: sweep.replicaLaw, key: SweepSpecification.key(seeds, "replicas", configuration))
        let neighbours = sweep.neighbours.map {
            NeighbourPlan(
                start: $0.start, spacing: $0.spacing, timeCount: $0.timeCount, neighbourCount: $0.perTime,
                standardDeviation: $0.standardDeviation, key: SweepSpecification.key(seeds, "neighbours", configuration))
        }
        func run<O: Optimizer>(_ optimizer: O) throws -> EnsembleResult {
            try EnsembleTrainer.train(
                EnsembleConfiguration(
                    architecture: architecture, trainingSet: training, testSet: test, optimizer: optimizer,
                    stepCount: sweep.steps, recordInterval: sweep.recordInterval, initialParameters: initial,
                    replicas: replicas, neighbours: neighbours,
                    divergence: DivergencePolicy(parameterBound: sweep.divergenceBound)),
                threadCount: 1)
        }
        if sweep.momentum == 0 {
            return try run(GradientDescent(learningRate: configuration.learningRate))
        }
        return try run(StochasticGradientDescent(learningRate: configuration.learningRate, momentum: sweep.momentum))
    }
}

