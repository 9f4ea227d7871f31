import AggregateStage
import StageKit

// `aggregate --invocation FILE`: run by `pipeline run`; see AggregateStage.Aggregate.
StageMain.run(Aggregate.run)
