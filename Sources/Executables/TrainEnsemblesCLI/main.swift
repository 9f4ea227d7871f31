import StageKit
import TrainingStage

// `train-ensembles --invocation FILE`: run by `pipeline run`; see TrainingStage.TrainEnsembles.
StageMain.run(executable: "train-ensembles", schema: SweepSpecification.schema, TrainEnsembles.run)
