import Provenance
import StageKit

/// The stage entry point of an experiment's executable: the parameter `task` chooses
/// `aggregate`, `figures` or `section`; every other parameter belongs to that task, as
/// `E.parameters` declares it.
public enum ExperimentStage<E: Experiment> {
    /// The task names, in the order `--describe-parameters` lists them.
    public static var tasks: [String] { ["aggregate", "figures", "section"] }

    /// The declared parameters of the executable: one variant of `task` per task.
    public static var schema: ParameterSchema {
        let declared = E.parameters
        return ParameterSchema([], variants: (key: "task", cases: [
            "aggregate": declared.aggregate, "figures": declared.figures, "section": declared.section,
        ]))
    }

    /// Runs the task named by the parameter `task`.
    public static func run(_ context: StageContext) throws {
        switch try context.parameters.string("task", oneOf: tasks.sorted()) {
        case "aggregate": try aggregate(context)
        case "figures": try figures(context)
        default: try section(context)
        }
    }
}

/// The executable of an experiment: `ExperimentMain.run(Mittra.self)` is its whole `main.swift`.
public enum ExperimentMain {
    /// Runs the stage described by the command line (see `StageMain`) with `E`'s schema and tasks.
    public static func run<E: Experiment>(_ experiment: E.Type) -> Never {
        StageMain.run(executable: E.name, schema: ExperimentStage<E>.schema, ExperimentStage<E>.run)
    }
}
