/// The summaries over seeds of one λ array, as `aggregate` writes them (AGGREGATE_LAYOUT.md):
/// mean, 95% Student-t interval of the mean, 95% percentile-bootstrap interval, median and
/// quartiles, and the number of seeds with a finite estimate. All grids share one shape.
public struct LambdaSummaries: Sendable {
    /// The mean over seeds.
    public let mean: Grid<Double>
    /// The lower end of the 95% Student-t interval of the mean.
    public let tLow: Grid<Double>
    /// The upper end of the 95% Student-t interval of the mean.
    public let tHigh: Grid<Double>
    /// The lower end of the 95% bootstrap interval.
    public let bootLow: Grid<Double>
    /// The upper end of the 95% bootstrap interval.
    public let bootHigh: Grid<Double>

    /// Reads the five summaries from `reader`, each of `shape`.
    init(_ reader: ResultsGroupReader, shape: [Int]) throws {
        mean = try reader.doubleGrid("mean", shape: shape)
        tLow = try reader.doubleGrid("t_low", shape: shape)
        tHigh = try reader.doubleGrid("t_high", shape: shape)
        bootLow = try reader.doubleGrid("boot_low", shape: shape)
        bootHigh = try reader.doubleGrid("boot_high", shape: shape)
    }
}
