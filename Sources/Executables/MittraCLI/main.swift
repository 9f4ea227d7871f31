import MittraExperiment
import ReportKit

// `mittra --invocation FILE`: run by `pipeline run`; the parameter `task` chooses
// aggregate, figures or section (see MittraExperiment.Mittra).
ExperimentMain.run(Mittra.self)
