import ReportKit

extension LearningRateSweep {
    /// The claim-1 evidence recomputed over a small stated grid of choices (docs/PROTOCOL.md §2):
    /// chaos thresholds × windows of the "still falling" trend test
    /// (``LossTrendWindow``). For each choice, the lower 95 % Wilson bound of the chaotic
    /// fraction of every cell; the section decides claim 1 on each.
    public struct ChaosSensitivity: Sendable {
        /// λ thresholds (nats/step) above which a seed can be chaotic.
        public var thresholds: [Double]
        /// The trend-test windows, by ``LossTrendWindow`` raw value.
        public var windows: [String]
        /// Lower Wilson bounds, [threshold, window, activation, width, learning rate].
        public var wilsonLow: Grid<Double>

        /// Creates the sensitivity grid.
        public init(thresholds: [Double], windows: [String], wilsonLow: Grid<Double>) {
            self.thresholds = thresholds
            self.windows = windows
            self.wilsonLow = wilsonLow
        }

        init(_ reader: ResultsGroupReader, cells: [Int]) throws {
            thresholds = try reader.doubles("sensitivity_thresholds")
            windows = try reader.strings("sensitivity_windows")
            wilsonLow = try reader.doubleGrid("sensitivity_wilson_low", shape: [thresholds.count, windows.count] + cells)
        }

        func write(_ writer: ResultsGroupWriter) throws {
            try writer.attribute("sensitivity_thresholds", .doubles(thresholds))
            try writer.attribute("sensitivity_windows", .strings(windows))
            try writer.write(
                "sensitivity_wilson_low", wilsonLow,
                dimensions: ["chaos threshold (sensitivity_thresholds)", "trend window (sensitivity_windows)", "activation", "width", "learning rate"],
                meaning: "lower 95% Wilson bound of the chaotic fraction for each threshold and trend-test window")
        }
    }
}
