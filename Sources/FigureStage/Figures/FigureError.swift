/// A figure that cannot be made as declared.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    /// An output path that names no known figure.
    case unknownFigure(String)

    public var description: String {
        switch self {
        case .unknownFigure(let path):
            return "render-figures cannot make the declared output '\(path)': it makes only "
                + MittraFigure.allCases.map { "figures/\($0.rawValue).svg" }.joined(separator: ", ")
                + ". Fix stages.render-figures.outputs in pipeline.json."
        }
    }
}
