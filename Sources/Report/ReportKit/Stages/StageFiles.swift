import HDF5
import Provenance
import StageKit

/// Finding a report task's inputs and output by what they are (their extension), so that
/// no path is a constant in code: pipeline.json declares them. Shared by every
/// experiment's `aggregate`, `figures` and `section` tasks.
public enum StageFiles {
    /// The one declared input ending in `suffix`; an error naming the stage when there is
    /// none or more than one.
    public static func one(_ suffix: String, of context: StageContext, role: String) throws -> StageInvocation.Input {
        let matching = context.inputs(endingWith: suffix)
        guard matching.count == 1 else {
            throw StageError.usage(
                "stage '\(context.stage)' needs exactly one \(suffix) input (\(role)), found \(matching.count)"
                    + (matching.isEmpty ? "" : ": " + matching.map(\.declaredPath).joined(separator: ", "))
                    + "; fix stages.\(context.stage).inputs in pipeline.json")
        }
        return matching[0]
    }

    /// Writes the task's one HDF5 output (`role`, e.g. aggregate.h5) with the stage's
    /// provenance at its root by `write`, closes it and reports the run with `summary`.
    public static func writeOneResultsFile(
        _ context: StageContext, role: String, summary: JSONValue = .object([:]), _ write: (HDF5File) throws -> Void
    ) throws {
        guard context.invocation.outputs.count == 1, let output = context.invocation.outputs.first else {
            throw StageError.usage("stage '\(context.stage)': the task writes one file (\(role)); declare exactly one output")
        }
        let file = try context.createOutputFile(output.declaredPath)
        try write(file)
        try file.close()
        try context.report(summary: summary)
    }
}
