import PaperStage
import StageKit

// `build-paper --invocation FILE`: run by `pipeline run`; see PaperStage.BuildPaper.
StageMain.run(BuildPaper.run)
