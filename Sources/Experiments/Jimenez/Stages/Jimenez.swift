import Provenance
import ReportKit
import StageKit

/// E4 (docs/PROTOCOL.md §3, Jiménez-González, Soriano & Lacasa 2025) as an
/// ``ReportKit/Experiment``: the executable `jimenez` runs ``ReportKit/ExperimentStage``
/// over it (parameter `task`: `aggregate`, `figures` or `section`).
public enum Jimenez: Experiment {
    /// Its figures.
    public typealias Figure = JimenezFigure

    /// The executable, the stages' and figures' prefix and the section: `jimenez`.
    public static let name = "jimenez"

    /// The declared parameters of each task.
    public static let parameters = TaskParameters(
        aggregate: [
            ParameterField("data", .string(), "the data file the ensembles were trained on (training and test subsets)"),
            ParameterField("ensembles", .string(), "the ensembles file (test accuracy per step, replica distances)"),
            ParameterField("exponents", .string(), "the exponents file (λ per configuration and series)"),
            ParameterField("conventions", .array(.string()), "the divergence-fit series whose onset is decided, one per averaging convention"),
            ParameterField("primaryConvention", .string(), "the convention of the claim's verdict"),
            ParameterField("tangentSeries", .array(.string()), "tangent-space λ series reported beside the fits"),
            ParameterField("primaryTargetFraction", .number, default: .double(0.9), "τ target: this fraction of the best accuracy at any η"),
            ParameterField("absoluteTargets", .array(.number), "fixed accuracy targets beside it (sensitivity check)"),
            ParameterField("level", .number, default: .double(0.95), "coverage of every bootstrap interval"),
            ParameterField("onsetResamples", .integer(atLeast: 1), "bootstrap resamples of each η's median λ"),
            ParameterField("minimumAcceptedFraction", .number, default: .double(0.5), "least fraction of accepted fits for an η's median"),
            ParameterField("bootstrapResamples", .integer(atLeast: 1), "outer resamples of the paired bootstrap of onset and argmin"),
            ParameterField("innerResamples", .integer(atLeast: 1), "inner resamples (the onset's interval on each outer resample)"),
            ParameterField("onsetSensitivityThresholds", .array(.number), default: .array([]), """
                thresholds δ > 0 on λ (nats/step): the onset and verdict again with "median λ and its interval's lower end > δ", \
                reported beside the verdict (a sensitivity check chosen after the verdict was seen), never replacing it
                """),
            .optional("steepestExponents", .string(), "the exponents file of the steepest-window fits (docs/PROTOCOL.md §3.6), read as …/steepest"),
            ParameterField("steepestSeries", .array(.string()), default: .array([]), "the steepest-window fit series reported per η beside the best-R² fits"),
            .optional("amendedRule", .object([
                ParameterField("series", .array(.string()), "the series whose onset the amended rule decides, the primary first"),
                ParameterField("floor", .number, "δ (nats/step): the onset needs the median λ and its interval's lower end above it"),
                ParameterField("toleranceRatio", .number, "\"at the onset\": the argmin within this factor of the onset η"),
                ParameterField("sourceGrid", .array(.number), "the source's η grid (the first rule and the source-grid rows use it)"),
            ]), "the amended claim rule of docs/PROTOCOL.md §3.6, judged beside the first rule"),
            ParameterField("scaleSeries", .string(), default: .string("tangent/late"),
                           "the tangent series of the scale check and of the per-η fit-versus-tangent comparison"),
            .optional("scaleData", .string(), "scale check: the larger training set (docs/PROTOCOL.md §3.6)"),
            .optional("scaleEnsembles", .string(), "scale check: its reference runs"),
            .optional("scaleExponents", .string(), "scale check: their tangent λ"),
        ],
        section: [
            ParameterField("sourceValues", .json, "what the source states (printed as quoted): citation, code, protocol sizes"),
            TaskParameters.benchmark,
        ])

    /// ``JimenezAggregation`` of the data, ensembles and exponents files (see ``AggregateTask``).
    public static func aggregate(_ context: StageContext) throws -> JimenezResults {
        try AggregateTask.results(context)
    }

    /// The onset and argmin indices, the first rule's verdicts per convention and target,
    /// and the verdict of every claim rule (`/verdicts`), reported by `pipeline run`.
    public static func summary(of results: JimenezResults) -> JSONValue {
        .object([
            "onset_index": .array(results.exponents.onsetIndex.map { .int(Int64($0)) }),
            "argmin_index": .array(results.trainingTimes.argminIndex.map { .int(Int64($0)) }),
            "verdicts": .array(results.bootstrap.verdict.values.map { .string($0) }),
            "claim_rules": .array(results.amended.verdicts.rules.indices.map { v in
                .string("\(results.amended.verdicts.rules[v]), \(results.amended.verdicts.series[v]), \(results.amended.verdicts.grids[v]): \(results.amended.verdicts.verdict[v])")
            }),
        ])
    }

    /// `figure` drawn from `results` (it takes no settings).
    public static func draw(_ figure: JimenezFigure, from results: JimenezResults, settings: Parameters) throws -> FigureDrawing {
        FigureDrawing(try figure.figure(results), caption: try figure.caption(results))
    }

    /// ``JimenezSection`` over the quoted `sourceValues` and the benchmark record.
    public static func section(_ inputs: SectionInputs<Jimenez>) throws -> SectionBundle {
        let section = JimenezSection.Inputs(
            template: inputs.template, results: inputs.results, aggregate: inputs.aggregate,
            figures: inputs.figures.map { ($0.figure, $0.path) }, source: try SourceFacts(try inputs.settings.object("sourceValues")),
            benchmark: try inputs.requiredBenchmark())
        return try JimenezSection.bundle(section, stage: inputs.stage, provenance: inputs.provenance)
    }
}

extension JimenezResults: ExperimentResults {}
