import ReportKit
import StageKit

/// E5 (docs/PROTOCOL.md §4, Leimkuhler, Matthews & Vlaar 2020) as an ``ReportKit/Experiment``:
/// the executable `leimkuhler` runs ``ReportKit/ExperimentStage`` over it (parameter
/// `task`: `aggregate`, `figures` or `section`).
public enum Leimkuhler: Experiment {
    /// Its figures.
    public typealias Figure = LeimkuhlerFigure

    /// The executable, the stages' and figures' prefix and the section: `leimkuhler`.
    public static let name = "leimkuhler"

    /// The declared parameters of each task.
    public static let parameters = TaskParameters(
        aggregate: [
            ParameterField("data", .string(), "the declared input holding the two-spirals data (its training-set size gives the steps per epoch)"),
            ParameterField("ensembles", .array(.string()), "one ensembles file per optimizer (train-ensembles)"),
            ParameterField("exponents", .array(.string()), "the exponents file of each ensembles file, same order (estimate-exponents)"),
            ParameterField("tableEpochs", .array(.number), "epochs of the accuracy table (docs/PROTOCOL.md §4: 500, 1000, 2000, 4000)"),
            ParameterField("targetAccuracy", .number, "the old 'faster' rule (kept beside the amended one, labelled): epochs until the mean test accuracy first reaches this fraction"),
            ParameterField("comparisons", .array(.string()), default: .array([]),
                           "ensembles files of further baselines and methods trained like those in `ensembles` but without exponents (docs/PROTOCOL.md §4: SGD's wider grid, Adam's grid, heavy ball, LaLa with differing τ); their λ is NaN"),
            ParameterField("controls", .array(.string()), default: .array([]),
                           "ensembles files of controls trained like those in `ensembles` (docs/PROTOCOL.md §4: full-batch Langevin for equipartition), shown beside the methods, never compared in the claims"),
            ParameterField("rowLabels", .json, default: .object([:]),
                           "display labels by ensembles file, where the optimizer's name would not tell rows apart (e.g. full-batch Langevin); the rate is appended for a grid"),
            ParameterField("variants", .array(.string()), default: .array([]),
                           "ensembles files of one optimizer trained like its file in `ensembles` but for the settings under study (docs/PROTOCOL.md §4: LOL's γ₁ and τ₁)"),
            ParameterField("decisionBoundary", .object([
                ParameterField("gridPoints", .integer(atLeast: 2), default: .int(101), "grid points per axis"),
                ParameterField("margin", .number, default: .double(0.1), "the grid covers the test points widened by this fraction of their range on each side"),
            ]), default: .object(["gridPoints": .int(101), "margin": .double(0.1)]), "the grid on which the typical run's classifier is evaluated"),
        ],
        section: [
            ParameterField("sourceValues", .json, "numbers quoted from the authors' notebook and plot (printed as quoted)"),
            TaskParameters.benchmark,
            ParameterField("verdictRules", .object([
                ParameterField("significanceLevel", .number, default: .double(VerdictThresholds.defaults.significanceLevel),
                               "α of the amended rules' tests (sign test of 'faster', F-test of 'more robust') and 1 − the coverage of the overfitting interval"),
                ParameterField("targetFraction", .number, default: .double(VerdictThresholds.defaults.targetFraction),
                               "the amended 'faster' rule's common target: this fraction of the lowest, over the compared methods, best median-over-seeds test accuracy"),
                ParameterField("equipartitionTolerance", .number, default: .double(VerdictThresholds.defaults.equipartitionTolerance),
                               "a tensor is in equipartition when its late kinetic temperature ÷ target lies within [1/tolerance, tolerance]"),
            ]), default: .object([
                "significanceLevel": .double(VerdictThresholds.defaults.significanceLevel),
                "targetFraction": .double(VerdictThresholds.defaults.targetFraction),
                "equipartitionTolerance": .double(VerdictThresholds.defaults.equipartitionTolerance),
            ]), "the verdict rules, fixed in advance (the amended ones before the runs of issue #20 were read)"),
        ])

    /// ``LeimkuhlerAggregation``, the typical runs' classifiers and the variants (see ``AggregateTask``).
    public static func aggregate(_ context: StageContext) throws -> LeimkuhlerResults {
        try AggregateTask.results(context)
    }

    /// `figure` drawn from `results` (it takes no settings); the decision boundary needs
    /// the results' `/decision_boundary`.
    public static func draw(_ figure: LeimkuhlerFigure, from results: LeimkuhlerResults, settings: Parameters) throws -> FigureDrawing {
        if figure == .decisionBoundary && results.decisionBoundary == nil {
            throw StageError.usage("aggregate.h5 has no /decision_boundary group; rerun the leimkuhler aggregate task")
        }
        return FigureDrawing(figure.figure(results), caption: figure.caption(results))
    }

    /// ``LeimkuhlerSection`` over the quoted `sourceValues` and the benchmark record; its
    /// tables cite `/optimizers` of aggregate.h5.
    public static func section(_ inputs: SectionInputs<Leimkuhler>) throws -> SectionBundle {
        try LeimkuhlerSection.bundle(
            template: inputs.template, results: inputs.results, source: try inputs.settings.object("sourceValues").value,
            figures: try inputs.figurePaths(),
            aggregate: PaperTable.Source(path: inputs.resultsFile.declaredPath, part: "/optimizers", sha256: inputs.resultsFile.sha256),
            benchmark: try inputs.requiredBenchmark(), stage: inputs.stage, provenance: inputs.provenance,
            thresholds: try thresholds(inputs.settings.object("verdictRules")))
    }

    /// The verdict rules' thresholds from the section task's `verdictRules`.
    static func thresholds(_ rules: Parameters) throws -> VerdictThresholds {
        for (key, range) in [("significanceLevel", 0.0...1), ("targetFraction", 0.0...1), ("equipartitionTolerance", 1.0...Double.infinity)] {
            let value = try rules.double(key)
            guard range.contains(value), !(range.lowerBound == 0 && value == 0) else {
                throw StageError.parameter(path: rules.path + "." + key, message: "must lie in \(range.lowerBound == 0 ? "(0" : "[1"), \(range.upperBound.isFinite ? "1]" : "∞)"), found \(value)")
            }
        }
        return VerdictThresholds(
            significanceLevel: try rules.double("significanceLevel"), targetFraction: try rules.double("targetFraction"),
            equipartitionTolerance: try rules.double("equipartitionTolerance"))
    }
}

extension LeimkuhlerResults: ExperimentResults {}
