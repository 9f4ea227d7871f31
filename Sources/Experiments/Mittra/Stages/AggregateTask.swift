import Foundation
import HDF5
import ReportKit
import StageKit

/// The `aggregate` task of `mittra` (SCIENCE.md §2): reads the exponents files of the
/// learning-rate sweep (E1) and of the activation study (E2, E3), computes
/// ``MittraAggregation`` and writes ``MittraResults`` to the stage's one output
/// (`data/mittra/aggregate.h5`) with the stage's provenance at the root.
public enum AggregateTask {
    /// The parameters of the task.
    public struct Settings: Sendable, Equatable {
        /// Exponents files of the learning-rate sweep (one, or the shards of one sweep).
        public var learningRateSweep: [String]
        /// Exponents files of the activation study (E2 and E3).
        public var activationStudy: [String]
        /// Bootstrap resamples per interval (at least 100).
        public var bootstrapResamples: Int
        /// Points of each least-squares band (at least 2).
        public var bandPoints: Int
        /// The series whose λ decides chaos per seed and gives the onset.
        public var chaosSeries: String
        /// λ in nats/step above which a seed can be chaotic.
        public var chaosThreshold: Double
        /// The series ranked against the final loss in E2.
        public var rankSeries: String
        /// The series correlated with the final loss in E3.
        public var initialWeightSeries: String
        /// The JSON path of the parameters, for errors about series names.
        public var path: String

        /// Reads `learningRateSweep`, `activationStudy` (a file or a list of shard files),
        /// `bootstrapResamples`, `bandPoints`, `chaosSeries`, `chaosThreshold`, `rankSeries`
        /// and `initialWeightSeries`.
        public init(_ parameters: Parameters) throws {
            learningRateSweep = try Self.files(parameters, "learningRateSweep")
            activationStudy = try Self.files(parameters, "activationStudy")
            bootstrapResamples = try parameters.int("bootstrapResamples", atLeast: 100)
            bandPoints = try parameters.int("bandPoints", atLeast: 2)
            chaosSeries = try parameters.string("chaosSeries")
            chaosThreshold = try parameters.double("chaosThreshold")
            rankSeries = try parameters.string("rankSeries")
            initialWeightSeries = try parameters.string("initialWeightSeries")
            path = parameters.path
        }

        /// One exponents file, or several shards of one sweep.
        private static func files(_ parameters: Parameters, _ key: String) throws -> [String] {
            if case .array? = parameters.value[key] { return try parameters.strings(key) }
            return [try parameters.string(key)]
        }
    }

    /// Runs the task for `context`.
    public static func run(_ context: StageContext) throws {
        let settings = try Settings(context.parameters)
        let sweepTable = try ExponentTable(paths: settings.learningRateSweep.map { try context.inputPath($0) })
        let studyTable = try ExponentTable(paths: settings.activationStudy.map { try context.inputPath($0) })
        let aggregation = MittraAggregation(
            resamples: settings.bootstrapResamples, key: try context.seed("bootstrap"), bandPoints: settings.bandPoints)
        let results = MittraResults(
            sweep: try aggregation.sweep(
                sweepTable, chaos: try sweepTable.seriesIndex(settings.chaosSeries, path: settings.path + ".chaosSeries"),
                chaosThreshold: settings.chaosThreshold),
            ranking: try aggregation.ranking(
                studyTable, rank: try studyTable.seriesIndex(settings.rankSeries, path: settings.path + ".rankSeries")),
            initialWeights: try aggregation.initialWeights(
                studyTable, series: try studyTable.seriesIndex(settings.initialWeightSeries, path: settings.path + ".initialWeightSeries")))
        try StageFiles.writeOneResultsFile(context, role: "aggregate.h5") { try results.write(into: $0) }
    }
}
