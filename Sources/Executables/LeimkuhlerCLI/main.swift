import LeimkuhlerExperiment
import StageKit

// `leimkuhler --invocation FILE`: run by `pipeline run`; the parameter `task` chooses
// aggregate, figures or section (see LeimkuhlerExperiment.LeimkuhlerStage).
StageMain.run(executable: "leimkuhler", schema: LeimkuhlerStage.schema, LeimkuhlerStage.run)
