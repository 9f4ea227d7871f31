import FigureStage
import StageKit

// `render-figures --invocation FILE`: run by `pipeline run`; see FigureStage.RenderFigures.
StageMain.run(executable: "render-figures", schema: ParameterSchema([
    ParameterField("width", .integer(atLeast: 1), default: .int(8), "hidden width of the networks shown in Fig. 4"),
    ParameterField("earlySeries", .string(), default: .string("tangent/early"), "λ series of the early window"),
    ParameterField("lateSeries", .string(), default: .string("tangent/late"), "λ series of the late window"),
]), RenderFigures.run)
