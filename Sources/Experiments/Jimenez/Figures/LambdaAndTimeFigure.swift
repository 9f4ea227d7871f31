import Plotting
import ReportKit

/// λ(η) and τ(η) on a shared log-η axis (docs/PROTOCOL.md §3, Figure): the top panel the median
/// λ with its IQR for every fit convention (and the tangent series, dotted), the λ = 0 line
/// and the onset of the primary convention; the bottom panel the median τ with its IQR for
/// the primary target (absolute targets dashed), censored medians at the run's end, and
/// the argmin.
enum LambdaAndTimeFigure {
    static func figure(_ results: JimenezResults) throws -> Figure {
        let x = results.sweep.learningRates
        let exponents = results.exponents
        var lambdaLayers: [Layer] = [FigureStyle.zeroLine]
        for (s, name) in exponents.series.enumerated() {
            let isFit = exponents.conventions.contains(name)
            let color = FigureStyle.color(s)
            if isFit {
                lambdaLayers.insert(.band(BandSeries(x: x, lower: exponents.q25.line(s), upper: exponents.q75.line(s), color: color, opacity: FigureStyle.overlappingBandOpacity)), at: 0)
            }
            lambdaLayers.append(.line(LineSeries(
                x: x, y: exponents.median.line(s), label: "median λ, \(name)", color: color,
                dash: isFit ? .solid : .dotted, marker: isFit ? FigureStyle.marker(s) : nil, markerSize: 5)))
        }
        let primary = try exponents.conventionIndex(exponents.primaryConvention)
        let onset = exponents.onsetIndex[primary]
        if onset >= 0 {
            lambdaLayers.append(.pointMarker(PointMarker(x: x[onset], y: 0, caption: "onset", label: "onset η (\(exponents.primaryConvention))")))
        }
        let times = results.trainingTimes
        let end = Double(results.sweep.steps)
        func clipped(_ values: [Double]) -> [Double] { values.map { $0.isFinite ? $0 : end } }
        var timeLayers: [Layer] = [
            .band(BandSeries(x: x, lower: clipped(times.q25.line(0)), upper: clipped(times.q75.line(0)), color: FigureStyle.late, opacity: FigureStyle.bandOpacity)),
            .line(LineSeries(x: x, y: times.median.line(0).map { $0.isFinite ? $0 : .nan }, label: "median τ, \(times.targets[0])", color: FigureStyle.late, marker: .circle, markerSize: 5)),
        ]
        for k in times.targets.indices.dropFirst() {
            timeLayers.append(.line(LineSeries(
                x: x, y: times.median.line(k).map { $0.isFinite ? $0 : .nan }, label: "median τ, \(times.targets[k])",
                color: FigureStyle.color(k + 1), dash: .dashed)))
        }
        let censored = x.indices.filter { !times.median[0, $0].isFinite }
        if !censored.isEmpty {
            timeLayers.append(.scatter(ScatterSeries(
                x: censored.map { x[$0] }, y: censored.map { _ in end }, label: "median not reached (censored at the last step)",
                color: Palette.vermillion, shape: .triangle, size: 7)))
        }
        let argmin = times.argminIndex[0]
        if argmin >= 0 {
            timeLayers.append(.pointMarker(PointMarker(x: x[argmin], y: times.median[0, argmin], caption: "argmin", label: "argmin of median τ")))
        }
        if onset >= 0 {
            timeLayers.append(.referenceLine(ReferenceLine(.vertical, at: x[onset], label: "onset η")))
        }
        let panels = [
            Panel(title: "λ(η)", xAxis: FigureStyle.learningRateAxis, yAxis: Axis(label: "λ", unit: "nats/step"), layers: lambdaLayers, legend: .outsideRight),
            Panel(title: "τ(η)", xAxis: FigureStyle.learningRateAxis, yAxis: Axis(label: "τ", unit: "steps"), layers: timeLayers, legend: .outsideRight),
        ]
        return Figure(
            title: "Transient chaos and training time, \(results.sweep.dataset), \(results.sweep.initialisationCount) initialisations",
            rows: 2, columns: 1, panels: panels, width: Figure.defaultCellWidth * 1.8,
            height: Figure.defaultCellHeight * 2 + Figure.titleBandHeight, sharesXRange: true)
    }

    static func caption(_ results: JimenezResults) throws -> String {
        let exponents = results.exponents, times = results.trainingTimes
        return "Top: median over \(results.sweep.initialisationCount) initialisations of the largest Lyapunov exponent λ (nats/step) "
            + "against the learning rate η, for the divergence fit of \(PaperText.list(exponents.conventions.map(PaperText.code))) "
            + "(shaded: inter-quartile range of the accepted fits) and the tangent-space λ of \(PaperText.list(exponents.tangentSeries.map(PaperText.code))) "
            + "(dotted); grey dashed: λ = 0; diamond: the onset η of \(PaperText.code(exponents.primaryConvention)), the smallest grid η whose median λ "
            + "is positive with a \(ReportNumber.exact(exponents.onsetLevel * 100)) % bootstrap interval excluding zero. "
            + "Bottom: median training time τ, the first step at which the test accuracy reaches \(times.targets[0]) "
            + "(threshold \(ReportNumber.significant(times.threshold[0]))), with its inter-quartile range; dashed: the absolute targets "
            + "\(PaperText.list(times.threshold.dropFirst().map(ReportNumber.exact))); triangles: η whose median run never reached the target within "
            + "\(results.sweep.steps) steps (censored); diamond: the argmin of the median τ; vertical line: the onset η."
    }
}
