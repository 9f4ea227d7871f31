import Foundation
import Plotting
import ReportKit
import StageKit

/// The figures of E5 (docs/PROTOCOL.md §4), one SVG each; the raw value is the file name
/// without `.svg` that pipeline.json declares.
public enum LeimkuhlerFigure: String, DeclaredFigure {
    public static let experiment = "leimkuhler"

    /// Test accuracy against epoch, mean and 95 % band over seeds, one line per optimizer.
    case testAccuracy = "leimkuhler-test-accuracy"
    /// Kinetic temperature of each tensor against its target, per kinetic optimizer.
    case kineticTemperature = "leimkuhler-kinetic-temperature"
    /// λ₁ per optimizer, early and late windows, with 95 % intervals.
    case lyapunov = "leimkuhler-lyapunov"
    /// The typical run's classifier (``TypicalRun``) per optimizer: the p = ½ contour over the test points.
    case decisionBoundary = "leimkuhler-decision-boundary"

    /// At most this many test points are drawn per decision-boundary panel (every k-th), to keep the SVG small.
    public static let drawnTestPoints = 200

    /// The stride k that keeps `count` test points within ``drawnTestPoints``.
    static func testPointStride(_ count: Int) -> Int { max(1, (count + drawnTestPoints - 1) / drawnTestPoints) }

    /// The rows of the test-accuracy figure: every method, SGD and Adam at their best rates only
    /// (their grids are in the accuracy table), no controls.
    static func accuracyRows(_ r: LeimkuhlerResults) -> [Int] {
        r.labels.indices.filter { o in
            !r.isControlRow(o) && (r.optimizers[o] != "gd" || o == r.bestSGD) && (r.optimizers[o] != "adam" || o == r.bestAdam)
        }
    }

    /// The method of row `o`: its label without the rate of a grid.
    static func method(_ r: LeimkuhlerResults, _ o: Int) -> String {
        r.labels[o].components(separatedBy: " (η = ").first ?? r.labels[o]
    }

    /// One colour (and dash, once the colours run out) per method, the same in every figure of the section.
    static func style(_ r: LeimkuhlerResults, _ o: Int) -> (color: Color, dash: DashPattern) {
        var methods: [String] = []
        for row in r.labels.indices where !methods.contains(method(r, row)) { methods.append(method(r, row)) }
        let i = methods.firstIndex(of: method(r, o)) ?? 0, count = FigureStyle.seriesColors.count
        return (FigureStyle.color(i), [DashPattern.solid, .dashed, .dotted, .dashDot][(i / count) % 4])
    }

