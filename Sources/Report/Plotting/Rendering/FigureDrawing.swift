/// Draws `figure` with any ``Renderer`` whose canvas is `figure.width` × `figure.height`
/// pixels: a white background, the figure title, every panel, then the shared legend.
///
/// Throws the first configuration mistake (see ``Figure/validate()``) before drawing
/// anything. Data never throws: points that cannot be placed are skipped.
public func draw<R: Renderer>(_ figure: Figure, into renderer: inout R) throws(PlotConfigurationError) {
    try figure.validate()
    drawValidated(figure, into: &renderer)
}

/// Draws `figure`, which must have passed the configuration checks of
/// ``Figure/validate()`` (the text checks run this function themselves).
func drawValidated<R: Renderer>(_ figure: Figure, into renderer: inout R) {
    renderer.drawRect(
        CanvasRect(x: 0, y: 0, width: figure.width, height: figure.height), fill: FillStyle(color: .white), stroke: nil)
    if let title = figure.title {
        let style = TextStyle(
            fontSize: LayoutMetrics.figureTitleFontSize, isBold: true, anchor: .middle, verticalAlignment: .middle)
        renderer.drawText(title, at: CanvasPoint(x: figure.width / 2, y: Figure.titleBandHeight / 2 + 2), style: style)
    }
    for scene in FigureLayout.scenes(of: figure) {
        PanelDrawing.draw(scene, into: &renderer)
    }
    LegendDrawing.draw(FigureLegend(figure: figure), width: figure.width, canvasHeight: figure.height, into: &renderer)
}
