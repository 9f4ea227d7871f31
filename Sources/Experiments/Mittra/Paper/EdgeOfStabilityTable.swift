import ReportKit

/// Chaos onset against the edge of stability (docs/PROTOCOL.md §5): per activation and
/// architecture, the η at which η × sharpness first reaches the GD stability limit 2,
/// the onset η of the late-window λ (see ``LearningRateSweep/chaosThreshold``), and their ratio.
enum EdgeOfStabilityTable {
    static func make(_ sweep: LearningRateSweep, options: FigureOptions, aggregate: AggregateFile) throws -> PaperTable {
        let late = try sweep.seriesIndex(options.lateSeries)
        let limit = ReportNumber.whole(LearningRateSweep.stabilityLimit)
        let header = ["activation", "network", "η at η·S = \(limit)", "first η with \(sweep.onsetCondition)", "that η ÷ edge-of-stability η"]
        var rows: [[String]] = []
        for a in sweep.activations.indices {
            for (w, width) in sweep.widths.enumerated() {
                let edge = EdgeOfStability.firstCrossing(sweep.sharpnessTimesLearningRate.line(a, w), sweep.learningRates, limit: LearningRateSweep.stabilityLimit)
                let onset = sweep.onsetLearningRate[late, a, w]
                // Where η·S never reaches the limit, the largest η·S on the grid says how far it stays below.
                let product = sweep.sharpnessTimesLearningRate.line(a, w)
                let largest = product.indices.filter { product[$0].isFinite }.max { product[$0] < product[$1] }
                let below = largest.map {
                    "never on the grid (largest η·S \(ReportNumber.significant(product[$0], digits: 2)) at η ≈ \(ReportNumber.significant(sweep.learningRates[$0], digits: 2)))"
                } ?? "never on the grid"
                rows.append([
                    sweep.activations[a], Architecture.name(width),
                    edge.isFinite ? "η ≈ \(ReportNumber.significant(edge))" : below,
                    ChaosTable.onsetText(sweep, series: late, activation: a, width: w),
                    ratioText(onset: onset, edge: edge, largestLearningRate: sweep.learningRates.last ?? .nan),
                ])
            }
        }
        let caption = "The first η with a positive late λ beside the edge of stability. η·S = \(limit): the η at which η times the sharpness S (top "
            + "Hessian eigenvalue at the last step, mean over \(sweep.seedsPerCell)) first reaches \(limit), "
            + "the stability limit of GD (interpolated linearly in log η). First η with \(sweep.onsetCondition): where the lower end of "
            + "the 95 % interval of the late-window mean λ (\(SeriesNames.readable(sweep.series[late]))) first exceeds "
            + "\(ReportNumber.exact(sweep.chaosThreshold)) nats/step. It is not a chaos onset: the claim-1 rule also asks that "
            + "most seeds of a cell be chaotic. A ratio near 1 puts that η at the edge of stability. Where η·S stays below \(limit) on the grid, the edge lies "
            + "beyond the largest η of the grid, so the ratio is below that η ÷ the largest η (printed as \"< …\")."
        return PaperTable(caption: caption, table: MarkdownTable(header: header, rows: rows), sources: [aggregate.source(LearningRateSweep.groupName)])
    }

    /// The ratio first η ÷ edge-of-stability η; where the edge is not on the grid, the bound
    /// "< first η ÷ largest grid η" (the edge lies beyond the grid); "n/a" without a first η.
    static func ratioText(onset: Double, edge: Double, largestLearningRate: Double) -> String {
        guard onset.isFinite else { return ReportNumber.missing }
        if edge.isFinite { return ReportNumber.significant(onset / edge, digits: 2) }
        guard largestLearningRate.isFinite, largestLearningRate > 0 else { return ReportNumber.missing }
        return "< " + ReportNumber.significant(onset / largestLearningRate, digits: 2)
    }
}