    /// The figure drawn from `results`.
    public func figure(_ results: LeimkuhlerResults) -> Figure {
        let r = results
        switch self {
        case .testAccuracy:
            var layers: [Layer] = []
            for o in Self.accuracyRows(r) {
                let style = Self.style(r, o)
                let (band, line) = FigureStyle.meanWithBand(
                    x: r.epochs, mean: r.curve("test_accuracy_mean", o), low: r.curve("test_accuracy_low", o),
                    high: r.curve("test_accuracy_high", o), factor: 100, label: r.labels[o] + (o == r.bestSGD ? " (best SGD)" : ""),
                    color: style.color, dash: style.dash, bandOpacity: FigureStyle.overlappingBandOpacity)
                layers.insert(band, at: 0)
                layers.append(line)
            }
            // Twice the usual width: the legend of every optimizer sits beside the panel.
            return Figure(title: "Test accuracy, mean and 95% t band over \(r.seedCount) seeds", panels: [
                Panel(xAxis: Axis(label: "epoch"), yAxis: Axis(label: "test accuracy", unit: "%", fixedRange: 0...100), layers: layers, legend: .best)],
                width: 2 * Figure.defaultCellWidth)
        case .kineticTemperature:
            let kinetic = r.labels.indices.filter { o in r.tensors.indices.contains { r.targetTemperature[o, $0].isFinite } }
            let panels = kinetic.map { o -> Panel in
                var layers: [Layer] = r.tensors.indices.map { t in
                    .line(LineSeries(x: r.epochs, y: r.kineticTemperature.line(o, t), label: r.tensors[t], color: FigureStyle.color(t)))
                }
                let targets = Set(r.tensors.indices.map { r.targetTemperature[o, $0] }.filter(\.isFinite)).sorted()
                layers += targets.map { .referenceLine(ReferenceLine(.horizontal, at: $0, label: "target τ = \(ReportNumber.significant($0, digits: 2))")) }
                return Panel(title: r.labels[o], xAxis: Axis(label: "epoch"), yAxis: Axis(label: "pᵀp/N", scale: .log10), layers: layers)
            }
            return PanelGrid.figure(title: "Kinetic temperature per tensor (mean over \(r.seedCount) seeds) against its target", panels: panels)
        case .lyapunov:
            // Only the rows with exponents (the baselines and controls without them are left out).
            let rows = r.labels.indices.filter { o in r.series.indices.contains { r.lambdaMean[o, $0].isFinite } }
            let panels = r.series.indices.map { s -> Panel in
                let x = rows.map(Double.init)
                return Panel(
                    title: r.series[s], xAxis: Axis(label: "optimizer (" + rows.map { "\($0): \(r.labels[$0])" }.joined(separator: ", ") + ")"),
                    yAxis: Axis(label: "λ₁", unit: r.seriesUnits[s]),
                    layers: [FigureStyle.zeroLine, .errorBars(ErrorBarSeries(
                        x: x, y: rows.map { r.lambdaMean[$0, s] }, lower: rows.map { r.lambdaLow[$0, s] },
                        upper: rows.map { r.lambdaHigh[$0, s] }, label: "mean, 95% t interval"))])
            }
            return PanelGrid.figure(title: "λ₁ of the training map (tangent method, realized minibatches and noise)", panels: panels)
        case .decisionBoundary:
            guard let b = r.decisionBoundary else { return Figure(title: "no decision boundaries computed", panels: []) }
            let range = { (axis: [Double]) in (axis.first ?? 0)...(axis.last ?? 1) }
            let panels = (0..<b.panelCount).map { p -> Panel in
                let o = b.rows[p]
                let contour = ContourLines.polylines(x: b.x, y: b.y, values: b.probabilities(p), level: 0.5)
                let classes = (0..<2).map { label -> Layer in
                    let points = b.testPoints(p, label: label, stride: Self.testPointStride(b.testLabels.shape[1]))
                    return .scatter(ScatterSeries(x: points.x, y: points.y, label: "class \(label)", color: label == 0 ? Palette.blue : Palette.vermillion, size: 3, opacity: 0.6))
                }
                return Panel(
                    title: r.labels[o] + (o == r.bestSGD ? " (best SGD)" : "") + ": \(ReportNumber.significant(100 * b.finalAccuracy[p], digits: 3)) %",
                    xAxis: Axis(label: "x₁", fixedRange: range(b.x), padding: 0), yAxis: Axis(label: "x₂", fixedRange: range(b.y), padding: 0),
                    layers: classes + [.line(LineSeries(x: contour.x, y: contour.y, label: "p = 0.5", color: .black, width: 1.5))],
                    legend: .none, showsGrid: false)
            }
            return PanelGrid.figure(title: "Decision boundary of the typical run per optimizer (test accuracy at the last epoch)", panels: panels)
        }
    }

    /// The caption printed under the figure.
    public func caption(_ r: LeimkuhlerResults) -> String {
        switch self {
        case .testAccuracy:
            return "Test accuracy (%) on the two-spirals test set against the epoch for every method (SGD and Adam at their best rates only, no controls; one colour per method throughout the section); lines are means over \(r.seedCount) seeds, shaded bands \(LeimkuhlerResults.bandDescription). Evaluated every \(ReportNumber.exact(r.epochs.count > 1 ? r.epochs[1] - r.epochs[0] : 0)) epochs."
        case .kineticTemperature:
            return "Kinetic temperature pᵀp/N of every tensor (layer/weights or biases), mean over \(r.seedCount) seeds, against the epoch, one panel per optimizer with momenta; grey dashed: the target temperature τ. Equipartition holds where the lines meet the target."
        case .lyapunov:
            return "Largest Lyapunov exponent λ₁ of each optimizer's training map (tangent method, the realized minibatches and noise replayed), mean over \(r.seedCount) seeds with \(LeimkuhlerResults.bandDescription); one panel per window."
        case .decisionBoundary:
            let b = r.decisionBoundary
            let best = r.bestSGD >= 0 ? "SGD at its best rate only, marked" : "no SGD rate finished"
            return "Classifier of the typical run of every optimizer (\(best)); the typical run is \(TypicalRun.rule). Black: the p = 0.5 contour of the network's output probability, evaluated on a \(b?.x.count ?? 0) × \(b?.y.count ?? 0) grid over the test points; dots: \(b.map { Self.testPointStride($0.testLabels.shape[1]) == 1 ? "the" : "every \(PaperText.ordinal(Self.testPointStride($0.testLabels.shape[1]))) of the \($0.testLabels.shape[1])" } ?? "the") test points of that run's data draw, blue class 0, vermillion class 1. Panel titles give the run's test accuracy at the last epoch."
        }
    }
}
