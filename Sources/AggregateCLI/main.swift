import AggregateStage
import StageKit

// `aggregate --invocation FILE`: run by `pipeline run`; see AggregateStage.Aggregate.
let files = ParameterType.either([.string(), .array(.string())])
StageMain.run(executable: "aggregate", schema: ParameterSchema([
    ParameterField("e1", files, "E1 exponents file, or the list of its shards"),
    ParameterField("e23", files, "E2/E3 exponents file, or the list of its shards"),
    ParameterField("bootstrapResamples", .integer(atLeast: 100), "percentile-bootstrap resamples"),
    ParameterField("bandPoints", .integer(atLeast: 2), "points of each regression band"),
    ParameterField("chaosSeries", .string(), "the λ series that decides chaos (estimator/window)"),
    ParameterField("e2RankSeries", .string(), "the λ series of the E2 rank correlation"),
    ParameterField("e3Series", .string(), "the λ series of E3"),
    ParameterField("chaosThreshold", .number, "λ above this (nats/step) counts as positive"),
]), Aggregate.run)
