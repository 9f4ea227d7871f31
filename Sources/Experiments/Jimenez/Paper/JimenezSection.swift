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
        /// λ per η: the fits against the tangent λ.
        public static let lambda = "jimenez.lambda"
        /// τ per η for every target.
        public static let trainingTime = "jimenez.training-time"
        /// The claim judged by the first and the amended rule.
        public static let verdicts = "jimenez.verdicts"
        /// The first rule with a threshold δ on λ (post-hoc sensitivity).
        public static let sensitivity = "jimenez.sensitivity"
        /// Onset and argmin at a larger training set.
        public static let scale = "jimenez.scale"
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

    /// The row of `jimenez.claim1` in the paper's opening verdict table: the amended rule's
    /// verdict (primary series, refined grid) beside the first rule's (source grid).
    static func claimRow(_ results: JimenezResults) throws -> ClaimRow {
        let v = results.amended.verdicts
        let (first, amended, _, _) = try RuleValues.rows(v)
        let size = ReportNumber.count(results.sweep.trainingSamples)
        return ClaimRow(
            id: claim, source: "Jiménez-González, Soriano & Lacasa (2025)",
            claim: "Training time is minimal where the largest Lyapunov exponent λ turns positive (the onset of transient chaos).",
            regime: "\(results.sweep.dataset) analogue, \(size) training images, \(ReportNumber.count(results.sweep.learningRates.count)) learning rates",
            verdict: amended.map { v.verdict[$0] } ?? v.verdict[first], firstRuleVerdict: amended == nil ? nil : v.verdict[first],
            evidence: "tableref:\(TableName.verdicts)")
    }

    /// The bundle of the section; its tables are marked as computed by `stage`.
    public static func bundle(_ inputs: Inputs, stage: String, provenance: JSONValue?) throws -> SectionBundle {
        var values = try SectionValues.values(inputs.results, source: inputs.source)
        var tables: [String: PaperTable] = [
            TableName.lambda: try SectionTables.lambda(inputs.results, source: inputs.aggregate),
            TableName.trainingTime: SectionTables.trainingTime(inputs.results, source: inputs.aggregate),
            TableName.verdicts: SectionTables.verdicts(inputs.results, source: inputs.aggregate),
        ]
        if !inputs.results.sensitivity.thresholds.isEmpty {
            tables[TableName.sensitivity] = SectionTables.sensitivity(inputs.results, source: inputs.aggregate)
        }
        tables[TableName.scale] = SectionTables.scale(inputs.results.amended.scale, source: inputs.aggregate)
        try inputs.benchmark.add(to: &values, tables: &tables, table: TableName.speed)
        for name in tables.keys { tables[name]?.computedBy = stage }
        let figures = Dictionary(uniqueKeysWithValues: inputs.figures.map { ($0.figure.placeholderName, $0.path) })
        let (markdown, valueSources) = try SectionFiller.fill(
            inputs.template, values: values, blocks: Set(tables.keys).union(figures.keys), section: name,
            sources: inputs.benchmark.sources(
                fallback: ValueSource.sectionDefaults(aggregate: inputs.aggregate, citation: inputs.source.citation, stage: stage)))
        let claimRow = try claimRow(inputs.results)
        return SectionBundle(
            section: name, markdown: markdown, tables: tables, figures: figures, verdicts: [claim: claimRow.verdict], provenance: provenance,
            valueSources: valueSources, claims: [claimRow])
    }
}
