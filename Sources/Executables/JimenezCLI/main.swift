import JimenezExperiment
import ReportKit

// `jimenez --invocation FILE`: run by `pipeline run`; the parameter `task` chooses
// aggregate, figures or section (see JimenezExperiment.Jimenez).
ExperimentMain.run(Jimenez.self)
