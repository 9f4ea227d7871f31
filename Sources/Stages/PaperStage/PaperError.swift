import Foundation

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
    /// Two outputs of the same kind for one document.
    case outputTwice(String, String)
    /// A PDF output whose document has no HTML output to typeset it from.
    case pdfWithoutHTML(String)
    /// More than one supplement frame (`supplement-template.md`) or reference list (`references.json`).
    case supplementInputCount(kind: String, paths: [String])
    /// Supplement outputs without a supplement frame among the inputs, or the reverse.
    case supplementMismatch(hasFrame: Bool)
    /// A table of a section bundle that neither the paper nor the supplement places.
    case tableNotPlaced(section: String, name: String)
    /// weasyprint is not installed.
    case typesetterMissing
    /// weasyprint failed on a document.
    case typesetFailed(path: String, status: Int32, messages: String)

    public var description: String {
        switch self {
        case .unknownOutput(let path):
            return "build-paper makes Markdown (*.md), HTML (*.html) and PDF (*.pdf) documents, not '\(path)'; fix stages.build-paper.outputs in pipeline.json"
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
        case .outputTwice(let first, let second):
            return "build-paper writes one file of each kind per document, but '\(first)' and '\(second)' are the same kind; "
                + "keep one of them in stages.build-paper.outputs"
        case .pdfWithoutHTML(let path):
            return "the PDF '\(path)' is typeset from its document's HTML, which is not among the outputs; add the matching "
                + "*.html (paper/paper.html or paper/supplement.html) to stages.build-paper.outputs"
        case .supplementInputCount(let kind, let paths):
            return "build-paper reads at most one \(kind), found " + paths.joined(separator: ", ")
                + "; fix stages.build-paper.inputs in pipeline.json"
        case .supplementMismatch(let hasFrame):
            return hasFrame
                ? "the supplement frame paper/supplement-template.md is an input but no supplement output (paper/supplement.md, "
                    + ".html or .pdf) is declared; add them to stages.build-paper.outputs or remove the frame from the inputs"
                : "supplement outputs are declared but the supplement frame paper/supplement-template.md is not an input; "
                    + "add it to stages.build-paper.inputs"
        case .tableNotPlaced(let section, let name):
            return "the section '\(section)' provides the table '\(name)', which neither its Markdown, paper/template.md nor "
                + "paper/supplement-template.md places; add {{table:\(name)}} to one of them (speed records belong in the supplement)"
        case .typesetterMissing:
            return "weasyprint is not on PATH, and build-paper typesets the PDF outputs with it; install it with "
                + "`apt-get install weasyprint` (scripts/ensure-deps does it as root) or remove the *.pdf outputs of stages.build-paper"
        case .typesetFailed(let path, let status, let messages):
            return "weasyprint failed (exit status \(status)) writing \(path): \(messages.trimmingCharacters(in: .whitespacesAndNewlines)); "
                + "the HTML it read is the stage's HTML output"
        }
    }
}
