import Plotting
import ReportKit

/// λ(η) and τ(η) on one log-η axis (docs/PROTOCOL.md §3, Figure; §3.6): the top panel the
/// median λ with its IQR of the primary convention's best-R² fit (first rule) and
/// steepest-window fit (amended rule), and the tangent λ of the late window (dotted), with
/// λ = 0, the floor δ and the amended onset; the bottom panel the median τ with its IQR
/// for the primary target and, with markers, for the absolute targets, censored medians at
/// the run's end, the argmin and the amended onset. Both legends sit inside their panels,
/// so that the two plot areas — and their η axes — have the same width.
enum LambdaAndTimeFigure {
    /// The text column the paper is set in (≈ 17 cm).
    static let columnWidth = 640.0

    /// The λ series drawn: the primary fit by the first and by the amended window rule, and the late tangent λ.
    static func drawnSeries(_ results: JimenezResults) -> [String] {
        let exponents = results.exponents, primary = exponents.primaryConvention
        let steepest = primary.replacingOccurrences(of: "/auto", with: "/steepest")
        return [primary] + [steepest, results.amended.comparison.tangentSeries].filter(exponents.series.contains)
    }

    /// The amended rule's row in `/verdicts` (primary series, refined grid), or the first rule's.
    static func decidingRow(_ results: JimenezResults) throws -> Int {
        let rows = try RuleValues.rows(results.amended.verdicts)
        return rows.amended ?? rows.first
    }

    static func figure(_ results: JimenezResults) throws -> Figure {
        let x = results.sweep.learningRates
        let exponents = results.exponents, verdicts = results.amended.verdicts
        let row = try decidingRow(results)
        var lambdaLayers: [Layer] = [FigureStyle.zeroLine]
        if verdicts.floors[row] > 0 {
            lambdaLayers.append(.referenceLine(ReferenceLine(
                .horizontal, at: verdicts.floors[row], label: "floor δ = \(ReportNumber.exact(verdicts.floors[row]))", dash: .dotted)))
        }
        for (position, name) in drawnSeries(results).enumerated() {
            let s = try exponents.seriesIndex(name)
            let isTangent = exponents.tangentSeries.contains(name)
            let color = FigureStyle.color(position)
            if !isTangent {
                lambdaLayers.insert(.band(BandSeries(x: x, lower: exponents.q25.line(s), upper: exponents.q75.line(s), color: color, opacity: FigureStyle.overlappingBandOpacity)), at: 0)
            }
            lambdaLayers.append(.line(LineSeries(
                x: x, y: exponents.median.line(s), label: SeriesNames.readable(name), color: color,
                dash: isTangent ? .dotted : .solid, marker: FigureStyle.marker(position), markerSize: 5)))
        }
        let onset = verdicts.onset[row]
        if onset.isFinite {
            let s = try exponents.seriesIndex(verdicts.series[row])
            let j = x.firstIndex(of: onset) ?? 0
            lambdaLayers.append(.pointMarker(PointMarker(x: onset, y: exponents.median[s, j], caption: "onset", label: "onset η (\(verdicts.rules[row]))")))
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
                color: FigureStyle.color(k + 1), dash: .dashed, marker: FigureStyle.marker(k + 1), markerSize: 5)))
        }
        let censored = x.indices.filter { !times.median[0, $0].isFinite }
        if !censored.isEmpty {
            timeLayers.append(.scatter(ScatterSeries(
                x: censored.map { x[$0] }, y: censored.map { _ in end }, label: "median not reached (drawn at the last step)",
                color: Palette.vermillion, shape: .triangle, size: 7)))
        }
        let argmin = times.argminIndex[0]
        if argmin >= 0 {
            timeLayers.append(.pointMarker(PointMarker(x: x[argmin], y: times.median[0, argmin], caption: "argmin", label: "argmin of median τ")))
        }
        if onset.isFinite {
            timeLayers.append(.referenceLine(ReferenceLine(.vertical, at: onset, label: "onset η")))
        }
        let panels = [
            Panel(title: "λ(η)", xAxis: FigureStyle.learningRateAxis, yAxis: Axis(label: "λ", unit: "nats/step"), layers: lambdaLayers, legend: .topLeft),
            Panel(title: "τ(η)", xAxis: FigureStyle.learningRateAxis, yAxis: Axis(label: "τ", unit: "steps"), layers: timeLayers, legend: .bottomLeft),
        ]
        return Figure(
            title: "Transient chaos and training time, \(results.sweep.dataset), \(results.sweep.initialisationCount) initialisations",
            rows: 2, columns: 1, panels: panels, width: columnWidth,
            height: Figure.defaultCellHeight * 2 + Figure.titleBandHeight, sharesXRange: true)
    }

    static func caption(_ results: JimenezResults) throws -> CaptionText {
        let times = results.trainingTimes, verdicts = results.amended.verdicts
        let row = try decidingRow(results)
        let drawn = drawnSeries(results).map(SeriesNames.readable)
        let absolute = times.threshold.indices.dropFirst().map { k -> CaptionText in
            "\(ReportNumber.exact(times.threshold[k]), part: "/training_time/threshold", index: [k])"
        }
        let absoluteList = absolute.dropLast().reduce(CaptionText("")) { $0 + ($0.plain.isEmpty ? "" : ", ") + $1 }
            + (absolute.count > 1 ? " and " : "") + (absolute.last ?? "none")
        return "Top: median over \(ReportNumber.count(results.sweep.initialisationCount), part: "/sweep") initialisations of the largest Lyapunov exponent λ (nats/step) "
            + "against the learning rate η: \(PaperText.list(drawn)) (shaded: inter-quartile range of the accepted fits; dotted: the "
            + "tangent λ); grey dashed: λ = 0; grey dotted: the floor δ of the amended onset; diamond: the onset η by the "
            + "\(verdicts.rules[row]) (\(SeriesNames.readable(verdicts.series[row]))). Bottom: median training time τ, the first step at "
            + "which the test accuracy reaches \(times.targets[0]) (threshold \(ReportNumber.significant(times.threshold[0], digits: 3), part: "/training_time/threshold", index: [0])), "
            + "with its inter-quartile range; dashed with markers: the absolute targets "
            + "\(absoluteList); triangles: η whose median run never reached the "
            + "target within \(ReportNumber.count(results.sweep.steps), part: "/sweep") steps; diamond: the argmin of the median τ; vertical line: the onset η."
    }
}
