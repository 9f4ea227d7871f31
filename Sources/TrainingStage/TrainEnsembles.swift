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
        if let count = sweep.mergedShardCount { return try merge(context, shardCount: count) }
        guard let dataInput = context.inputs(endingWith: ".h5").first, context.inputs(endingWith: ".h5").count == 1 else {
            throw StageError.usage("stage '\(context.stage)' must declare exactly one .h5 input (the data set file)")
        }
        let dataFile = try context.openInputFile(dataInput.declaredPath)
        let trainData = try ClassificationDataFile.read(split: "train", from: dataFile)
        let testData = try ClassificationDataFile.read(split: "test", from: dataFile)
        let classCount = Set(trainData.labels).union(testData.labels).count
        try dataFile.close()
        let outputCount = sweep.outputCount(classCount: max(classCount, 2))
        let training = try Dataset(trainData, outputCount: outputCount)
        let test = try Dataset(testData, outputCount: outputCount)
        let seeds = try context.seed("ensembles")
        let configurations = sweep.configurations
        guard let output = context.invocation.outputs.first?.declaredPath, context.invocation.outputs.count == 1 else {
            throw StageError.usage("stage '\(context.stage)' must declare exactly one output (the ensembles file)")
        }
        let architectures = try configurations.map {
            try sweep.architecture(for: $0, inputCount: training.inputCount, outputCount: outputCount)
        }

        let sweepArchitectures = try sweep.allConfigurations.map {
            try sweep.architecture(for: $0, inputCount: training.inputCount, outputCount: outputCount)
        }
        let writer = EnsembleFileWriter(
            sweep: sweep, configurations: configurations, architectures: architectures,
            sweepArchitectures: sweepArchitectures, seeds: seeds)
        if !context.quiet {
            FileHandle.standardError.write(Data("""
                [\(context.stage)] \(configurations.count) configurations × \(sweep.replicaCount + 1) runs × \(sweep.steps) steps \
                (shard \(sweep.shard.index + 1) of \(sweep.shard.count)); will write about \(writer.estimatedBytes / 1_000_000) MB\
                \(writer.parameterRecordInterval != sweep.parameterInterval ? " (parameters decimated to every \(writer.parameterRecordInterval) steps to fit)" : "")

                """.utf8))
        }
        let progress = context.progress("ensembles", total: configurations.count)
        let results = try Parallel.map(Array(configurations.indices), threads: context.threads) { index in
            defer { progress.advance() }
            return try train(configurations[index], architecture: architectures[index], sweep: sweep, seeds: seeds,
                             training: training, test: test)
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

    /// The merge of a sharded sweep (`mergeShards`: n): every input is a shard's file;
    /// the output is the whole sweep's file (``EnsembleFileMerger``).
    static func merge(_ context: StageContext, shardCount: Int) throws {
        guard let output = context.invocation.outputs.first?.declaredPath, context.invocation.outputs.count == 1 else {
            throw StageError.usage("stage '\(context.stage)' must declare exactly one output (the merged ensembles file)")
        }
        let shards = try context.invocation.inputs.map { try HDF5File.open($0.path) }
        let file = try context.createOutputFile(output)
        try EnsembleFileMerger.merge(shards, expectedCount: shardCount, into: file)
        try file.close()
        for shard in shards { try shard.close() }
        try context.report(summary: .object(["mergedShards": .int(Int64(shardCount))]))
    }

    /// Trains one configuration (single-threaded: parallelism is across configurations).
    static func train(
        _ configuration: SweepConfiguration, architecture: Architecture, sweep: SweepSpecification, seeds: SeedKey,
        training: Dataset, test: Dataset
    ) throws -> EnsembleResult {
        let initial = sweep.initialParameters(for: configuration, seeds: seeds, architecture: architecture)
        let replicas = ReplicaPlan(
            count: sweep.replicaCount, law: sweep.replicaLaw, key: SweepSpecification.key(seeds, "replicas", configuration))
        let neighbours = sweep.neighbours.map {
            NeighbourPlan(
                start: $0.start, spacing: $0.spacing, timeCount: $0.timeCount, neighbourCount: $0.perTime,
                standardDeviation: $0.standardDeviation, key: SweepSpecification.key(seeds, "neighbours", configuration))
        }
        let batches = sweep.batchSize.map {
            BatchSchedule.shuffledMinibatches(size: $0, key: SweepSpecification.key(seeds, "batches", configuration))
        } ?? .fullBatch
        func run<O: Optimizer>(_ optimizer: O) throws -> EnsembleResult {
            var configuration = EnsembleConfiguration(
                    architecture: architecture, trainingSet: training, testSet: test, optimizer: optimizer,
                    batches: batches, noiseKey: SweepSpecification.key(seeds, "noise", configuration),
                    stepCount: sweep.steps, recordInterval: sweep.evaluationInterval,
                    parameterInterval: sweep.parameterInterval, initialParameters: initial,
                    replicas: replicas, neighbours: neighbours,
                    divergence: DivergencePolicy(parameterBound: sweep.divergenceBound),
                    evaluatesTrainingSet: sweep.evaluatesTrainingSet)
            configuration.engine = sweep.engine
            return try EnsembleTrainer.train(configuration, threadCount: 1)
        }
        return try sweep.optimizer.withOptimizer(learningRate: configuration.learningRate) { try run($0) }
    }
}
