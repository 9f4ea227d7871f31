import FigureStage
import Foundation
import Provenance
import StageKit

/// The `build-paper` stage: fills `paper/template.md` with numbers computed from
/// `data/mittra/aggregate.h5` and `data/validation.h5`, the source paper's quoted values
/// (parameter `sourceValues`), the figures (every `.svg` input) and the provenance chain,
/// and writes `paper/paper.md` and a self-contained `paper/paper.html`.
///
/// Parameters: `title` (string), `sourceValues` (see ``SourceValues``), optionally
/// `verdictRules` (see ``VerdictRules``). Outputs are recognised by extension (`.md`,
/// `.html`). Both outputs are byte-identical across runs on the same inputs.
public enum BuildPaper {
    /// The declared input holding the prose.
    public static let templateInput = "paper/template.md"
    /// The declared input holding E1–E3.
    public static let aggregateInput = "data/mittra/aggregate.h5"
    /// The declared input holding the estimator checks.
    public static let validationInput = "data/validation.h5"

    /// Runs the stage for `context`.
    public static func run(_ context: StageContext) throws {
        let outputs = context.invocation.outputs
        for output in outputs where !(output.declaredPath.hasSuffix(".md") || output.declaredPath.hasSuffix(".html")) {
            throw PaperError.unknownOutput(output.declaredPath)
        }
        let paperPath = outputs.first { $0.declaredPath.hasSuffix(".md") }?.declaredPath
            ?? outputs.first?.declaredPath ?? "paper/paper.md"
        let built = try build(context, paperDeclaredPath: paperPath)
        let comment = ProvenanceComment.text(context.provenanceText)
        for output in outputs {
            let text: String
            if output.declaredPath.hasSuffix(".md") {
                text = comment + "\n\n" + built.markdown
            } else {
                text = HTMLDocument.make(
                    title: built.title, markdown: built.markdown, figures: built.figuresByLink, provenanceComment: comment)
            }
            try AtomicFile.write(Data(text.utf8), to: output.temporaryPath)
        }
        try context.report(summary: .object(["verdicts": .object(built.verdicts.mapValues { .string($0) })]))
    }

    /// The filled Markdown body, the title, the SVG of each image link, and the verdicts.
    struct Built {
        var markdown: String
        var title: String
        var figuresByLink: [String: String]
        var verdicts: [String: String]
    }

    static func build(_ context: StageContext, paperDeclaredPath: String) throws -> Built {
        let parameters = context.parameters
        let title = try parameters.string("title")
        let source = try SourceValues(try parameters.object("sourceValues"))
        let rules = try VerdictRules(stageParameters: parameters)
        let templateText = try String(contentsOfFile: try context.inputPath(templateInput), encoding: .utf8)
        let template = try PaperTemplate(text: templateText, source: templateInput)
        let results = try MittraResults.read(path: try context.inputPath(aggregateInput))
        let validation = try EstimatorValidation.read(path: try context.inputPath(validationInput))

        var figures = try context.inputs(endingWith: ".svg").map(readFigure)
        let options = try agreedOptions(figures)
        for index in figures.indices {
            figures[index].caption = try figures[index].figure.caption(results, options)
        }
        let assessment = try ClaimsAssessment(results, options: options, rules: rules)

        var content = PaperContent()
        try content.add(["title": title])
        try content.add(try ResultValues.e1(results.sweep, options: options, claim: assessment.chaos))
        try content.add(ResultValues.e2(results.ranking, claim: assessment.ranking))
        try content.add(ResultValues.e3(results.initialWeights))
        try content.add(ResultValues.claims(assessment, results))
        try content.add(ResultValues.validation(validation))
        try content.add(SourceStatements.values(source, rules: rules))
        let chain = ProvenanceChain(roots: context.invocation.inputs.map {
            ProvenanceChain.Node(declaredPath: $0.declaredPath, sha256: $0.sha256, record: EmbeddedProvenance.read(path: $0.path))
        })
        try content.add(ParameterListing.placeholders(chain))
        try content.add(["provenance.code": context.invocation.code.sha256])

        content.tables = [
            "e2.table1": Table1Comparison.make(results.ranking, source, aggregatePath: aggregateInput),
            "e2.all-series": E2SeriesTable.make(results.ranking, aggregatePath: aggregateInput),
            "e1.estimators": EstimatorComparisonTable.make(results.sweep, aggregatePath: aggregateInput),
            "e3.correlations": CorrelationTable.make(results.initialWeights, assessment.initialWeights, aggregatePath: aggregateInput),
            "e1.chaos": try ChaosTable.make(results.sweep, assessment.chaos, options: options, rules: rules, aggregatePath: aggregateInput),
            "e1.edge-of-stability": try EdgeOfStabilityTable.make(results.sweep, options: options, aggregatePath: aggregateInput),
            "validation": ValidationTable.make(validation, validationPath: validationInput),
            "claims": assessment.table(results, aggregatePath: aggregateInput),
            "methods.parameters": ParameterListing.table(chain),
        ]
        var figuresByLink: [String: String] = [:]
        for figure in figures {
            let link = RelativePath.from(directoryOf: paperDeclaredPath, to: figure.declaredPath)
            content.figures[figure.figure.rawValue] = figure
            content.figureLinks[figure.figure.rawValue] = link
            figuresByLink[link] = figure.svg
        }
        let inputHashes = Dictionary(context.invocation.inputs.map { ($0.declaredPath, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let paperRecord = context.provenance
        let (figureMap, tableMap) = (content.figures, content.tables)
        content.appendix = { numbering in
            ProvenanceAppendix.text(
                numbering: numbering, figures: figureMap, tables: tableMap, inputHashes: inputHashes, chain: chain,
                paperRecord: paperRecord)
        }
        let (markdown, _) = try PaperAssembler.fill(template, content)
        return Built(
            markdown: markdown, title: title, figuresByLink: figuresByLink,
            verdicts: [
                "claim1": assessment.chaos.verdict.rawValue, "claim2": assessment.ranking.verdict.rawValue,
                "claim3": assessment.initialWeights.verdict.rawValue,
            ])
    }

    static func readFigure(_ input: StageInvocation.Input) throws -> PaperFigure {
        guard let figure = try? MittraFigure(declaredPath: input.declaredPath) else {
            throw PaperError.unknownFigure(input.declaredPath)
        }
        return PaperFigure(
            figure: figure, declaredPath: input.declaredPath, sha256: input.sha256,
            svg: try String(contentsOfFile: input.path, encoding: .utf8), record: EmbeddedProvenance.read(path: input.path))
    }

    /// The options all figures were drawn with; the defaults when there are no figures.
    static func agreedOptions(_ figures: [PaperFigure]) throws -> FigureOptions {
        guard let first = figures.first else { return FigureOptions() }
        let options = try first.options()
        for figure in figures.dropFirst() where try figure.options() != options {
            throw PaperError.inconsistentFigureOptions(first.declaredPath, figure.declaredPath)
        }
        return options
    }
}
