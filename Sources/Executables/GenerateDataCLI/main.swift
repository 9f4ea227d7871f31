import DataStage
import StageKit

// `generate-data --invocation FILE`: run by `pipeline run`; see DataStage.GenerateData.
StageMain.run(executable: "generate-data", schema: GenerateData.schema, GenerateData.run)
