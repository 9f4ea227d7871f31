import FigureStage
import StageKit

// `render-figures --invocation FILE`: run by `pipeline run`; see FigureStage.RenderFigures.
StageMain.run(RenderFigures.run)
