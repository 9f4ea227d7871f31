import Provenance
import ReportKit

/// The E4 section of the paper (docs/PROTOCOL.md §3): its template's inline values, the per-η
/// table and the verdict table under names namespaced `jimenez.`, and its claim
/// `jimenez.claim1`, gathered into the ``ReportKit/SectionBundle`` that `build-paper`
/// assembles.
public enum JimenezSection {
    /// The section's name (`{{section:jimenez}}`).
    public static let name = "jimenez"
    /// The claim "training time is minimal where λ turns positive".
    public static let claim = "jimenez.claim1"

    /// The section's tables by name.
    public enum TableName {
        /// λ and τ per η.
        public static let perLearningRate = "jimenez.per-eta"
        /// The verdict per convention and target.
        public static let verdicts = "jimenez.verdicts"
        /// The verdict with a threshold δ on λ (post-hoc sensitivity).
        public static let sensitivity = "jimenez.sensitivity"
        /// Our benchmark beside JAX and numpy (the benchmark record).
        public static let speed = "jimenez.speed"
    }

    /// What the section is made from.
    public struct Inputs: Sendable {
        public var template: PaperTemplate
        public var results: JimenezResults
        /// Declared path and SHA-256 of aggregate.h5.
        public var aggregate: PaperTable.Source
        public var figures: [(figure: JimenezFigure, path: String)]
        public var source: SourceFacts
        /// The benchmark record of `bench fashion-ensemble` beside its peers (measured by `make bench-record`).
        public var benchmark: SectionBenchmark

        public init(
            template: PaperTemplate, results: JimenezResults, aggregate: PaperTable.Source, figures: [(figure: JimenezFigure, path: String)],
            source: SourceFacts, benchmark: SectionBenchmark
        ) {
            (self.template, self.results, self.aggregate, self.figures, self.source) = (template, results, aggregate, figures, source)
            self.benchmark = benchmark
        }
    }

    /// The rule of ``TransientChaosVerdict``, fixed in advance, in words.
    public static func rule(tolerance: Int, level: Double) -> String {
        let k = ReportNumber.count(tolerance), percent = ReportNumber.exact(level * 100)
        return "Let Δ be the argmin of the median τ minus the onset η, in grid steps, and [L, U] its \(percent) % paired-bootstrap interval "
            + "over initialisations. The claim is *reproduced* when |Δ| ≤ \(k) and [L, U] lies inside [−\(k), \(k)]; *not reproduced* "
            + "when [L, U] and [−\(k), \(k)] are disjoint; *inconclusive* otherwise, and also when there is no onset, no η whose median "
            + "τ reaches the target, or too many resamples lack either for an interval. The tolerance of \(k) grid step is the grid's "
            + "resolution: λ crosses zero somewhere between the onset and the grid point before it."
    }

    /// The bundle of the section; its tables are marked as computed by `stage`.
    public static func bundle(_ inputs: Inputs, stage: String, provenance: JSONValue?) throws -> SectionBundle {
        var values = try SectionValues.values(inputs.results, source: inputs.source)
        var tables: [String: PaperTable] = [
            TableName.perLearningRate: SectionTables.perLearningRate(inputs.results, source: inputs.aggregate),
            TableName.verdicts: SectionTables.verdicts(inputs.results, source: inputs.aggregate),
        ]
        if !inputs.results.sensitivity.thresholds.isEmpty {
            tables[TableName.sensitivity] = SectionTables.sensitivity(inputs.results, source: inputs.aggregate)
        }
        try inputs.benchmark.add(to: &values, tables: &tables, table: TableName.speed)
        for name in tables.keys { tables[name]?.computedBy = stage }
        let figures = Dictionary(uniqueKeysWithValues: inputs.figures.map { ($0.figure.placeholderName, $0.path) })
        let (markdown, valueSources) = try SectionFiller.fill(
            inputs.template, values: values, blocks: Set(tables.keys).union(figures.keys), section: name,
            sources: inputs.benchmark.sources(
                fallback: ValueSource.sectionDefaults(aggregate: inputs.aggregate, citation: inputs.source.citation, stage: stage)))
        let primary = try inputs.results.exponents.conventionIndex(inputs.results.exponents.primaryConvention)
        let verdict = inputs.results.bootstrap.verdict[primary, 0]
        return SectionBundle(
            section: name, markdown: markdown, tables: tables, figures: figures, verdicts: [claim: verdict], provenance: provenance,
            valueSources: valueSources)
    }
}
