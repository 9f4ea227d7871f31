/// A Mittra figure that cannot be made or read as declared.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    /// A figure file without the drawing options in its `<desc>`.
    case missingOptions(String)
    /// Figures drawn with different options (width or series).
    case inconsistentOptions(String, String)
    /// The learning-regime figure was asked of an aggregate without the learning regime.
    case missingLearningRegime

    public var description: String {
        switch self {
        case .missingOptions(let path):
            return "the figure \(path) does not record the options it was drawn with (<desc data-width …>); "
                + "regenerate it with `pipeline run --force --stage mittra-figures`"
        case .inconsistentOptions(let first, let second):
            return "the figures \(first) and \(second) were drawn with different options (width, series); render them in one run of mittra-figures"
        case .missingLearningRegime:
            return "figures/mittra-fig5-lyapunov-vs-loss-learning.svg needs the learning regime in aggregate.h5 (group "
                + "/initial_weights_learning): give mittra-aggregate the parameters learningStudy and learningStudyEnsembles, "
                + "or remove the figure from the outputs of mittra-figures and the inputs of mittra-section and build-paper"
        }
    }
}
