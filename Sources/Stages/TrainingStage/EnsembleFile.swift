import EnsembleReplay
import FileSchemas
import HDF5
import Networks
import NumericsCore

/// Writes an ensembles file (layout: ``FileSchemas/EnsemblesFile``, whose declared fields
/// name every dataset, its axes and meaning) from the results of a sweep.
///
/// A shard's file has the same layout (padding P and L, and the parameter decimation,
/// are those of the whole sweep), holding only its rows; ``EnsembleFileMerger`` puts the
/// shards' rows back in global order, giving the datasets of an unsharded run.
public struct EnsembleFileWriter {
    let sweep: SweepSpecification
    let configurations: [SweepConfiguration]
    let architectures: [Architecture]
    let seeds: SeedKey
    let maxParameterCount: Int
    let maxLayerCount: Int
    /// Reference parameters are stored every this many steps (the sweep's parameter
    /// interval, or a multiple of it when the trajectories would not fit the budget).
    public let parameterRecordInterval: Int
    /// Bytes the file will hold before compression.
    public let estimatedBytes: Int

    /// The budget for stored parameter trajectories; larger ones are decimated, never dropped.
    public static let parameterBudgetBytes = 2_000_000_000

    /// A writer for `configurations` (this shard's) and their `architectures`;
    /// `sweepArchitectures` are those of the whole sweep, which fix the padding and the
    /// decimation so that every shard's file has the layout of the unsharded one.
    public init(sweep: SweepSpecification, configurations: [SweepConfiguration], architectures: [Architecture],
                sweepArchitectures: [Architecture], seeds: SeedKey) {
        self.sweep = sweep
        self.configurations = configurations
        self.architectures = architectures
        self.seeds = seeds
        maxParameterCount = sweepArchitectures.map(\.parameterCount).max() ?? 0
        maxLayerCount = sweepArchitectures.map(\.layerSizes.count).max() ?? 0
        let count = configurations.count
        let records = sweep.steps / sweep.evaluationInterval + 2
        var interval = sweep.parameterInterval
        while sweepArchitectures.count * (sweep.steps / interval + 2) * maxParameterCount * 8
            > EnsembleFileWriter.parameterBudgetBytes
        {
            interval *= 2
        }
        parameterRecordInterval = interval
        let perConfiguration =
            (sweep.steps + 1) + (sweep.replicaSteps + 1) * 2 * sweep.replicaCount + 2 * records
            + (sweep.steps / interval + 2) * maxParameterCount + maxParameterCount
            + 3 * (sweep.neighbours.map { $0.timeCount * $0.perTime } ?? 0)  // at most: `within` may spawn fewer
        estimatedBytes = 8 * count * perConfiguration
    }

