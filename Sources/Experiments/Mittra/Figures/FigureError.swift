/// A Mittra figure that cannot be made or read as declared.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    /// An output or input path that names no Mittra figure.
    case unknownFigure(String)
    /// A figure file without the drawing options in its `<desc>`.
    case missingOptions(String)
    /// Figures drawn with different options (width or series).
    case inconsistentOptions(String, String)

    public var description: String {
        switch self {
        case .unknownFigure(let path):
            return "'\(path)' is not a Mittra figure; the figures task makes only "
                + MittraFigure.allCases.map { "figures/\($0.rawValue).svg" }.joined(separator: ", ")
                + ". Fix the outputs of stages.mittra-figures (or the inputs of stages.mittra-section) in pipeline.json."
        case .missingOptions(let path):
            return "the figure \(path) does not record the options it was drawn with (<desc data-width …>); "
                + "regenerate it with `pipeline run --force --stage mittra-figures`"
        case .inconsistentOptions(let first, let second):
            return "the figures \(first) and \(second) were drawn with different options (width, series); render them in one run of mittra-figures"
        }
    }
}
