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
            sensitivityThresholds: try parameters.doubles("onsetSensitivityThresholds"),
            amendedRule: try amendedRule(parameters))
    }

    /// The amended rules (docs/PROTOCOL.md §3.6), `nil` when `amendedRule` is absent.
    static func amendedRule(_ parameters: Parameters) throws -> AmendedRuleSettings? {
        guard parameters.has("amendedRule") else { return nil }
        let rule = try parameters.object("amendedRule")
        return AmendedRuleSettings(
            steepestSeries: try parameters.strings("steepestSeries"), series: try rule.strings("series"), floor: try rule.double("floor"),
            toleranceRatio: try rule.double("toleranceRatio"), sourceGrid: try rule.doubles("sourceGrid"),
            tangentSeries: try parameters.string("scaleSeries"))
    }

    /// The results of the task for `context`.
    static func results(_ context: StageContext) throws -> JimenezResults {
        let parameters = context.parameters
        let aggregation = try aggregation(parameters, key: try context.seed("bootstrap"))
        func input(_ name: String) throws -> String? {
            guard parameters.has(name) else { return nil }
            return try context.inputPath(try parameters.string(name))
        }
        let observations = try SweepFiles.read(
            data: try context.inputPath(try parameters.string("data")),
            ensembles: try context.inputPath(try parameters.string("ensembles")),
            exponents: try context.inputPath(try parameters.string("exponents")), steepestExponents: try input("steepestExponents"))
        var scale: SweepObservations?
        if let data = try input("scaleData"), let ensembles = try input("scaleEnsembles"), let exponents = try input("scaleExponents") {
            scale = try SweepFiles.read(data: data, ensembles: ensembles, exponents: exponents)
        }
        return try aggregation.results(observations, scale: scale)
    }
}
