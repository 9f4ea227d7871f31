import Plotting
import ReportKit

/// ⟨ln d(t)/d(0)⟩ and the median test accuracy against the step, one line per η coloured
/// along a ramp from small η (blue) to large η (vermillion) (docs/PROTOCOL.md §3, Figure: "d(t)
/// per η and accuracy against step").
enum DivergenceAndAccuracyFigure {
    /// The colour of grid point `j` of `count` along the ramp.
    static func rampColor(_ j: Int, of count: Int) -> Color {
        let (from, to) = (Palette.blue, Palette.vermillion)
        let f = count > 1 ? Double(j) / Double(count - 1) : 0
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * f).rounded()) }
        return Color(red: mix(from.red, to.red), green: mix(from.green, to.green), blue: mix(from.blue, to.blue))
    }

    static func figure(_ results: JimenezResults) -> Figure {
        let rates = results.sweep.learningRates
        let steps = results.curves.meanLogDivergence.shape[1]
        let t = (0..<steps).map(Double.init)
        var divergence: [Layer] = [], accuracy: [Layer] = []
        for (j, rate) in rates.enumerated() {
            let color = rampColor(j, of: rates.count)
            divergence.append(.line(LineSeries(x: t, y: results.curves.meanLogDivergence.line(j), color: color, width: 1.25)))
            accuracy.append(.line(LineSeries(
                x: t, y: results.curves.medianTestAccuracy.line(j), label: "η = \(ReportNumber.exact(rate))", color: color, width: 1.25)))
        }
        let panels = [
            Panel(title: "separation of replicas", xAxis: Axis(label: "step t"), yAxis: Axis(label: "⟨ln d(t)/d(0)⟩", unit: "nats"), layers: divergence, legend: .none),
            Panel(title: "test accuracy", xAxis: Axis(label: "step t"), yAxis: Axis(label: "median test accuracy"), layers: accuracy, legend: .outsideRight),
        ]
        return Figure(
            title: "Replica divergence and test accuracy per η, \(results.sweep.dataset)", rows: 1, columns: 2, panels: panels,
            width: Figure.defaultCellWidth * 2.4, height: Figure.defaultCellHeight + Figure.titleBandHeight)
    }

    static func caption(_ results: JimenezResults) -> String {
        "Left: ⟨ln d(t)/d(0)⟩, the mean over \(results.sweep.replicaCount) replicas of the log L1 distance to the reference run "
            + "relative to its start, averaged over \(results.sweep.initialisationCount) initialisations, against the step t, one line "
            + "per learning rate η (blue: smallest η, \(ReportNumber.exact(results.sweep.learningRates.first ?? .nan)); vermillion: "
            + "largest, \(ReportNumber.exact(results.sweep.learningRates.last ?? .nan))). Right: the median test accuracy over "
            + "initialisations against the step, same colours, on \(ReportNumber.count(results.sweep.testSamples)) test images."
    }
}
