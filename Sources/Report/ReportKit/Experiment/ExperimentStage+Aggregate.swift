import StageKit

extension ExperimentStage {
    /// The `aggregate` task: `E.aggregate` over the stage's inputs, written to its one
    /// output (aggregate.h5) with the stage's provenance at the root.
    public static func aggregate(_ context: StageContext) throws {
        let results = try E.aggregate(context)
        try StageFiles.writeOneResultsFile(context, role: "aggregate.h5", summary: E.summary(of: results)) { try results.write(into: $0) }
    }
}
