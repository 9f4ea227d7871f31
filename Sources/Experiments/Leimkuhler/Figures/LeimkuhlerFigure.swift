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
    public static let drawnTestPoints = 60

    /// The stride k that keeps `count` test points within ``drawnTestPoints``.
    static func testPointStride(_ count: Int) -> Int { max(1, (count + drawnTestPoints - 1) / drawnTestPoints) }

    /// The rows of the test-accuracy figure: every method, SGD and Adam at their best rates only
    /// (their grids are in the accuracy table), no controls.
    static func accuracyRows(_ r: LeimkuhlerResults) -> [Int] {
        r.labels.indices.filter { o in
            !r.isControlRow(o) && (r.optimizers[o] != "gd" || o == r.bestSGD) && (r.optimizers[o] != "adam" || o == r.bestAdam)
        }
    }

    /// The label of row `o` in figures: SGD's best rate marked.
    static func label(_ r: LeimkuhlerResults, _ o: Int) -> String {
        r.labels[o] + (o == r.bestSGD ? " (best SGD)" : "")
    }

    /// Chance accuracy on two balanced classes, in %.
    static let chanceAccuracy = 50.0

    /// `value` as "10⁻⁴" or "2×10⁻³" (one or two significant digits), so that the targets
    /// of every panel read alike.
    /// The readable name of tensor `code` ("0/weights", "1/biases" as the result files name
    /// them) among `tensors`: "first-layer weights", "output biases", "layer 2 weights".
    static func tensorName(_ code: String, in tensors: [String]) -> String {
        let parts = code.split(separator: "/")
        guard parts.count == 2, let layer = Int(parts[0]) else { return code }
        let last = tensors.compactMap { $0.split(separator: "/").first.flatMap { Int($0) } }.max() ?? layer
        let place = layer == last ? "output" : layer == 0 ? "first-layer" : "layer \(layer + 1)"
        return "\(place) \(parts[1])"
    }

    /// The figure drawn from `results`.
    public func figure(_ results: LeimkuhlerResults) -> Figure {
        let r = results
        switch self {
        case .testAccuracy:
            var layers: [Layer] = [
                .referenceLine(ReferenceLine(.horizontal, at: Self.chanceAccuracy, label: "chance (50 %)", dash: .dotted)),
                .referenceLine(ReferenceLine(
                    .horizontal, at: 100 * r.targetAccuracy, label: "target of the first 'faster' rule (\(ReportNumber.significant(100 * r.targetAccuracy, digits: 3)) %)",
                    color: .black, width: 1)),
            ]
            var lines: [Layer] = []
            for o in Self.accuracyRows(r) {
                let style = MethodStyle.style(r, o)
                let (band, line) = FigureStyle.meanWithBand(
                    x: r.epochs, mean: r.curve("test_accuracy_mean", o), low: r.curve("test_accuracy_low", o),
                    high: r.curve("test_accuracy_high", o), factor: 100, label: Self.label(r, o),
                    color: style.color, dash: style.dash, bandOpacity: FigureStyle.overlappingBandOpacity)
                layers.insert(band, at: 0)
                lines.append(line)
            }
            return PanelGrid.grid(
                title: "Test accuracy, mean and 95 % band over \(r.seedCount) seeds", rows: 1, columns: 1,
                panels: [Panel(xAxis: Axis(label: "epoch"), yAxis: Axis(label: "test accuracy", unit: "%"),
                               layers: layers + lines)],
                cellHeight: 340, sharesLegend: true)
        case .kineticTemperature:
            let kinetic = r.labels.indices.filter { o in r.tensors.indices.contains { r.targetTemperature[o, $0].isFinite } }
            let tensorColors = [Palette.blue, Palette.vermillion, Palette.bluishGreen, Palette.reddishPurple, Palette.orange, Palette.skyBlue]
            let panels = kinetic.map { o -> Panel in
                var layers: [Layer] = r.tensors.indices.map { t in
                    .line(LineSeries(x: r.epochs, y: r.kineticTemperature.line(o, t), label: Self.tensorName(r.tensors[t], in: r.tensors),
                                     color: tensorColors[t % tensorColors.count], width: 1))
                }
                let targets = Set(r.tensors.indices.map { r.targetTemperature[o, $0] }.filter(\.isFinite)).sorted()
                layers += targets.map { .referenceLine(ReferenceLine(.horizontal, at: $0, label: "target τ", color: .black, width: 1.25)) }
                return Panel(
                    title: r.labels[o],
                    xAxis: Axis(label: "epoch"), yAxis: Axis(label: "pᵀp/N", scale: .log10), layers: layers)
            }
            return PanelGrid.figure(title: "Kinetic temperature per tensor against its target", panels: panels, cellHeight: 220, sharesLegend: true, sharesYRange: true)
        case .lyapunov:
            // Only the rows with exponents (the baselines and controls without them are left out),
            // named on the axis, the first at the top; each interval in its method's colour.
            let rows = r.labels.indices.filter { o in r.series.indices.contains { r.lambdaMean[o, $0].isFinite } }
            let names = rows.reversed().map { Self.label(r, $0) }
            let panels = r.series.indices.map { s -> Panel in
                var layers: [Layer] = [.referenceLine(ReferenceLine(.vertical, at: 0, label: "λ₁ = 0"))]
                for (k, o) in rows.enumerated() {
                    let position = Double(rows.count - 1 - k)
                    let color = MethodStyle.style(r, o).color
                    layers.append(.line(LineSeries(
                        x: [r.lambdaLow[o, s], r.lambdaHigh[o, s]], y: [position, position],
                        label: k == 0 ? "95 % t interval" : nil, color: color, width: 2.5)))
                    layers.append(.scatter(ScatterSeries(
                        x: [r.lambdaMean[o, s]], y: [position], label: k == 0 ? "mean over \(r.seedCount) seeds" : nil,
                        color: color, size: 7, opacity: 1)))
                }
                return Panel(
                    title: SeriesNames.readable(r.series[s]), xAxis: Axis(label: "λ₁", unit: r.seriesUnits[s]),
                    yAxis: Axis(label: "", categories: names), layers: layers, legend: .none)
            }
            return PanelGrid.grid(
                title: "λ₁ of the training map per optimizer", rows: max(panels.count, 1), columns: 1, panels: panels,
                cellHeight: 60 + 22 * Double(rows.count), sharesXRange: true)
        case .decisionBoundary:
            guard let b = r.decisionBoundary else { return Figure(title: "no decision boundaries computed", panels: []) }
            let range = { (axis: [Double]) in (axis.first ?? 0)...(axis.last ?? 1) }
            let classColors = [Palette.blue, Palette.vermillion]
            let panels = (0..<b.panelCount).map { p -> Panel in
                let o = b.rows[p]
                let values = b.probabilities(p)
                let contour = ContourLines.polylines(x: b.x, y: b.y, values: values, level: 0.5)
                let regions = ClassRegions(x: b.x, y: b.y, values: values)
                var layers: [Layer] = [.band(BandSeries(
                    x: [range(b.x).lowerBound, range(b.x).upperBound], lower: [range(b.y).lowerBound, range(b.y).lowerBound],
                    upper: [range(b.y).upperBound, range(b.y).upperBound], label: "predicted class 0",
                    color: classColors[0].tinted(toward: 0.82), opacity: 1))]
                for (k, rectangle) in regions.classOne.enumerated() {
                    layers.append(.band(BandSeries(
                        x: [rectangle.xRange.lowerBound, rectangle.xRange.upperBound],
                        lower: [rectangle.yRange.lowerBound, rectangle.yRange.lowerBound],
                        upper: [rectangle.yRange.upperBound, rectangle.yRange.upperBound],
                        label: k == 0 ? "predicted class 1" : nil, color: classColors[1].tinted(toward: 0.82), opacity: 1)))
                }
                for label in 0..<2 {
                    let points = b.testPoints(p, label: label, stride: Self.testPointStride(b.testLabels.shape[1]))
                    layers.append(.scatter(ScatterSeries(
                        x: points.x, y: points.y, label: "test point, class \(label)", color: classColors[label],
                        shape: label == 0 ? .circle : .square, size: 4, opacity: 1)))
                }
                layers.append(.line(LineSeries(x: contour.x, y: contour.y, label: "p = 0.5", color: .black, width: 1.25)))
                return Panel(
                    title: Self.label(r, o) + ": \(ReportNumber.significant(100 * b.finalAccuracy[p], digits: 3))\u{00A0}%",
                    xAxis: Axis(label: "x₁", fixedRange: range(b.x), padding: 0), yAxis: Axis(label: "x₂", fixedRange: range(b.y), padding: 0),
                    layers: layers, showsGrid: false, hasEqualAspect: true)
            }
            return PanelGrid.figure(title: "Decision boundary of the typical run per optimizer", panels: panels, cellHeight: 230, sharesLegend: true)
        }
    }

    /// The caption printed under the figure.
    public func caption(_ r: LeimkuhlerResults) -> CaptionText {
        let seeds: CaptionText = "\(ReportNumber.count(r.seedCount), part: "/optimizers")"
        switch self {
        case .testAccuracy:
            return "Test accuracy (%) on the two-spirals test set against the epoch for every method (SGD and Adam at their best rates only, no controls); lines are means over \(seeds) seeds, shaded bands \(LeimkuhlerResults.bandDescription). One Okabe–Ito colour per optimizer family throughout the section; a family's variants share its colour and differ by dash. Grey dotted: chance (50 %); black: the target of the first 'faster' rule (\(ReportNumber.significant(100 * r.targetAccuracy, digits: 3), part: "/optimizers") %, kept beside the amended rule, whose targets are per pair). Evaluated every \(ReportNumber.exact(r.epochs.count > 1 ? r.epochs[1] - r.epochs[0] : 0), part: "/optimizers") epochs."
        case .kineticTemperature:
            return "Kinetic temperature pᵀp/N of every tensor (a layer's weights or biases), mean over \(seeds) seeds, against the epoch on a logarithmic axis, one panel per optimizer with momenta, all on one scale; black dashed: the target temperatures τ of the panel's tensors (the equipartition table of the supplement gives them per tensor). Equipartition holds where the lines meet the target."
        case .lyapunov:
            return "Largest Lyapunov exponent λ₁ of each optimizer's training map (tangent method, the realized minibatches and noise replayed), one panel per window, the optimizers named on the vertical axis in their colours of the section: dot, mean over \(seeds) seeds; bar, \(LeimkuhlerResults.bandDescription); grey dashed: λ₁ = 0. Optimizers without exponents (the other baselines and the controls) are left out."
        case .decisionBoundary:
            let b = r.decisionBoundary
            let best = r.bestSGD >= 0 ? "SGD at its best rate only, marked" : "no SGD rate finished"
            let coarse = b.map { ClassRegions.nodes($0.x.count, stride: ClassRegions.stride).count } ?? 0
            let grid: CaptionText = b.map {
                "\(ReportNumber.count($0.x.count), part: "/decision_boundary/x") × \(ReportNumber.count($0.y.count), part: "/decision_boundary/y")"
            } ?? "0 × 0"
            let markers: CaptionText = b.map { b -> CaptionText in
                let stride = Self.testPointStride(b.testLabels.shape[1])
                return stride == 1 ? "the"
                    : "every \(PaperText.ordinal(stride)) of the \(ReportNumber.count(b.testLabels.shape[1]), part: "/decision_boundary/test_labels")"
            } ?? "the"
            return "Classifier of the typical run of every optimizer (\(best)); the typical run is \(TypicalRun.rule). Light blue and light vermillion: the regions the network assigns to class 0 and class 1 (p < 0.5 and p ≥ 0.5), shown on a \(ReportNumber.count(coarse)) × \(ReportNumber.count(coarse)) grid; black: the p = 0.5 contour of the network's output probability, evaluated on a \(grid) grid over the test points; markers: \(markers) test points of that run's data draw, blue circles class 0, vermillion squares class 1. Both inputs on one scale (equal aspect). Panel titles give the run's test accuracy at the last epoch."
        }
    }
}
