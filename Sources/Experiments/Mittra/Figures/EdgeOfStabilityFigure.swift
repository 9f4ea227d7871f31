import Plotting
import ReportKit

/// η × sharpness against η with the GD stability limit η·S = 2 (sharpness S ≤ 2/η) and
/// the late-window chaos onset of each width (docs/PROTOCOL.md §5: where does chaos onset sit
/// relative to the edge of stability?).
enum EdgeOfStabilityFigure {
    static func figure(_ results: MittraResults, _ options: FigureOptions) throws -> Figure {
        let sweep = results.sweep
        let late = try sweep.seriesIndex(options.lateSeries)
        let values = sweep.sharpnessTimesLearningRate.values.filter(\.isFinite)
        let logarithmic = !values.isEmpty && values.allSatisfy { $0 > 0 }
        let panels = sweep.activations.indices.map { a -> Panel in
            var layers: [Layer] = [
                .referenceLine(ReferenceLine(.horizontal, at: LearningRateSweep.stabilityLimit,
                label: "η·S = \(ReportNumber.whole(LearningRateSweep.stabilityLimit)) (GD stability limit)", width: 1.25))
            ]
            var lines: [Layer] = []
            for (w, width) in sweep.widths.enumerated() {
                let color = FigureStyle.color(w)
                lines.append(.line(LineSeries(
                    x: sweep.learningRates, y: sweep.sharpnessTimesLearningRate.line(a, w), label: Architecture.name(width),
                    color: color, marker: FigureStyle.marker(w), markerSize: 5)))
                let onset = sweep.onsetLearningRate[late, a, w]
                if onset.isFinite, onset > 0 {
                    layers.append(.referenceLine(ReferenceLine(
                        .vertical, at: onset, label: "first η with \(sweep.onsetCondition), \(Architecture.name(width))",
                        color: color, width: 1.25, dash: .dotted)))
                }
            }
            return Panel(
                title: sweep.activations[a], xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: "η × sharpness at the last step", scale: logarithmic ? .log10 : .linear),
                layers: layers + lines, legend: .outsideRight)
        }
        return PanelGrid.figure(
            title: "Edge of stability: η × top Hessian eigenvalue vs η (mean over \(sweep.seedsPerCell))",
            panels: panels, cellWidth: 640)
    }

    static func caption(_ results: MittraResults, _ options: FigureOptions) throws -> String {
        let sweep = results.sweep
        let late = try sweep.seriesIndex(options.lateSeries)
        let limit = ReportNumber.whole(LearningRateSweep.stabilityLimit)
        return "η times the sharpness S (the top Hessian eigenvalue at the last step, by power iteration) against η, "
            + "mean over \(sweep.seedsPerCell), one line per architecture and one panel per hidden activation. "
            + "Full-batch GD on a quadratic is stable iff η·S < \(limit) (grey dashed line, S = \(limit)/η). Dotted vertical lines "
            + "mark, in the colour of their architecture, the first η with \(sweep.onsetCondition): where the lower end of the "
            + "95 % interval of the late-window mean λ (`\(sweep.series[late])`) first exceeds "
            + "\(ReportNumber.exact(sweep.chaosThreshold)) nats/step (not a chaos onset: the claim-1 rule also asks that most "
            + "seeds of a cell be chaotic)."
    }
}
