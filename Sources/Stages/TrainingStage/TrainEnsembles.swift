import Datasets
import Dispatch
import EnsembleReplay
import FileSchemas
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
        let configurations = sweep.configurations
        let data = try DrawnData.read(
            draws: Set(configurations.map(sweep.dataDraw(for:))), from: try context.openInputFile(dataInput.declaredPath),
            stage: context.stage, outputCount: { sweep.outputCount(classCount: $0) })
        let outputCount = data.outputCount
        let seeds = try context.seed("ensembles")
        guard let output = context.invocation.outputs.first?.declaredPath, context.invocation.outputs.count == 1 else {
            throw StageError.usage("stage '\(context.stage)' must declare exactly one output (the ensembles file)")
        }
        let architectures = try configurations.map {
            try sweep.architecture(for: $0, inputCount: data.inputCount, outputCount: outputCount)
        }

        let sweepArchitectures = try sweep.allConfigurations.map {
            try sweep.architecture(for: $0, inputCount: data.inputCount, outputCount: outputCount)
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
            let sets = data.sets[sweep.dataDraw(for: configurations[index])]!
            return try train(configurations[index], architecture: architectures[index], sweep: sweep, seeds: seeds,
                             training: sets.training, test: sets.test)
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
            count: sweep.replicaCount, law: sweep.replicaLaw, key: configuration.key(seeds, "replicas"), steps: sweep.replicaSteps)
        let neighbours = sweep.neighbours.map {
            NeighbourPlan(
                start: $0.start, spacing: $0.spacing, timeCount: $0.timeCount, neighbourCount: $0.perTime,
                standardDeviation: $0.standardDeviation, key: configuration.key(seeds, "neighbours"), within: $0.within)
        }
        let batches = sweep.batchSize.map {
            BatchSchedule.shuffledMinibatches(size: $0, key: configuration.key(seeds, "batches"))
        } ?? .fullBatch
        func run<O: Optimizer>(_ optimizer: O) throws -> EnsembleResult {
            var configuration = EnsembleConfiguration(
                    architecture: architecture, trainingSet: training, testSet: test, optimizer: optimizer,
                    batches: batches, noiseKey: configuration.key(seeds, "noise"),
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

/// The training and test sets of the data draws a stage needs, read once (layout in
/// ``FileSchemas/DataFile``): by draw index.
struct DrawnData {
    var sets: [Int: (training: Dataset, test: Dataset)]
    var inputCount: Int
    var outputCount: Int

    /// Reads `draws` from `file` (and closes it); the number of outputs follows the
    /// classes present in every draw read (`outputCount` of the class count, at least 2).
    static func read(
        draws: Set<Int>, from file: HDF5File, stage: String, outputCount: (Int) -> Int
    ) throws -> DrawnData {
        defer { try? file.close() }
        let available = try DataFile.drawCount(in: file)
        if let missing = draws.filter({ $0 >= available }).min() {
            throw StageError.invalidInput(path: file.path, reason: """
                stage '\(stage)' trains on data draw \(missing) (dataDraw per-seed: draw s for seed s), but the file holds \
                \(available) draw\(available == 1 ? "" : "s"); give its data stage draws ≥ \(draws.max()! + 1), or set dataDraw to fixed
                """)
        }
        var raw: [Int: (ClassificationData, ClassificationData)] = [:]
        var classes = Set<Int>()
        for draw in (draws.isEmpty ? [0] : draws.sorted()) {
            let pair = (ClassificationData(try DataFile.read(split: "train", draw: draw, from: file)),
                        ClassificationData(try DataFile.read(split: "test", draw: draw, from: file)))
            classes.formUnion(pair.0.labels)
            classes.formUnion(pair.1.labels)
            raw[draw] = pair
        }
        let outputs = outputCount(max(classes.count, 2))
        var sets: [Int: (training: Dataset, test: Dataset)] = [:]
        for (draw, pair) in raw {
            sets[draw] = (try Dataset(pair.0, outputCount: outputs), try Dataset(pair.1, outputCount: outputs))
        }
        return DrawnData(sets: sets, inputCount: raw.values.first?.0.featureCount ?? 0, outputCount: outputs)
    }
}
