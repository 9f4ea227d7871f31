import Plotting
import ReportKit

/// ⟨ln d(t)/d(0)⟩ and the median test accuracy against the step, one line per η coloured
/// on a sequential scale from the smallest η (dark) to the largest (light green)
/// (docs/PROTOCOL.md §3, Figure: "d(t) per η and accuracy against step").
enum DivergenceAndAccuracyFigure {
    /// How many η the legend names (evenly spread, ends included); the other lines share
    /// the scale without a label, so that the legend stays short on the refined grid.
    static let labelledCount = 6

    /// The grid indices the legend names.
    static func labelled(_ count: Int) -> Set<Int> {
        guard count > labelledCount else { return Set(0..<count) }
        return Set((0..<labelledCount).map { Int((Double($0) * Double(count - 1) / Double(labelledCount - 1)).rounded()) })
    }

    static func figure(_ results: JimenezResults) -> Figure {
        let rates = results.sweep.learningRates
        // The replicas run fewer steps than the reference (replicas.steps): each panel has its own t.
        let replicaTimes = (0..<results.curves.meanLogDivergence.shape[1]).map(Double.init)
        let times = (0..<results.curves.medianTestAccuracy.shape[1]).map(Double.init)
        let named = labelled(rates.count)
        var divergence: [Layer] = [], accuracy: [Layer] = []
        let colors = SequentialScale.lineColors(count: rates.count)
        for (j, rate) in rates.enumerated() {
            let color = colors[j]
            let label = named.contains(j) ? "η = \(ReportNumber.exact(rate))" : nil
            divergence.append(.line(LineSeries(x: replicaTimes, y: results.curves.meanLogDivergence.line(j), label: label, color: color, width: 1.25)))
            // The accuracy curves of large η oscillate from step to step; all 22 on one panel
            // hide each other, so the panel shows the named η only.
            if named.contains(j) {
                accuracy.append(.line(LineSeries(x: times, y: results.curves.medianTestAccuracy.line(j), color: color, width: 1.25)))
            }
        }
        let panels = [
            Panel(title: "separation of replicas", xAxis: Axis(label: "step t"), yAxis: Axis(label: "⟨ln d(t)/d(0)⟩", unit: "nats"), layers: divergence),
            Panel(title: "test accuracy, named η", xAxis: Axis(label: "step t"), yAxis: Axis(label: "median test accuracy"), layers: accuracy),
        ]
        return PanelGrid.grid(
            title: "Replica divergence and test accuracy per η, \(results.sweep.dataset)", rows: 1, columns: 2, panels: panels,
            cellHeight: Figure.defaultCellHeight, sharesLegend: true, sharesXRange: false)
    }

    static func caption(_ results: JimenezResults) -> CaptionText {
        let rates = results.sweep.learningRates
        return "Left: ⟨ln d(t)/d(0)⟩, the mean over \(ReportNumber.count(results.sweep.replicaCount), part: "/sweep") replicas of the log "
            + "distance to the reference run relative to its start, averaged over \(ReportNumber.count(results.sweep.initialisationCount), part: "/sweep") "
            + "initialisations, against the step t over the first \(ReportNumber.count(results.curves.meanLogDivergence.shape[1] - 1), part: "/curves") "
            + "steps, which the replicas run (the reference runs all \(ReportNumber.count(results.sweep.steps), part: "/sweep"); no divergence fit "
            + "reads a later step), one line per learning rate η on a sequential colour scale from dark (smallest η, "
            + "\(ReportNumber.exact(rates.first ?? .nan), part: "/sweep")) to light green (largest, \(ReportNumber.exact(rates.last ?? .nan), part: "/sweep")); "
            + "the legend names \(ReportNumber.count(labelled(rates.count).count)) of the \(ReportNumber.count(rates.count), part: "/sweep") η. Right: "
            + "the median test accuracy over initialisations against the step for the named η only (the curves of large η oscillate and "
            + "would hide the others), same colours, on \(ReportNumber.count(results.sweep.testSamples), part: "/sweep") test images."
    }
}
