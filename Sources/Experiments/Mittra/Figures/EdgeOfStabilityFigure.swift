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
                // The smallest network's line thickest and first, each with its own marker and dash, so that lines that coincide stay visible.
                let look = SeriesStyle.widthLook(w, of: sweep.widths.count)
                let color = look.color
                lines.append(.line(LineSeries(
                    x: sweep.learningRates, y: sweep.sharpnessTimesLearningRate.line(a, w), label: Architecture.name(width),
                    color: color, width: look.width, dash: look.dash, marker: look.marker, markerSize: 4 + look.width)))
                let onset = sweep.onsetLearningRate[late, a, w]
                if onset.isFinite, onset > 0 {
                    layers.append(.referenceLine(ReferenceLine(
                        .vertical, at: onset, label: "\(Architecture.name(width)): first η with \(sweep.onsetCondition)",
                        color: color, width: 1.25, dash: .dotted)))
                }
            }
            return Panel(
                title: sweep.activations[a], xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: "η × sharpness at the last step", scale: logarithmic ? .log10 : .linear),
                layers: layers + lines)
        }
        return PanelGrid.figure(title: "Edge of stability: η × sharpness vs η", panels: panels, cellHeight: 300, sharesLegend: true, sharesYRange: true)
    }

    static func caption(_ results: MittraResults, _ options: FigureOptions) throws -> CaptionText {
        let sweep = results.sweep
        let late = try sweep.seriesIndex(options.lateSeries)
        let limit = ReportNumber.whole(LearningRateSweep.stabilityLimit)
        return "η times the sharpness S (the top Hessian eigenvalue at the last step, by power iteration) against η, "
            + "mean over \(sweep.seedsPerCell, part: "/learning_rate_sweep"), one line per architecture (dark to light by width, each with its own marker "
            + "and dash, the smallest network's line thickest and drawn first, so that lines which coincide stay visible) and one panel per hidden activation. "
            + "Full-batch GD on a quadratic is stable iff η·S < \(limit) (grey dashed line, S = \(limit)/η). Dotted vertical lines "
            + "mark, in the colour of their architecture, the first η with \(sweep.onsetCondition): where the lower end of the "
            + "95 % interval of the late-window mean λ (\(SeriesStyle.name(sweep.series[late]))) first exceeds "
            + "\(ReportNumber.exact(sweep.chaosThreshold), part: "/learning_rate_sweep") nats/step (not a chaos onset: the claim-1 rule also asks that most "
            + "seeds of a cell be chaotic)."
    }
}