    /// Writes the results (one per configuration, in order) to `file`.
    public func write(_ results: [EnsembleResult], to file: HDF5File) throws {
        typealias F = EnsemblesFile.Fields
        let count = configurations.count
        let steps = sweep.steps
        let momentum: Double
        if case .heavyBall(let value) = sweep.optimizer { momentum = value } else { momentum = 0 }
        let header = EnsemblesFile(
            steps: Int64(steps), replicaCount: Int64(sweep.replicaCount),
            shard: [Int64(sweep.shard.index), Int64(sweep.shard.count)], momentum: momentum, loss: sweep.loss.rawValue,
            outputActivation: sweep.outputActivation.rawValue, initialization: String(describing: sweep.initialization),
            optimizer: sweep.optimizer.name, optimizerHyperparameters: sweep.optimizer.hyperparameters.canonicalText,
            batchSize: Int64(sweep.batchSize ?? 0), ensemblesKey: String(seeds.rawValue),
            evaluatesTrainingSet: sweep.evaluatesTrainingSet ? 1 : 0, engine: sweep.engine.rawValue,
            configurations: ConfigurationTable(
                index: configurations.map { Int64($0.index) }, activation: configurations.map(\.activation.rawValue),
                width: configurations.map { Int64($0.width) }, learningRate: configurations.map(\.learningRate),
                seedIndex: configurations.map { Int64($0.seedIndex) }),
            dataDraw: configurations.map { Int64(sweep.dataDraw(for: $0)) }, parameterCount: results.map { Int64($0.parameterCount) },
            layerSizes: architectures.flatMap {
                $0.layerSizes.map(Int64.init) + [Int64](repeating: 0, count: maxLayerCount - $0.layerSizes.count)
            }, layerColumns: maxLayerCount)
        try header.write(to: file)

        let recorded = results.first?.recordedSteps ?? []
        let k = recorded.count
        try file.write(F.recordedSteps, recorded.map(Int64.init), shape: [k])
        try file.write(F.trainingLoss, results.flatMap { $0.trainingLoss(run: 0) }, shape: [count, steps + 1])
        try file.write(F.testLoss, results.flatMap { Array($0.testLoss.prefix(k)) }, shape: [count, k])
        try file.write(F.testAccuracy, results.flatMap { Array($0.testAccuracy.prefix(k)) }, shape: [count, k])
        if sweep.evaluatesTrainingSet {
            try file.write(F.trainingSetLoss, results.flatMap { Array($0.trainingSetLoss.prefix(k)) }, shape: [count, k])
            try file.write(F.trainingSetAccuracy, results.flatMap { Array($0.trainingSetAccuracy.prefix(k)) }, shape: [count, k])
        }
        if let names = results.first?.diagnosticNames, !names.isEmpty {
            try file.write(F.optimizerDiagnostics, results.flatMap(\.diagnostics), shape: [count, k, names.count])
            try file.write(F.diagnosticNames, names)
        }
        if let names = results.first?.thermostatPointDiagnosticNames, !names.isEmpty {
            try file.write(F.thermostatPointDiagnostics, results.flatMap(\.thermostatPointDiagnostics), shape: [count, k, names.count])
            try file.write(F.thermostatPointDiagnosticNames, names)
        }
        let parameterSteps = results.first?.parameterSteps ?? []
        let keep = parameterSteps.enumerated().filter { $0.element % parameterRecordInterval == 0 || $0.element == steps }.map(\.offset)
        try file.write(F.parameterSteps, keep.map { Int64(parameterSteps[$0]) }, shape: [keep.count])
        var trajectories: [Double] = []
        trajectories.reserveCapacity(count * keep.count * maxParameterCount)
        for result in results {
            for record in keep { trajectories += padded(Array(result.referenceParameters(record: record))) }
        }
        try file.write(F.parameters, trajectories, shape: [count, keep.count, maxParameterCount])
        try file.write(
            F.finalParameters, results.flatMap { padded(Array($0.finalParameters.prefix($0.parameterCount))) }, shape: [count, maxParameterCount])
        try file.write(F.statusStep, results.map { Int64($0.statuses[0].stepCode) }, shape: [count])
        try file.write(F.statusReason, results.map { Int64($0.statuses[0].reasonCode) }, shape: [count])

        let replicaShape = [count, sweep.replicaCount, sweep.replicaSteps + 1]
        try file.write(F.distanceL1, results.flatMap(\.distanceL1), shape: replicaShape)
        try file.write(F.distanceL2, results.flatMap(\.distanceL2), shape: replicaShape)
        try file.write(
            F.replicaStatusStep, results.flatMap { $0.statuses.dropFirst().map { Int64($0.stepCode) } }, shape: [count, sweep.replicaCount])
        try file.write(F.perturbation, String(describing: sweep.replicaLaw))
        try file.write(F.replicaSteps, Int64(sweep.replicaSteps))

        if let plan = sweep.neighbours {
            let times = results.first?.neighbourTimes ?? []
            try file.write(F.neighbourSteps, times.map(Int64.init), shape: [times.count])
            try file.write(F.neighbourHorizon, Int64(plan.spacing))
            try file.write(F.neighbourStandardDeviation, plan.standardDeviation)
            let shape = [count, times.count, plan.perTime]
            try file.write(F.neighbourInitialDistance, results.flatMap(\.neighbourInitialDistance), shape: shape)
            try file.write(F.neighbourFinalDistance, results.flatMap(\.neighbourFinalDistance), shape: shape)
            try file.write(F.neighbourStatusStep, results.flatMap { $0.neighbourStatuses.map { Int64($0.stepCode) } }, shape: shape)
        }
    }

    private func padded(_ values: [Double]) -> [Double] {
        values + [Double](repeating: .nan, count: maxParameterCount - values.count)
    }
}
