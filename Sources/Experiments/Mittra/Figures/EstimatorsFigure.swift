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
            let unit = sweep.seriesUnits[chosen]
            let window = sweep.series[chosen].split(separator: "/").dropFirst().joined(separator: "/")
            switch unit {
            case "nats/step":
                return Choice(series: chosen, label: "\(estimator) (\(window))", factor: 1)
            case "bits/step":
                return Choice(series: chosen, label: "\(estimator) (\(window), bits × ln 2)", factor: log(2.0))
            default:
                return nil
            }
        }
    }

    static func figure(_ results: MittraResults, _ options: FigureOptions) throws -> Figure {
        let sweep = results.sweep
        let w = try sweep.widthIndex(options.width)
        let chosen = choices(sweep)
        let panels = sweep.activations.indices.map { a -> Panel in
            var bands: [Layer] = []
            var lines: [Layer] = []
            for (index, choice) in chosen.enumerated() {
                let s = choice.series
                let (band, line) = FigureStyle.meanWithBand(
                    x: sweep.learningRates, mean: sweep.lambda.mean.line(s, a, w),
                    low: sweep.lambda.tLow.line(s, a, w), high: sweep.lambda.tHigh.line(s, a, w), factor: choice.factor,
                    label: choice.label, color: FigureStyle.color(index), marker: FigureStyle.marker(index),
                    bandOpacity: FigureStyle.overlappingBandOpacity)
                bands.append(band)
                lines.append(line)
            }
            return Panel(
                title: sweep.activations[a], xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: "λ (bit estimates × ln 2)", unit: "nats/step"),
                layers: bands + [FigureStyle.zeroLine] + lines, legend: .outsideRight)
        }
        return PanelGrid.figure(
            title: "All estimators, \(Architecture.name(options.width)): λ vs learning rate, mean and 95% CI over \(sweep.seedsPerCell)",
            panels: panels, cellWidth: 640)
    }

    static func caption(_ results: MittraResults, _ options: FigureOptions) throws -> String {
        let sweep = results.sweep
        let listed = choices(sweep).map { "`\(sweep.series[$0.series])`" }.joined(separator: ", ")
        return "λ of every estimator against η for the \(Architecture.name(options.width)) network, one panel per "
            + "hidden activation: \(listed) (the late window \(sweep.steps(of: .late)) where the estimator "
            + "has one). Estimates in bits per step are multiplied by ln 2 so that all are in nats per step. Lines: means "
            + "over \(sweep.seedsPerCell); bands: 95 % Student-t intervals; grey dashed: λ = 0."
    }
}
