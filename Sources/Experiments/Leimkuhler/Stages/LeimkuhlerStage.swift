import StageKit

/// The stage entry point of the `leimkuhler` executable (E5, SCIENCE.md §4): the parameter
/// `task` chooses `aggregate`, `figures` or `section`; every other parameter belongs to
/// that task.
public enum LeimkuhlerStage {
    /// The tasks and what runs them.
    public static let tasks: [String: @Sendable (StageContext) throws -> Void] = [
        "aggregate": AggregateTask.run, "figures": FiguresTask.run, "section": SectionTask.run,
    ]

    /// The declared parameters of `leimkuhler`, by task.
    public static let schema: ParameterSchema = ParameterSchema([], variants: (key: "task", cases: [
        "aggregate": [
            ParameterField("data", .string(), "the declared input holding the two-spirals data (its training-set size gives the steps per epoch)"),
            ParameterField("ensembles", .array(.string()), "one ensembles file per optimizer (train-ensembles)"),
            ParameterField("exponents", .array(.string()), "the exponents file of each ensembles file, same order (estimate-exponents)"),
            ParameterField("tableEpochs", .array(.number), "epochs of the accuracy table (SCIENCE.md §4: 500, 1000, 2000, 4000)"),
            ParameterField("targetAccuracy", .number, "the 'faster' rule: epochs until the mean test accuracy first reaches this fraction"),
            ParameterField("variants", .array(.string()), default: .array([]),
                           "ensembles files of one optimizer trained like its file in `ensembles` but for the settings under study (SCIENCE.md §4: LOL's γ₁ and τ₁)"),
            ParameterField("decisionBoundary", .object([
                ParameterField("gridPoints", .integer(atLeast: 2), default: .int(101), "grid points per axis"),
                ParameterField("margin", .number, default: .double(0.1), "the grid covers the test points widened by this fraction of their range on each side"),
            ]), default: .object(["gridPoints": .int(101), "margin": .double(0.1)]), "the grid on which the typical run's classifier is evaluated"),
        ],
        "figures": [],
        "section": [
            ParameterField("sourceValues", .json, "numbers quoted from the authors' notebook and plot (printed as quoted)"),
            ParameterField("benchmark", .string(), "the benchmark record of the Speed paragraph (bench/results/<suite>.json by `make bench-record`); also a declared input"),
            ParameterField("verdictRules", .object([
                ParameterField("significanceLevel", .number, default: .double(0.05), "1 − the coverage of every interval of the rules"),
            ]), default: .object(["significanceLevel": .double(0.05)]), "the verdict rules, fixed in advance"),
        ],
    ]))

    /// Runs the task named by the parameter `task`.
    public static func run(_ context: StageContext) throws {
        let task = try context.parameters.string("task", oneOf: tasks.keys.sorted())
        try tasks[task]?(context)
    }
}
