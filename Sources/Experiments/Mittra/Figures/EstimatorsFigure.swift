import Foundation
import Plotting
import ReportKit

/// Every estimator's λ against η at one width (docs/PROTOCOL.md §5: estimators cross-checked on
/// the same trajectories), late window where the estimator has one. Bits are converted
/// to nats (× ln 2) so that all share one axis.
enum EstimatorsFigure {
    /// One plotted estimator: its series index, a legend label and the factor to nats.
    struct Choice: Equatable {
        var series: Int
        var label: String
        var factor: Double
    }

    /// Per estimator (the part of the series name before "/", in file order): the late
    /// series if it exists, else the estimator's first series. Series in units other
    /// than nats or bits per step are left out (they do not share the axis).
    static func choices(_ sweep: LearningRateSweep) -> [Choice] {
        var estimators: [String] = []
        for name in sweep.series {
            let estimator = String(name.split(separator: "/")[0])
            if !estimators.contains(estimator) { estimators.append(estimator) }
        }
        return estimators.compactMap { estimator in
            let candidates = sweep.series.indices.filter { sweep.series[$0].split(separator: "/")[0] == estimator }
            let chosen = candidates.first { sweep.series[$0].hasSuffix("/late") } ?? candidates[0]
            let name = SeriesStyle.name(sweep.series[chosen])
            switch sweep.seriesUnits[chosen] {
            case "nats/step":
                return Choice(series: chosen, label: name, factor: 1)
            case "bits/step":
                return Choice(series: chosen, label: "\(name) (bits × ln 2)", factor: log(2.0))
            default:
                return nil
            }
        }
    }

    /// The estimator (series name before "/") of a choice.
    static func estimator(_ sweep: LearningRateSweep, _ choice: Choice) -> String {
        String(sweep.series[choice.series].split(separator: "/")[0])
    }

    static func figure(_ results: MittraResults, _ options: FigureOptions) throws -> Figure {
        let sweep = results.sweep
        let w = try sweep.widthIndex(options.width)
        // The reference (tangent) estimator is drawn last, on top of Benettin's wide dashed line.
        let chosen = choices(sweep).enumerated()
            .sorted { (SeriesStyle.drawingRank(estimator(sweep, $0.element)), $0.offset) < (SeriesStyle.drawingRank(estimator(sweep, $1.element)), $1.offset) }
            .map(\.element)
        let panels = sweep.activations.indices.map { a -> Panel in
            var bands: [Layer] = []
            var lines: [Layer] = []
            for choice in chosen {
                let s = choice.series
                let look = SeriesStyle.look(estimator(sweep, choice))
                let (band, line) = FigureStyle.meanWithBand(
                    x: sweep.learningRates, mean: sweep.lambda.mean.line(s, a, w),
                    low: sweep.lambda.tLow.line(s, a, w), high: sweep.lambda.tHigh.line(s, a, w), factor: choice.factor,
                    label: choice.label, color: look.color, dash: look.dash, marker: look.marker,
                    bandOpacity: FigureStyle.overlappingBandOpacity, lineWidth: look.width)
                bands.append(band)
                lines.append(line)
            }
            return Panel(
                title: sweep.activations[a], xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: "λ, symmetric log", unit: "nats/step", scale: LyapunovVsLearningRateFigure.lateScale(sweep)),
                layers: bands + [FigureStyle.zeroLine] + lines)
        }
        return PanelGrid.figure(
            title: "Every estimator's λ vs η, \(Architecture.name(options.width))", panels: panels, cellHeight: 300, sharesLegend: true, sharesYRange: true)
    }

    static func caption(_ results: MittraResults, _ options: FigureOptions) throws -> CaptionText {
        let sweep = results.sweep
        let listed = choices(sweep).map { SeriesStyle.name(sweep.series[$0.series]) }.joined(separator: "; ")
        let threshold = sweep.chaosThreshold > 0 ? sweep.chaosThreshold / 10 : 1e-4
        return "λ of every estimator against η for the \(Architecture.name(options.width)) network, one panel per "
            + "hidden activation: \(listed) (the late window, \(sweep.steps(of: .late), part: "/learning_rate_sweep"), where the estimator "
            + "has one). Estimates in bits per step are multiplied by ln 2 so that all are in nats per step. The λ axis is "
            + "symmetric-logarithmic (linear within ±\(ReportNumber.exact(threshold), part: "/learning_rate_sweep") nats/step, logarithmic beyond) so that the "
            + "signs of the small exponents can be read beside the large values of the divergence fit. Lines: means over "
            + "\(sweep.seedsPerCell, part: "/learning_rate_sweep"); bands: 95 % Student-t intervals; grey dashed: λ = 0. The tangent λ (thin solid, circles) "
            + "is drawn over the Benettin λ (wide dashed, squares), which it nearly equals."
    }
}
