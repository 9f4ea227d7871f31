import Foundation
import Plotting
import ReportKit

/// The source paper's Fig. 4 done with the reference estimator (docs/PROTOCOL.md §2 E1), showing
/// the data (lessons of the first full run: at large η the seeds of one cell are bimodal).
/// One row per activation, every panel on the same η axis: (left) the early window's
/// mean λ with its 95 % band, as before; (middle) every seed's late-window λ against η
/// (a strip plot on a symmetric-log axis, so that 1e-4 and 0.5 nats/step are both
/// visible) with the onset marker; (right) the fraction of chaotic seeds with its 95 %
/// Wilson interval.
enum LyapunovVsLearningRateFigure {
    /// Seeds of one cell are spread over this many decades of η, so they do not overlap.
    static let stripWidthDecades = 0.08

    static func figure(_ results: MittraResults, _ options: FigureOptions) throws -> Figure {
        let sweep = results.sweep
        let w = try sweep.widthIndex(options.width)
        let early = try sweep.seriesIndex(options.earlySeries)
        let late = try sweep.seriesIndex(options.lateSeries)
        let unit = sweep.seriesUnits[late]
        var panels: [Panel] = []
        for a in sweep.activations.indices {
            let (earlyBand, earlyLine) = FigureStyle.meanWithBand(
                x: sweep.learningRates, mean: sweep.lambda.mean.line(early, a, w),
                low: sweep.lambda.tLow.line(early, a, w), high: sweep.lambda.tHigh.line(early, a, w),
                label: "\(SeriesStyle.name(sweep.series[early])), mean", color: FigureStyle.early, dash: .dashed)
            panels.append(Panel(
                title: "\(sweep.activations[a]), early", xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: "λ", unit: unit), layers: [earlyBand, FigureStyle.zeroLine, earlyLine]))
            let (x, y) = strip(sweep, activation: a, width: w)
            var lateLayers: [Layer] = [
                FigureStyle.zeroLine,
                .scatter(ScatterSeries(x: x, y: y, label: "\(SeriesStyle.name(sweep.series[late])), one seed", color: FigureStyle.late, size: 4, opacity: 0.6)),
            ]
            if let marker = onsetMarker(sweep, series: late, activation: a, width: w) { lateLayers.append(.pointMarker(marker)) }
            panels.append(Panel(
                title: "\(sweep.activations[a]), late", xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: "λ, symmetric log", unit: unit, scale: lateScale(sweep)), layers: lateLayers))
            let chaos = sweep.chaos
            panels.append(Panel(
                title: "\(sweep.activations[a]), chaotic", xAxis: FigureStyle.learningRateAxis,
                yAxis: Axis(label: "fraction chaotic", fixedRange: -0.02...1.02),
                layers: [
                    .referenceLine(ReferenceLine(.horizontal, at: 0.5, label: "½")),
                    .errorBars(ErrorBarSeries(
                        x: sweep.learningRates, y: sweep.chaoticFraction.line(a, w), lower: chaos.wilsonLow.line(a, w),
                        upper: chaos.wilsonHigh.line(a, w), label: "fraction with 95 % Wilson interval", color: FigureStyle.late)),
                ]))
        }
        return PanelGrid.grid(
            title: "λ vs learning rate, \(Architecture.name(options.width))", rows: max(sweep.activations.count, 1), columns: 3,
            panels: panels, cellHeight: 210, sharesLegend: true, sharesXRange: true)
    }

    /// The symmetric-log scale of the strip plot: linear within a tenth of the chaos threshold.
    static func lateScale(_ sweep: LearningRateSweep) -> AxisScale {
        .symmetricLog(linearThreshold: sweep.chaosThreshold > 0 ? sweep.chaosThreshold / 10 : 1e-4)
    }

    /// Every finite per-seed λ of activation `a`, width `w`: x is η spread over
    /// ``stripWidthDecades`` by seed (deterministic), y the λ.
    static func strip(_ sweep: LearningRateSweep, activation a: Int, width w: Int) -> (x: [Double], y: [Double]) {
        let seeds = sweep.chaos.seedIndices.count
        var x: [Double] = [], y: [Double] = []
        for (e, rate) in sweep.learningRates.enumerated() {
            for k in 0..<seeds {
                let value = sweep.chaos.lateLambda[a, w, e, k]
                guard value.isFinite else { continue }
                let offset = seeds > 1 ? (Double(k) / Double(seeds - 1) - 0.5) * stripWidthDecades : 0
                x.append(rate * pow(10, offset))
                y.append(value)
            }
        }
        return (x, y)
    }

    /// The diamond at the late-window onset η, on the λ = 0 line (no caption); at the smallest η when
    /// λ is positive on the whole grid (the file may store no onset η then).
    static func onsetMarker(_ sweep: LearningRateSweep, series s: Int, activation a: Int, width w: Int) -> PointMarker? {
        let (learningRate, kind) = sweep.onset(series: s, activation: a, width: w)
        if kind == .alwaysPositive, let smallest = sweep.learningRates.first {
            return PointMarker(
                x: learningRate.isFinite && learningRate > 0 ? learningRate : smallest, y: 0,
                caption: "\(sweep.onsetCondition) from the smallest η", label: "first η with \(sweep.onsetCondition)")
        }
        guard learningRate.isFinite, learningRate > 0 else { return nil }
        // No value beside the diamond: at its position the text lies on the seeds' points, and
        // the value is in the chaos table and the text.
        return PointMarker(x: learningRate, y: 0, label: "first η with \(sweep.onsetCondition)")
    }

    static func caption(_ results: MittraResults, _ options: FigureOptions) throws -> CaptionText {
        let sweep = results.sweep
        let late = try sweep.seriesIndex(options.lateSeries)
        let threshold = sweep.chaosThreshold > 0 ? sweep.chaosThreshold / 10 : 1e-4
        return "Largest Lyapunov exponent λ (\(SeriesStyle.estimatorName(String(sweep.series[late].split(separator: "/")[0]))), "
            + "\(sweep.seriesUnits[late])) against the learning rate η for the \(Architecture.name(options.width)) network, one row "
            + "per hidden activation (\(sweep.seedsPerCell, part: "/learning_rate_sweep") per activation × learning-rate combination). "
            + "Left: early window (\(sweep.steps(of: .early), part: "/learning_rate_sweep")), mean with its 95 % Student-t band. Middle: the late window "
            + "(\(sweep.steps(of: .late), part: "/learning_rate_sweep")), one point per seed (spread a little along η so that seeds do not overlap), on a "
            + "symmetric-log axis that is linear within ±\(ReportNumber.exact(threshold), part: "/learning_rate_sweep") and logarithmic beyond; the diamond marks "
            + "the first η with \(sweep.onsetCondition), where the lower end of the 95 % interval of the late-window mean λ "
            + "first exceeds \(ReportNumber.exact(sweep.chaosThreshold), part: "/learning_rate_sweep") nats/step (not a chaos onset: the claim-1 rule also "
            + "asks that most seeds of a combination be chaotic). Right: the fraction of chaotic seeds (late λ above "
            + "\(ReportNumber.exact(sweep.chaosThreshold), part: "/learning_rate_sweep") nats/step and the loss not still falling by the Spearman test of a monotone trend) with its 95 % "
            + "Wilson interval; grey dashed: λ = 0 and the fraction ½."
    }
}
