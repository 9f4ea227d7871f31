import ReportKit
import StageKit

/// The Mittra experiments (docs/PROTOCOL.md §2, E1–E3) as an ``ReportKit/Experiment``: the
/// executable `mittra` runs ``ReportKit/ExperimentStage`` over it (parameter `task`:
/// `aggregate`, `figures` or `section`).
public enum Mittra: Experiment {
    /// Its figures.
    public typealias Figure = MittraFigure

    /// The executable, the stages' and figures' prefix and the section: `mittra`.
    public static let name = "mittra"

    /// The declared parameters of each task.
    public static let parameters: TaskParameters = {
        let files = ParameterType.either([.string(), .array(.string())])
        return TaskParameters(
            aggregate: [
                ParameterField("learningRateSweep", files, "E1 exponents file, or the list of its shards"),
                ParameterField("learningRateSweepEnsembles", files, "E1 ensembles file(s): the training loss the trend test reads"),
                ParameterField("lossTrend", .object([
                    ParameterField("tStatistic", .number, default: .double(LossTrend.defaultTStatistic),
                                   "falling needs the late-window slope's t-statistic below minus this"),
                    ParameterField("relativeDrop", .number, default: .double(LossTrend.defaultRelativeDrop),
                                   "... and the fitted line's relative drop over the window above this"),
                    ParameterField("dropToScatter", .number, default: .double(LossTrend.defaultDropToScatter),
                                   "... and the fitted drop at least this many residual standard deviations"),
                ]), default: .object([
                    "tStatistic": .double(LossTrend.defaultTStatistic), "relativeDrop": .double(LossTrend.defaultRelativeDrop),
                    "dropToScatter": .double(LossTrend.defaultDropToScatter),
                ]), "the 'loss still falling' trend test of the chaos rule (LossTrend)"),
                ParameterField("sensitivityThresholds", .array(.number), default: .array([.double(0.0005), .double(0.001), .double(0.002)]),
                               "λ thresholds (nats/step) of the claim-1 sensitivity grid (× the trend windows of LossTrendWindow)"),
                ParameterField("activationStudy", files, "E2/E3 exponents file, or the list of its shards"),
                ParameterField("activationStudyEnsembles", files, "E2/E3 ensembles file(s): the final test accuracy of each start"),
                .optional("learningStudy", files, "E2/E3 exponents file(s) in the learning regime (claims 2 and 3 where the networks learn)"),
                .optional("learningStudyEnsembles", files, "the ensembles file(s) of learningStudy"),
                ParameterField("bootstrapResamples", .integer(atLeast: 100), "percentile-bootstrap resamples"),
                ParameterField("bandPoints", .integer(atLeast: 2), "points of each regression band"),
                ParameterField("chaosSeries", .string(), "the λ series that decides chaos (estimator/window)"),
                ParameterField("chaosThreshold", .number, "λ above this (nats/step) counts as positive"),
                ParameterField("rankSeries", .string(), "the λ series of the claim-2 rank correlation"),
                ParameterField("initialWeightSeries", .string(), "the λ series of claim 3"),
                ParameterField("cannotRepresent", .array(.string()), default: .array(RegimeTest.defaultCannotRepresent.map { .string($0) }),
                               "activations that cannot represent XOR: left out of claim 2's pooled ρ over representing activations"),
            ],
            figures: [
                ParameterField("width", .integer(atLeast: 1), default: .int(Int64(FigureOptions.defaultWidth)), "hidden width of the networks of Fig. 4"),
                ParameterField("earlySeries", .string(), default: .string(FigureOptions.defaultEarlySeries), "λ series of the early window"),
                ParameterField("lateSeries", .string(), default: .string(FigureOptions.defaultLateSeries), "λ series of the late window"),
            ],
            section: [
                ParameterField("sourceValues", .json, "numbers quoted from the source paper and its code (printed as quoted)"),
                ParameterField("verdictRules", .object([
                    ParameterField("significanceLevel", .number, default: .double(VerdictRules.defaultSignificanceLevel), "α of every test"),
                    ParameterField("chaoticFraction", .number, default: .double(VerdictRules.defaultChaoticFraction),
                                   "the alternative claim-1 rule: a cell is chaotic when at least this fraction of its seeds is"),
                    ParameterField("chaoticFractionLowerBound", .number, default: .double(VerdictRules.defaultChaoticFractionLowerBound),
                                   "claim 1: a cell is chaotic when the lower 95% Wilson bound of its chaotic fraction exceeds this"),
                ]), default: .object([
                    "significanceLevel": .double(VerdictRules.defaultSignificanceLevel),
                    "chaoticFraction": .double(VerdictRules.defaultChaoticFraction),
                    "chaoticFractionLowerBound": .double(VerdictRules.defaultChaoticFractionLowerBound),
                ]), "the verdict rules, fixed in advance"),
                ParameterField("regimeTest", .object([
                    ParameterField("minimumLearnedFraction", .number, default: .double(RegimeTest.defaultMinimumLearnedFraction),
                                   "a regime can test claims 2-3 iff at least this fraction of each representing activation's starts learn"),
                ]), default: .object([
                    "minimumLearnedFraction": .double(RegimeTest.defaultMinimumLearnedFraction),
                ]), "the amendment: when a regime can test a claim about final loss (RegimeTest)"),
            ])
    }()

    /// ``MittraAggregation`` of the E1 and E2/E3 files (see ``AggregateTask``).
    public static func aggregate(_ context: StageContext) throws -> MittraResults {
        try AggregateTask.results(context)
    }

    /// `figure` drawn with the ``FigureOptions`` of `settings`, stored in the SVG as facts
    /// so that the section describes the figures as they were drawn.
    public static func draw(_ figure: MittraFigure, from results: MittraResults, settings: Parameters) throws -> FigureDrawing {
        let options = try FigureOptions(settings)
        return FigureDrawing(try figure.figure(results, options), caption: try figure.caption(results, options), facts: options.facts)
    }

    /// ``MittraSection`` over the quoted `sourceValues`, the `verdictRules` and the options
    /// the figures were drawn with (every figure must carry the same).
    public static func section(_ inputs: SectionInputs<Mittra>) throws -> SectionBundle {
        let source = try SourceValues(try inputs.settings.object("sourceValues"))
        let rules = try VerdictRules(stageParameters: inputs.settings)
        var options: (FigureOptions, String)?
        for figure in inputs.figures {
            let drawn = try FigureOptions(facts: figure.facts, path: figure.path)
            if let (first, path) = options, first != drawn { throw FigureError.inconsistentOptions(path, figure.path) }
            options = options ?? (drawn, figure.path)
        }
        let section = MittraSection.Inputs(
            template: inputs.template, results: inputs.results,
            aggregate: AggregateFile(path: inputs.resultsFile.declaredPath, sha256: inputs.resultsFile.sha256),
            figures: inputs.figures.map { ($0.figure, $0.path) }, options: options?.0 ?? FigureOptions(), source: source, rules: rules)
        return try MittraSection.bundle(section, stage: inputs.stage, provenance: inputs.provenance)
    }
}

extension MittraResults: ExperimentResults {}
