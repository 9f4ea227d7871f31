import Foundation
import HDF5
import NumericsCore
import StageKit

/// The `aggregate` task of `jimenez` (docs/PROTOCOL.md §3): reads the data, ensembles and
/// exponents files named by its parameters, computes ``JimenezAggregation`` into
/// ``JimenezResults``, which ``Jimenez`` writes to the stage's one output
/// (`data/jimenez/aggregate.h5`).
public enum AggregateTask {
    /// Reads the parameters (declared in ``Jimenez/parameters``) into the aggregation.
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

    /// The results of the task for `context`.
    static func results(_ context: StageContext) throws -> JimenezResults {
        let parameters = context.parameters
        let aggregation = try aggregation(parameters, key: try context.seed("bootstrap"))
        let observations = try SweepFiles.read(
            data: try context.inputPath(try parameters.string("data")),
            ensembles: try context.inputPath(try parameters.string("ensembles")),
            exponents: try context.inputPath(try parameters.string("exponents")))
        return try aggregation.results(observations)
    }
}
