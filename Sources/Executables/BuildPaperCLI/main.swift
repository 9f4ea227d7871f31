import PaperStage
import StageKit

// `build-paper --invocation FILE`: run by `pipeline run`; see PaperStage.BuildPaper.
StageMain.run(executable: "build-paper", schema: ParameterSchema([
    ParameterField("title", .string(), "the paper's title"),
    ParameterField(
        "repository", .string(), default: .string("ChaosPipeline (this repository)"),
        "the repository's name or URL, printed with the commit the paper's inputs were written at"),
]), BuildPaper.run)
