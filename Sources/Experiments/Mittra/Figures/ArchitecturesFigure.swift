import Plotting
import ReportKit

/// Late-window λ against η for every width (docs/PROTOCOL.md §2 E1: "for each activation (and
/// architecture)"), one panel per activation.
enum ArchitecturesFigure {
    static func figure(_ results: MittraResults, _ options: FigureOptions) throws -> Figure {
        let sweep = results.sweep
        let late = try sweep.seriesIndex(options.lateSeries)
        let panels = sweep.activations.indices.map { a -> Panel in
            var bands: [Layer] = []
            var lines: [Layer] = []
            for (w, width) in sweep.widths.enumerated() {
                let look = SeriesStyle.widthLook(w, of: sweep.widths.count)
                let (band, line) = FigureStyle.meanWithBand(
                    x: sweep.learningRates, mean: sweep.lambda.mean.line(late, a, w),
                    low: sweep.lambda.tLow.line(late, a, w), high: sweep.lambda.tHigh.line(late, a, w),
                    label: Architecture.name(width), color: look.color, dash: look.dash, marker: look.marker,
                    bandOpacity: FigureStyle.overlappingBandOpacity, lineWidth: look.width)
                bands.append(band)
                lines.append(line)
            }
            return Panel(
                title: sweep.activations[a], xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: SeriesStyle.name(sweep.series[late]), unit: sweep.seriesUnits[late]),
                layers: bands + [FigureStyle.zeroLine] + lines)
        }
        return PanelGrid.figure(title: "Late-window λ vs η, every architecture", panels: panels, cellHeight: 300, sharesLegend: true, sharesYRange: true)
    }

    static func caption(_ results: MittraResults, _ options: FigureOptions) throws -> CaptionText {
        let sweep = results.sweep
        let late = try sweep.seriesIndex(options.lateSeries)
        let architectures = sweep.widths.map(Architecture.name).joined(separator: ", ")
        return "The \(SeriesStyle.name(sweep.series[late])) (\(sweep.steps(of: .late), part: "/learning_rate_sweep"), \(sweep.seriesUnits[late])) "
            + "against η for the architectures \(architectures), one panel per hidden activation; means over "
            + "\(sweep.seedsPerCell, part: "/learning_rate_sweep") with 95 % Student-t bands, the widths ordered from dark to light (viridis scale), "
            + "each with its own marker and dash; grey dashed: λ = 0."
    }
}
