import Plotting

/// Figures shared by several tests.
enum TestFigures {
    /// The small figure whose SVG is committed as `Golden/small-figure.svg`: two panels
    /// that between them use every layer kind, both scales, an inside and an outside
    /// legend, and text that needs escaping.
    static func small() -> Figure {
        let etas = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1]
        let lambda = [-0.2, -0.15, -0.08, 0.0, 0.07, 0.15, 0.22]
        let left = Panel(
            title: "λ vs η",
            xAxis: Axis(label: "learning rate η", scale: .log10),
            yAxis: Axis(label: "λ₁", unit: "1/step"),
            layers: [
                .band(BandSeries(x: etas, lower: lambda.map { $0 - 0.04 }, upper: lambda.map { $0 + 0.04 },
                                 label: "95% CI", color: Palette.blue)),
                .line(LineSeries(x: etas, y: lambda, label: "mean", color: Palette.blue, marker: .circle)),
                .referenceLine(ReferenceLine(.horizontal, at: 0, label: "λ = 0")),
                .referenceLine(ReferenceLine(.vertical, at: 0.03, dash: .dotted)),
                .pointMarker(PointMarker(x: 0.03, y: 0, caption: "λ first > 0")),
            ],
            legend: .topLeft)
        let right = Panel(
            title: "loss <vs> λ & fit",
            xAxis: Axis(label: "λ₁", fixedRange: -0.3...0.3),
            yAxis: Axis(label: "final loss"),
            layers: [
                .scatter(ScatterSeries(x: [-0.2, -0.1, 0, 0.1, 0.2], y: [0.3, 0.42, 0.5, 0.61, 0.7],
                                       label: "runs", shape: .triangle)),
                .errorBars(ErrorBarSeries(x: [-0.25, 0.25], y: [0.35, 0.75], error: [0.05, 0.08], label: "binned ± CI")),
                .line(LineSeries(x: [-0.3, 0.3], y: [0.27, 0.77], label: "fit", dash: .dashed)),
                .scatter(ScatterSeries(x: [0.05], y: [0.4], label: "outlier", shape: .diamond)),
                .scatter(ScatterSeries(x: [-0.05], y: [0.6], shape: .square)),
                .annotation(TextAnnotation(x: -0.2, y: 0.7, text: "r = 0.99")),
            ],
            legend: .outsideRight)
        return Figure(title: "Golden <figure> & friends", rows: 1, columns: 2, panels: [left, right],
                      width: 640, height: 320)
    }

    /// A panel holding one line series.
    static func linePanel(x: [Double], y: [Double], xScale: AxisScale = .linear, yScale: AxisScale = .linear,
                          legend: LegendPlacement = .none) -> Panel {
        Panel(xAxis: Axis(label: "x", scale: xScale), yAxis: Axis(label: "y", scale: yScale),
              layers: [.line(LineSeries(x: x, y: y, label: "series", color: Palette.vermillion))], legend: legend)
    }

    /// A one-panel figure.
    static func single(_ panel: Panel) -> Figure {
        Figure(panels: [panel])
    }

    /// The error `figure.validate()` throws, or `nil` when it passes.
    static func validationError(of figure: Figure) -> PlotConfigurationError? {
        do {
            try figure.validate()
            return nil
        } catch {
            return error
        }
    }
}
