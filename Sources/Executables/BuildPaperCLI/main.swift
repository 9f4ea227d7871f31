import PaperStage
import StageKit

// `build-paper --invocation FILE`: run by `pipeline run`; see PaperStage.BuildPaper.
StageMain.run(executable: "build-paper", schema: ParameterSchema([
    ParameterField("title", .string(), "the paper's title"),
]), BuildPaper.run)
