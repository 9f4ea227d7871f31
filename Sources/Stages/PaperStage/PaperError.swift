/// Failures of the `build-paper` stage other than template mistakes; each names the
/// input and says what to change in pipeline.json.
public enum PaperError: Error, CustomStringConvertible, Equatable {
    /// An output path the stage does not make.
    case unknownOutput(String)
    /// Not exactly one `.md` input (the frame template).
    case frameTemplateCount([String])
    /// More than one `.h5` input (the estimator validation file).
    case validationCount([String])
    /// An input of a kind the stage does not read.
    case unknownInput(String)
    /// A figure input that no section bundle shows.
    case figureInNoSection(String)
    /// A section bundle that shows a figure which is not an input of the stage.
    case figureNotAnInput(section: String, path: String)

    public var description: String {
        switch self {
        case .unknownOutput(let path):
            return "build-paper makes a Markdown paper (*.md) and an HTML paper (*.html), not '\(path)'; fix stages.build-paper.outputs in pipeline.json"
        case .frameTemplateCount(let paths):
            return "build-paper needs exactly one .md input, the frame template (paper/template.md), found "
                + (paths.isEmpty ? "none" : paths.joined(separator: ", ")) + "; fix stages.build-paper.inputs in pipeline.json"
        case .validationCount(let paths):
            return "build-paper reads at most one .h5 input, the estimator validation (data/validation.h5), found "
                + paths.joined(separator: ", ") + "; fix stages.build-paper.inputs in pipeline.json"
        case .unknownInput(let path):
            return "build-paper does not know what to do with the input '\(path)' (it reads the frame template *.md, section bundles *.json, "
                + "figures *.svg and the estimator validation *.h5); fix stages.build-paper.inputs in pipeline.json"
        case .figureInNoSection(let path):
            return "the figure input '\(path)' is shown by no section bundle among the inputs; add the section that shows it "
                + "(its bundle *.json) to stages.build-paper.inputs, or remove the figure from them"
        case .figureNotAnInput(let section, let path):
            return "the section '\(section)' shows the figure '\(path)', which is not an input of build-paper; add it to stages.build-paper.inputs"
        }
    }
}
