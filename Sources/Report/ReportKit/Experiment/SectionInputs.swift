import Provenance
import StageKit

/// What an experiment's section is filled from, gathered by the `section` task from the
/// stage's declared inputs: the one `.md` (template), the one `.h5` (results), the `.svg`
/// figures and, when declared, the benchmark record.
public struct SectionInputs<E: Experiment> {
    /// One figure the section shows.
    public struct Figure {
        /// Which figure.
        public var figure: E.Figure
        /// Its declared path (`figures/<name>.svg`).
        public var path: String
        /// The facts stored in it when it was drawn (``FigureDrawing/facts``).
        public var facts: [String: String]

        /// Creates the entry.
        public init(figure: E.Figure, path: String, facts: [String: String] = [:]) {
            (self.figure, self.path, self.facts) = (figure, path, facts)
        }
    }

    /// The section template.
    public var template: PaperTemplate
    /// The results (aggregate.h5).
    public var results: E.Results
    /// The results file as declared (its declared path and SHA-256 are what tables cite).
    public var resultsFile: StageInvocation.Input
    /// The figures, in declared order.
    public var figures: [Figure]
    /// The benchmark record, when the section declares ``TaskParameters/benchmark``.
    public var benchmark: SectionBenchmark?
    /// The `section` task's parameters.
    public var settings: Parameters
    /// The stage name (tables are marked as computed by it).
    public var stage: String
    /// The stage's provenance, stored in the bundle.
    public var provenance: JSONValue?

    /// Gathers the inputs.
    public init(
        template: PaperTemplate, results: E.Results, resultsFile: StageInvocation.Input, figures: [Figure], benchmark: SectionBenchmark?,
        settings: Parameters, stage: String, provenance: JSONValue?
    ) {
        (self.template, self.results, self.resultsFile, self.figures) = (template, results, resultsFile, figures)
        (self.benchmark, self.settings, self.stage, self.provenance) = (benchmark, settings, stage, provenance)
    }

    /// The whole results file (part `/`) as a table or value source.
    public var aggregate: PaperTable.Source {
        PaperTable.Source(path: resultsFile.declaredPath, part: "/", sha256: resultsFile.sha256)
    }

    /// Figure placeholder name (`mittra.estimators`) → declared path, as a bundle stores
    /// them; an error when two declared paths name one figure.
    public func figurePaths() throws -> [String: String] {
        var paths: [String: String] = [:]
        for entry in figures {
            if let other = paths.updateValue(entry.path, forKey: entry.figure.placeholderName) {
                throw SectionBundleError.collision(kind: "figure", name: entry.figure.placeholderName, paths: [other, entry.path])
            }
        }
        return paths
    }

    /// The benchmark record, or an error saying the section must declare it.
    public func requiredBenchmark() throws -> SectionBenchmark {
        guard let benchmark else {
            throw StageError.usage(
                "stage '\(stage)': the \(E.name) section needs its benchmark record; declare the parameter `benchmark` (TaskParameters.benchmark)")
        }
        return benchmark
    }
}
