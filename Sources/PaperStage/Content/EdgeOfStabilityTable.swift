import Foundation
import FigureStage

/// Chaos onset against the edge of stability (SCIENCE.md §5): per activation and
/// architecture, the η at which η × sharpness first reaches the GD stability limit 2,
/// the onset η of the late-window λ (see ``LearningRateSweep/chaosThreshold``), and their ratio.
enum EdgeOfStabilityTable {
    /// The first η at which `values` (over the ascending `rates`) reaches `limit`, by
    /// linear interpolation of the value in log η between the two grid points around
    /// the crossing; the smallest η when the first value already reaches it; NaN when
    /// it never does.
    static func firstCrossing(_ values: [Double], _ rates: [Double], limit: Double) -> Double {
        guard let first = values.firstIndex(where: { $0.isFinite }) else { return .nan }
        if values[first] >= limit { return rates[first] }
        var previous = first
        for index in (first + 1)..<values.count where values[index].isFinite {
            if values[index] >= limit {
                let fraction = (limit - values[previous]) / (values[index] - values[previous])
                let logRate = log10(rates[previous]) + fraction * (log10(rates[index]) - log10(rates[previous]))
                return pow(10, logRate)
            }
            previous = index
        }
        return .nan
    }

    static func make(_ sweep: LearningRateSweep, options: FigureOptions, aggregatePath: String) throws -> PaperTable {
        let late = try sweep.seriesIndex(options.lateSeries)
        let limit = ReportNumber.whole(LearningRateSweep.stabilityLimit)
        let header = ["activation", "network", "η at η·S = \(limit)", "onset η (\(sweep.onsetCondition))", "onset η ÷ edge-of-stability η"]
        var rows: [[String]] = []
        for a in sweep.activations.indices {
            for (w, width) in sweep.widths.enumerated() {
                let edge = firstCrossing(sweep.sharpnessTimesLearningRate.line(a, w), sweep.learningRates, limit: LearningRateSweep.stabilityLimit)
                let onset = sweep.onsetLearningRate[late, a, w]
                rows.append([
                    sweep.activations[a], PaperText.architecture(width),
                    edge.isFinite ? "η ≈ \(ReportNumber.significant(edge))" : "never on the grid",
                    ChaosTable.onsetText(sweep, series: late, activation: a, width: w),
                    ReportNumber.significant(onset / edge),
                ])
            }
        }
        let caption = "Chaos onset and the edge of stability. η·S = \(limit): the η at which η times the sharpness S (top "
            + "Hessian eigenvalue at the last step, mean over \(ReportNumber.count(sweep.seedCount)) seeds) first reaches \(limit), "
            + "the stability limit of GD (interpolated linearly in log η). Onset η: where the lower end of the 95 % interval of "
            + "the late-window mean λ (`\(sweep.series[late])`) first exceeds \(ReportNumber.exact(sweep.chaosThreshold)) "
            + "nats/step. A ratio near 1 puts the onset at the edge of stability."
        return PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [(aggregatePath, "/e1")])
    }
}
