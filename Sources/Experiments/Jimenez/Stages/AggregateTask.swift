import Foundation
import HDF5
import NumericsCore
import StageKit

/// The `aggregate` task of `jimenez` (SCIENCE.md §3): reads the data, ensembles and
/// exponents files named by its parameters, computes ``JimenezAggregation`` and writes
/// ``JimenezResults`` to the stage's one output (`data/jimenez/aggregate.h5`) with the
/// stage's provenance at the root.
public enum AggregateTask {
    /// Reads the parameters (declared in ``JimenezStage/schema``) into the aggregation.
    static func aggregation(_ parameters: Parameters, key: SeedKey) throws -> JimenezAggregation {
        JimenezAggregation(
            conventions: try parameters.strings("conventions"), primaryConvention: try parameters.string("primaryConvention"),
            tangentSeries: try parameters.strings("tangentSeries"), primaryTargetFraction: try parameters.double("primaryTargetFraction"),
            absoluteTargets: try parameters.doubles("absoluteTargets"),
            onsetRule: OnsetRule(
                level: try parameters.double("level"), resampleCount: try parameters.int("onsetResamples", atLeast: 1),
                minimumAcceptedFraction: try parameters.double("minimumAcceptedFraction")),
            bootstrapResamples: try parameters.int("bootstrapResamples", atLeast: 1),
            innerResamples: try parameters.int("innerResamples", atLeast: 1), key: key,
            sensitivityThresholds: try parameters.doubles("onsetSensitivityThresholds"))
    }

    /// Runs the task for `context`.
    public static func run(_ context: StageContext) throws {
        let parameters = context.parameters
        let aggregation = try aggregation(parameters, key: try context.seed("bootstrap"))
        let observations = try SweepFiles.read(
            data: try context.inputPath(try parameters.string("data")),
            ensembles: try context.inputPath(try parameters.string("ensembles")),
            exponents: try context.inputPath(try parameters.string("exponents")))
        let results = try aggregation.results(observations)
        guard context.invocation.outputs.count == 1, let output = context.invocation.outputs.first else {
            throw StageError.usage("stage '\(context.stage)': the aggregate task writes one file (aggregate.h5); declare exactly one output")
        }
        let file = try context.createOutputFile(output.declaredPath)
        try results.write(into: file)
        try file.close()
        try context.report(summary: .object([
            "onset_index": .array(results.exponents.onsetIndex.map { .int(Int64($0)) }),
            "argmin_index": .array(results.trainingTimes.argminIndex.map { .int(Int64($0)) }),
            "verdicts": .array(results.bootstrap.verdict.values.map { .string($0) }),
        ]))
    }
}
