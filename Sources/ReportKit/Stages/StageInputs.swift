import Provenance
import StageKit

/// Finding a report task's inputs by what they are (their extension), so that no path is
/// a constant in code: pipeline.json declares them. Shared by every experiment's
/// `figures` and `section` tasks.
public enum StageInputs {
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
}
