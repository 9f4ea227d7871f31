import ReportKit

/// The summaries over seeds of one array of per-seed values, as `/learning_rate_sweep`
/// and `/activation_ranking` of aggregate.h5 store them: mean, 95% Student-t interval of
/// the mean, 95% percentile-bootstrap interval, median and quartiles. All grids share one
/// shape (see ``MittraResults`` for the layout).
public struct SeedSummaries: Sendable {
    /// The mean over seeds.
    public var mean: Grid<Double>
    /// The lower end of the 95% Student-t interval of the mean.
    public var tLow: Grid<Double>
    /// The upper end of the 95% Student-t interval of the mean.
    public var tHigh: Grid<Double>
    /// The lower end of the 95% bootstrap interval.
    public var bootLow: Grid<Double>
    /// The upper end of the 95% bootstrap interval.
    public var bootHigh: Grid<Double>
    /// The median over seeds.
    public var median: Grid<Double>
    /// The lower quartile.
    public var q25: Grid<Double>
    /// The upper quartile.
    public var q75: Grid<Double>

    /// The datasets, their fields and meanings, in the order they are written.
    nonisolated(unsafe) static let fields: [(name: String, field: WritableKeyPath<SeedSummaries, Grid<Double>>, meaning: String)] = [
        ("mean", \.mean, "mean over seeds"), ("t_low", \.tLow, "95% Student-t CI of the mean, lower"),
        ("t_high", \.tHigh, "95% Student-t CI of the mean, upper"), ("boot_low", \.bootLow, "95% percentile bootstrap CI of the mean, lower"),
        ("boot_high", \.bootHigh, "95% percentile bootstrap CI of the mean, upper"), ("median", \.median, "median over seeds"),
        ("q25", \.q25, "lower quartile"), ("q75", \.q75, "upper quartile"),
    ]

    /// Creates summaries from their grids.
    public init(
        mean: Grid<Double>, tLow: Grid<Double>, tHigh: Grid<Double>, bootLow: Grid<Double>, bootHigh: Grid<Double>,
        median: Grid<Double>, q25: Grid<Double>, q75: Grid<Double>
    ) {
        (self.mean, self.tLow, self.tHigh, self.bootLow, self.bootHigh) = (mean, tLow, tHigh, bootLow, bootHigh)
        (self.median, self.q25, self.q75) = (median, q25, q75)
    }

    /// Gathers `rows` (row-major over `shape`) into grids.
    public init(_ rows: [SummaryRow], shape: [Int]) {
        let grid = { (field: KeyPath<SummaryRow, Double>) in Grid(values: rows.map { $0[keyPath: field] }, shape: shape) }
        self.init(
            mean: grid(\.mean), tLow: grid(\.tLow), tHigh: grid(\.tHigh), bootLow: grid(\.bootLow), bootHigh: grid(\.bootHigh),
            median: grid(\.median), q25: grid(\.q25), q75: grid(\.q75))
    }

    /// Reads the eight summaries from `reader`, each of `shape`.
    init(_ reader: ResultsGroupReader, shape: [Int]) throws {
        let empty = Grid<Double>(values: [], shape: [0])
        self.init(mean: empty, tLow: empty, tHigh: empty, bootLow: empty, bootHigh: empty, median: empty, q25: empty, q75: empty)
        for (name, field, _) in Self.fields {
            self[keyPath: field] = try reader.doubleGrid(name, shape: shape)
        }
    }

    /// Writes the eight summaries with `dimensions`.
    func write(_ writer: ResultsGroupWriter, dimensions: [String]) throws {
        for (name, field, meaning) in Self.fields {
            try writer.write(name, self[keyPath: field], dimensions: dimensions, meaning: meaning)
        }
    }
}
