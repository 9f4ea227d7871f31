import LeimkuhlerExperiment
import ReportKit

// `leimkuhler --invocation FILE`: run by `pipeline run`; the parameter `task` chooses
// aggregate, figures or section (see LeimkuhlerExperiment.Leimkuhler).
ExperimentMain.run(Leimkuhler.self)
