import MittraExperiment
import StageKit

// `mittra --invocation FILE`: run by `pipeline run`; the parameter `task` chooses
// aggregate, figures or section (see MittraExperiment.MittraStage).
StageMain.run(executable: "mittra", schema: MittraStage.schema, MittraStage.run)
