import Plotting
import ReportKit

/// The source paper's Fig. 4 done with the reference estimator (SCIENCE.md §2 E1): λ
/// against η, one panel per activation, early and late windows with 95% bands, the
/// λ = 0 line, and the onset η (see ``LearningRateSweep/chaosThreshold``).
enum LyapunovVsLearningRateFigure {
    static func figure(_ results: MittraResults, _ options: FigureOptions) throws -> Figure {
        let sweep = results.sweep
        let w = try sweep.widthIndex(options.width)
        let early = try sweep.seriesIndex(options.earlySeries)
        let late = try sweep.seriesIndex(options.lateSeries)
        let panels = sweep.activations.indices.map { a -> Panel in
            let (earlyBand, earlyLine) = FigureStyle.meanWithBand(
                x: sweep.learningRates, mean: sweep.lambda.mean.line(early, a, w),
                low: sweep.lambda.tLow.line(early, a, w), high: sweep.lambda.tHigh.line(early, a, w),
                label: "early window (\(sweep.steps(of: .early)))", color: FigureStyle.early, dash: .dashed)
            let (lateBand, lateLine) = FigureStyle.meanWithBand(
                x: sweep.learningRates, mean: sweep.lambda.mean.line(late, a, w),
                low: sweep.lambda.tLow.line(late, a, w), high: sweep.lambda.tHigh.line(late, a, w),
                label: "late window (\(sweep.steps(of: .late)))", color: FigureStyle.late, marker: .circle)
            var layers = [earlyBand, lateBand, FigureStyle.zeroLine, earlyLine, lateLine]
            if let marker = onsetMarker(sweep, series: late, activation: a, width: w) {
                layers.append(.pointMarker(marker))
            }
            return Panel(
                title: sweep.activations[a], xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: "λ (\(sweep.series[late].split(separator: "/")[0]) estimator)", unit: sweep.seriesUnits[late]),
                layers: layers)
        }
        return PanelGrid.figure(
            title: "λ vs learning rate, \(Architecture.name(options.width)), mean and 95% CI over \(sweep.seedCount) seeds",
            panels: panels)
    }

    /// The diamond at the late-window onset η, on the λ = 0 line; at the smallest η when
    /// λ is positive on the whole grid (the file may store no onset η then).
    static func onsetMarker(_ sweep: LearningRateSweep, series s: Int, activation a: Int, width w: Int) -> PointMarker? {
        let (learningRate, kind) = sweep.onset(series: s, activation: a, width: w)
        if kind == .alwaysPositive, let smallest = sweep.learningRates.first {
            return PointMarker(
                x: learningRate.isFinite && learningRate > 0 ? learningRate : smallest, y: 0,
                caption: "\(sweep.onsetCondition) from the smallest η", label: "first η with \(sweep.onsetCondition)")
        }
        guard learningRate.isFinite, learningRate > 0 else { return nil }
        return PointMarker(
            x: learningRate, y: 0, caption: "η ≈ \(ReportNumber.significant(learningRate, digits: 3))",
            label: "first η with \(sweep.onsetCondition)")
    }

    static func caption(_ results: MittraResults, _ options: FigureOptions) throws -> String {
        let sweep = results.sweep
        let late = try sweep.seriesIndex(options.lateSeries)
        let estimator = sweep.series[late].split(separator: "/")[0]
        return "Largest Lyapunov exponent λ (\(estimator) estimator, \(sweep.seriesUnits[late])) against the learning rate η "
            + "for the \(Architecture.name(options.width)) network, one panel per hidden activation. "
            + "Dashed: early window (\(sweep.steps(of: .early))); solid: late window "
            + "(\(sweep.steps(of: .late))); lines are means over \(sweep.seedCount) seeds, shaded bands "
            + "95 % Student-t intervals of the mean. The diamond marks the onset η, where the lower end of the 95 % "
            + "interval of the late-window mean λ first exceeds \(ReportNumber.exact(sweep.chaosThreshold)) nats/step "
            + "(log-linear interpolation between grid points); grey dashed: λ = 0."
    }
}
