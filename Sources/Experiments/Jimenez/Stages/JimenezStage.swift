import Provenance
import StageKit

/// The stage entry point of the `jimenez` executable: the parameter `task` chooses what
/// the stage does (`aggregate`, `figures` or `section`); every other parameter belongs to
/// that task's settings.
public enum JimenezStage {
    /// The tasks and what runs them.
    public static let tasks: [String: @Sendable (StageContext) throws -> Void] = [
        "aggregate": AggregateTask.run, "figures": FiguresTask.run, "section": SectionTask.run,
    ]

    /// The declared parameters of `jimenez`, by task.
    public static let schema: ParameterSchema = {
        ParameterSchema([], variants: (key: "task", cases: [
            "aggregate": [
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
            ],
            "figures": [],
            "section": [
                ParameterField("sourceValues", .json, "what the source states (printed as quoted): citation, code, protocol sizes"),
            ],
        ]))
    }()

    /// Runs the task named by the parameter `task`.
    public static func run(_ context: StageContext) throws {
        let task = try context.parameters.string("task", oneOf: tasks.keys.sorted())
        try tasks[task]?(context)
    }
}
