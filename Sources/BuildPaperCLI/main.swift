import PaperStage
import StageKit

// `build-paper --invocation FILE`: run by `pipeline run`; see PaperStage.BuildPaper.
StageMain.run(executable: "build-paper", schema: ParameterSchema([
    ParameterField("title", .string(), "the paper's title"),
    ParameterField("sourceValues", .json, "numbers quoted from the source paper and its code (printed as quoted)"),
    ParameterField("verdictRules", .object([
        ParameterField("significanceLevel", .number, default: .double(0.05), "α of every test"),
        ParameterField("chaoticFraction", .number, default: .double(0.5), "a cell is chaotic when more than this fraction of seeds is"),
    ]), default: .object(["significanceLevel": .double(0.05), "chaoticFraction": .double(0.5)]), "the verdict rules, fixed in advance"),
]), BuildPaper.run)
