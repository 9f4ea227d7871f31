import JimenezExperiment
import StageKit

// `jimenez --invocation FILE`: run by `pipeline run`; the parameter `task` chooses
// aggregate, figures or section (see JimenezExperiment.JimenezStage).
StageMain.run(executable: "jimenez", schema: JimenezStage.schema, JimenezStage.run)
