/// The figure as a complete SVG 1.1 document.
///
/// `metadata`, when not `nil`, is stored XML-escaped in the document's `<metadata>`
/// element (the pipeline puts its provenance JSON there); the figure title, if any,
/// becomes the document's `<title>`. The output depends only on the arguments: equal
/// figures and metadata give byte-identical documents on every machine and locale.
///
/// Throws the first configuration mistake of the figure (see ``Figure/validate()``).
public func renderSVG(_ figure: Figure, metadata: String?) throws(PlotConfigurationError) -> String {
    var renderer = SVGRenderer(width: figure.width, height: figure.height)
    try draw(figure, into: &renderer)
    return renderer.document(title: figure.title, metadata: metadata)
}
