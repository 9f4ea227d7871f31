import Provenance
import StageKit

/// One experiment of the paper, as the generic report tasks see it: what it is called,
/// which parameters each task takes, how it aggregates its inputs into results, how it
/// draws its figures and how it fills its section. Everything else (the `task`
/// dispatcher, reading and writing the files, provenance) is ``ExperimentStage``'s.
///
/// A conforming type is usually a caseless enum in the experiment's module; its
/// executable is one line, `ExperimentMain.run(Mittra.self)`.
public protocol Experiment {
    /// The experiment's results file (aggregate.h5), one type that writes and reads it.
    associatedtype Results: ExperimentResults
    /// The experiment's figures, one SVG each.
    associatedtype Figure: DeclaredFigure

    /// The experiment's name: its executable, the prefix of its stages and figures, and
    /// its section (`{{section:NAME}}`). Equal to `Figure.experiment`.
    static var name: String { get }

    /// The declared parameters of each task (besides `task` itself).
    static var parameters: TaskParameters { get }

    /// The `aggregate` task's analysis: the results computed from the stage's declared
    /// inputs (`context.inputPath`), its seeds and its parameters (`context.parameters`).
    static func aggregate(_ context: StageContext) throws -> Results

    /// `figure` drawn from `results` with the `figures` task's `settings`.
    static func draw(_ figure: Figure, from results: Results, settings: Parameters) throws -> FigureDrawing

    /// The section bundle filled from `inputs` (results, figures, template, settings).
    static func section(_ inputs: SectionInputs<Self>) throws -> SectionBundle

    /// What the `aggregate` task reports besides its output (printed by `pipeline run`);
    /// empty unless the experiment says otherwise.
    static func summary(of results: Results) -> JSONValue
}

extension Experiment {
    /// No summary.
    public static func summary(of results: Results) -> JSONValue { .object([:]) }
}
