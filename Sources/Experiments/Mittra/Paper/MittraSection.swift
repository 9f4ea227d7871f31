import Provenance
import ReportKit

/// The Mittra section of the paper (docs/PROTOCOL.md §2): its template's inline values, its
/// tables and figures under names namespaced `mittra.`, and its claims `mittra.claim1` …
/// `mittra.claim3`, gathered into the ``ReportKit/SectionBundle`` that `build-paper`
/// assembles. The placeholders are listed in paper/README.md.
public enum MittraSection {
    /// The section's name (`{{section:mittra}}`).
    public static let name = "mittra"

    /// The section's tables by name.
    public enum TableName {
        /// Where training is chaotic, by the claim-1 rule.
        public static let chaos = "mittra.chaos"
        /// Claim 1 over the sensitivity grid.
        public static let sensitivity = "mittra.sensitivity"
        /// The chaos onset beside the edge of stability.
        public static let edgeOfStability = "mittra.edge-of-stability"
        /// The estimators compared with the tangent reference.
        public static let estimatorComparison = "mittra.estimator-comparison"
        /// The source's Table 1 beside ours.
        public static let table1 = "mittra.table1"
        /// E2's mean λ of every series.
        public static let allSeries = "mittra.all-series"
        /// E3's correlations.
        public static let correlations = "mittra.correlations"
        /// The three claims, rules, evidence and verdicts.
        public static let claims = "mittra.claims"
        /// E2 per activation in the learning regime.
        public static let learning = "mittra.learning"
    }

    /// What the section is made from.
    public struct Inputs: Sendable {
        /// The section template (paper/sections/mittra.md).
        public var template: PaperTemplate
        /// aggregate.h5.
        public var results: MittraResults
        /// Where aggregate.h5 was read from, for the tables' sources.
        public var aggregate: AggregateFile
        /// The figures the section shows: each figure and its declared path.
        public var figures: [(figure: MittraFigure, path: String)]
        /// The options the figures were drawn with.
        public var options: FigureOptions
        /// The source paper's quoted numbers.
        public var source: SourceValues
        /// The thresholds of the verdict rules.
        public var rules: VerdictRules

        /// Gathers the inputs.
        public init(
            template: PaperTemplate, results: MittraResults, aggregate: AggregateFile, figures: [(figure: MittraFigure, path: String)],
            options: FigureOptions, source: SourceValues, rules: VerdictRules
        ) {
            self.template = template
            self.results = results
            self.aggregate = aggregate
            self.figures = figures
            self.options = options
            self.source = source
            self.rules = rules
        }
    }

    /// The bundle of the section; its tables are marked as computed by `stage`.
    public static func bundle(_ inputs: Inputs, stage: String, provenance: JSONValue?) throws -> SectionBundle {
        let results = inputs.results
        let assessment = try ClaimsAssessment(results, options: inputs.options, rules: inputs.rules)
        var values: [String: String] = [:]
        for part in [
            try ResultValues.e1(results.sweep, options: inputs.options, claim: assessment.chaos),
            ResultValues.e2(results.ranking, claim: assessment.ranking, regimeTest: assessment.rules.regimeTest), ResultValues.e3(results.initialWeights),
            ResultValues.claims(assessment, results), SourceStatements.values(inputs.source, rules: inputs.rules),
        ] {
            for (key, value) in part {
                guard values.updateValue(value, forKey: key) == nil else { throw TemplateError.duplicatePlaceholder(key) }
            }
        }
        let aggregate = inputs.aggregate
        var tables: [String: PaperTable] = [
            TableName.table1: Table1Comparison.make(results.ranking, inputs.source, aggregate: aggregate),
            TableName.allSeries: E2SeriesTable.make(results.ranking, aggregate: aggregate),
            TableName.estimatorComparison: EstimatorComparisonTable.make(results.sweep, aggregate: aggregate),
            TableName.correlations: CorrelationTable.make(results.initialWeights, assessment.initialWeights, aggregate: aggregate),
            TableName.chaos: try ChaosTable.make(
                results.sweep, assessment.chaos, options: inputs.options, rules: inputs.rules, aggregate: aggregate),
            TableName.sensitivity: SensitivityTable.make(results.sweep, assessment.chaos, rules: inputs.rules, aggregate: aggregate),
            TableName.edgeOfStability: try EdgeOfStabilityTable.make(results.sweep, options: inputs.options, aggregate: aggregate),
            TableName.claims: assessment.table(results, aggregate: aggregate),
            TableName.learning: results.learningRanking.map {
                RegimeTable.make($0, regime: "the learning regime", group: ActivationRanking.learningGroupName, aggregate: aggregate)
            } ?? RegimeTable.notRun(),
        ]
        for name in tables.keys { tables[name]?.computedBy = stage }
        let figures = Dictionary(uniqueKeysWithValues: inputs.figures.map { ($0.figure.placeholderName, $0.path) })
        let (markdown, sources) = try SectionFiller.fill(
            inputs.template, values: values, blocks: Set(tables.keys).union(figures.keys), section: name,
            sources: { valueSource(of: $0, inputs: inputs, stage: stage) })
        return SectionBundle(
            section: name, markdown: markdown, tables: tables, figures: figures, verdicts: assessment.verdicts, provenance: provenance,
            valueSources: sources, claims: assessment.claimRows(source: citation(inputs)))
    }

    /// The source paper's citation (`sourceValues.citation`), or "the source paper".
    static func citation(_ inputs: Inputs) -> String {
        if case .string(let text)? = inputs.source.raw["citation"] { return text }
        return "the source paper"
    }

    /// Where the value of placeholder `name` comes from: E1 values from
    /// `/learning_rate_sweep`, E2 from `/activation_ranking`, E3 from `/initial_weights`,
    /// claims from all three, `source.*` quoted from the source paper (a statement computed
    /// from quoted numbers names the member holding them, ``SourceStatements/quotedBasis``),
    /// `rules.*` a parameter.
    static func valueSource(of name: String, inputs: Inputs, stage: String) -> ValueSource? {
        let aggregate = inputs.aggregate
        let parameters = "stages.\(stage).parameters"
        if name.hasPrefix("e1.") { return .computed(aggregate.source("learning_rate_sweep")) }
        if name.hasPrefix("e2.") { return .computed(aggregate.source("activation_ranking")) }
        if name.hasPrefix("e3.") { return .computed(aggregate.source("initial_weights")) }
        if name.hasPrefix("mittra.claim") {
            return .computed(aggregate.source("learning_rate_sweep", "activation_ranking", "initial_weights"))
        }
        if name.hasPrefix("mittra.regime.") {
            return .computed(aggregate.source(ActivationRanking.groupName, ActivationRanking.learningGroupName))
        }
        if name.hasPrefix("learning.") { return .computed(aggregate.source(ActivationRanking.learningGroupName)) }
        if name == "rules.learned-fraction" { return .parameter(parameters + ".regimeTest") }
        if name == "rules.cannot-represent" { return .computed(aggregate.source(ActivationRanking.groupName)) }
        if name.hasPrefix("rules.") { return .parameter(parameters + ".verdictRules") }
        if let basis = SourceStatements.quotedBasis[name] {
            return .quoted(citation(inputs), jsonPath: parameters + ".sourceValues" + (basis.isEmpty ? "" : "." + basis))
        }
        if name.hasPrefix("source.") {
            return .quoted(citation(inputs), jsonPath: parameters + ".sourceValues." + name.dropFirst("source.".count))
        }
        return nil
    }
}
