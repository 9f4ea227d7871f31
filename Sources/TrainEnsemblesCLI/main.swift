import StageKit
import TrainingStage

// `train-ensembles --invocation FILE`: run by `pipeline run`; see TrainingStage.TrainEnsembles.
StageMain.run(TrainEnsembles.run)
