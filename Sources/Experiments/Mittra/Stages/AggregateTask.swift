import Foundation
import HDF5
import ReportKit
import StageKit

/// The `aggregate` task of `mittra` (docs/PROTOCOL.md §2): reads the exponents files of the
/// learning-rate sweep (E1) and of the activation study (E2, E3), computes
/// ``MittraAggregation`` into ``MittraResults``, which ``Mittra`` writes to the stage's one
/// output (`data/mittra/aggregate.h5`).
public enum AggregateTask {
    /// The parameters of the task.
    public struct Settings: Sendable, Equatable {
        /// Exponents files of the learning-rate sweep (one, or the shards of one sweep).
        public var learningRateSweep: [String]
        /// Ensembles files of the learning-rate sweep: the training-loss series that
        /// ``LossTrend`` tests (every configuration of `learningRateSweep` must be in one).
        public var learningRateSweepEnsembles: [String]
        /// The "loss still falling" trend test of the chaos rule.
        public var lossTrend: LossTrend
        /// λ thresholds of the claim-1 sensitivity grid (nats/step).
        public var sensitivityThresholds: [Double]
        /// Ensembles files of the activation study: the final test accuracy of each start.
        public var activationStudyEnsembles: [String]
        /// Exponents and ensembles files of E2/E3 in the learning regime (empty: not run).
        public var learningStudy: [String]
        /// The ensembles files of `learningStudy`.
        public var learningStudyEnsembles: [String]
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
        /// Activations that cannot represent XOR: left out of claim 2's representing pool.
        public var cannotRepresent: [String]
        /// The JSON path of the parameters, for errors about series names.
        public var path: String

        /// Reads `learningRateSweep`, `learningRateSweepEnsembles`, `activationStudy` (each a
        /// file or a list of files), `activationStudyEnsembles`, `lossTrend`,
        /// `bootstrapResamples`, `bandPoints`, `chaosSeries`, `chaosThreshold`, `rankSeries`
        /// and `initialWeightSeries`.
        public init(_ parameters: Parameters) throws {
            learningRateSweep = try Self.files(parameters, "learningRateSweep")
            learningRateSweepEnsembles = try Self.files(parameters, "learningRateSweepEnsembles")
            lossTrend = try Self.readLossTrend(parameters)
            sensitivityThresholds = try parameters.doubles("sensitivityThresholds")
            activationStudy = try Self.files(parameters, "activationStudy")
            activationStudyEnsembles = try Self.files(parameters, "activationStudyEnsembles")
            learningStudy = parameters.has("learningStudy") ? try Self.files(parameters, "learningStudy") : []
            learningStudyEnsembles = parameters.has("learningStudyEnsembles") ? try Self.files(parameters, "learningStudyEnsembles") : []
            guard learningStudy.isEmpty == learningStudyEnsembles.isEmpty else {
                throw StageError.parameter(path: parameters.path + ".learningStudyEnsembles", message: "is needed exactly when learningStudy is given")
            }
            bootstrapResamples = try parameters.int("bootstrapResamples", atLeast: 100)
            bandPoints = try parameters.int("bandPoints", atLeast: 2)
            chaosSeries = try parameters.string("chaosSeries")
            chaosThreshold = try parameters.double("chaosThreshold")
            rankSeries = try parameters.string("rankSeries")
            initialWeightSeries = try parameters.string("initialWeightSeries")
            cannotRepresent = parameters.has("cannotRepresent") ? try parameters.strings("cannotRepresent") : RegimeTest.defaultCannotRepresent
            path = parameters.path
        }

        /// `lossTrend` (`{"tStatistic": 3, "relativeDrop": 0.001, "dropToScatter": 2}`), or
        /// the defaults of ``LossTrend`` when absent.
        private static func readLossTrend(_ parameters: Parameters) throws -> LossTrend {
            guard parameters.has("lossTrend") else { return LossTrend() }
            let trend = try parameters.object("lossTrend")
            return LossTrend(
                tStatistic: try trend.double("tStatistic", default: LossTrend.defaultTStatistic),
                relativeDrop: try trend.double("relativeDrop", default: LossTrend.defaultRelativeDrop),
                dropToScatter: try trend.double("dropToScatter", default: LossTrend.defaultDropToScatter))
        }

        /// One exponents file, or several shards of one sweep.
        private static func files(_ parameters: Parameters, _ key: String) throws -> [String] {
            if case .array? = parameters.value[key] { return try parameters.strings(key) }
            return [try parameters.string(key)]
        }
    }

    /// The results of the task for `context` (its parameters are ``Settings``).
    static func results(_ context: StageContext) throws -> MittraResults {
        let settings = try Settings(context.parameters)
        var sweepTable = try ExponentTable(paths: settings.learningRateSweep.map { try context.inputPath($0) })
        let ensembleFiles = try settings.learningRateSweepEnsembles.map { try context.inputPath($0) }
        let sweepRuns = try TrainingLossTable(paths: ensembleFiles)
        try sweepTable.applyLossTrend(settings.lossTrend, losses: sweepRuns, files: ensembleFiles)
        try sweepTable.applyTestAccuracy(sweepRuns, files: ensembleFiles)
        var studyTable = try ExponentTable(paths: settings.activationStudy.map { try context.inputPath($0) })
        let studyEnsembles = try settings.activationStudyEnsembles.map { try context.inputPath($0) }
        try studyTable.applyTestAccuracy(try TrainingLossTable(paths: studyEnsembles), files: studyEnsembles)
        let aggregation = MittraAggregation(
            resamples: settings.bootstrapResamples, key: try context.seed("bootstrap"), bandPoints: settings.bandPoints)
        var learningRanking: ActivationRanking?, learningInitialWeights: InitialWeightStudy?
        if !settings.learningStudy.isEmpty {
            var table = try ExponentTable(paths: settings.learningStudy.map { try context.inputPath($0) })
            let ensembles = try settings.learningStudyEnsembles.map { try context.inputPath($0) }
            try table.applyTestAccuracy(try TrainingLossTable(paths: ensembles), files: ensembles)
            // Its own bootstrap streams, so the paper-code regime's numbers do not change.
            var learning = aggregation
            learning.key = aggregation.key.derive("learning-regime")
            learningRanking = try learning.ranking(table, rank: try table.seriesIndex(settings.rankSeries, path: settings.path + ".rankSeries"),
                cannotRepresent: settings.cannotRepresent)
            learningInitialWeights = try learning.initialWeights(
                table, series: try table.seriesIndex(settings.initialWeightSeries, path: settings.path + ".initialWeightSeries"))
        }
        let results = MittraResults(
            sweep: try aggregation.sweep(
                sweepTable, chaos: try sweepTable.seriesIndex(settings.chaosSeries, path: settings.path + ".chaosSeries"),
                chaosThreshold: settings.chaosThreshold, trend: settings.lossTrend,
                sensitivityThresholds: settings.sensitivityThresholds),
            ranking: try aggregation.ranking(
                studyTable, rank: try studyTable.seriesIndex(settings.rankSeries, path: settings.path + ".rankSeries"),
                cannotRepresent: settings.cannotRepresent),
            initialWeights: try aggregation.initialWeights(
                studyTable, series: try studyTable.seriesIndex(settings.initialWeightSeries, path: settings.path + ".initialWeightSeries")),
            learningRanking: learningRanking, learningInitialWeights: learningInitialWeights)
        return results
    }
}
