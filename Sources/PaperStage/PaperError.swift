/// Failures of the `build-paper` stage other than template mistakes.
public enum PaperError: Error, CustomStringConvertible, Equatable {
    /// Two generators produced the same placeholder name (a bug in this module).
    case duplicatePlaceholder(String)
    /// An output path the stage does not make.
    case unknownOutput(String)
    /// An SVG input that is not one of the Mittra figures.
    case unknownFigure(String)
    /// Figures drawn with different options (width or series).
    case inconsistentFigureOptions(String, String)

    public var description: String {
        switch self {
        case .duplicatePlaceholder(let name):
            return "two parts of build-paper define the placeholder {{\(name)}}; rename one (PaperStage)"
        case .unknownOutput(let path):
            return "build-paper makes a Markdown paper (*.md) and an HTML paper (*.html), not '\(path)'; fix stages.build-paper.outputs in pipeline.json"
        case .unknownFigure(let path):
            return "build-paper does not know the figure input '\(path)' (it knows the outputs of render-figures); fix stages.build-paper.inputs in pipeline.json"
        case .inconsistentFigureOptions(let first, let second):
            return "the figures \(first) and \(second) were drawn with different render-figures parameters (width, series); render them in one stage run"
        }
    }
}
