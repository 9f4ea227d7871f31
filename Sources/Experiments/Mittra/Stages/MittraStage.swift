import StageKit

/// The stage entry point of the `mittra` executable: the parameter `task` chooses what
/// the stage does (`aggregate`, `figures` or `section`); every other parameter belongs to
/// that task's settings.
public enum MittraStage {
    /// The tasks and what runs them.
    public static let tasks: [String: @Sendable (StageContext) throws -> Void] = [
        "aggregate": AggregateTask.run, "figures": FiguresTask.run, "section": SectionTask.run,
    ]

    /// Runs the task named by the parameter `task`.
    public static func run(_ context: StageContext) throws {
        let task = try context.parameters.string("task", oneOf: tasks.keys.sorted())
        try tasks[task]?(context)
    }
}
