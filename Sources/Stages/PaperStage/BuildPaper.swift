import Foundation
import Provenance
import ReportKit
import StageKit

/// The `build-paper` stage, which knows no experiment: it reads the frame template (the
/// one `.md` input, `paper/template.md`), includes every section bundle (the `.json`
/// inputs, one per experiment, at their `{{section:NAME}}`), numbers the figures (the
/// `.svg` inputs, each shown by exactly one section) and tables of all sections in order
/// of placement, adds the experiment-independent parts (the estimator validation of the
/// `.h5` input, the parameters of every upstream stage and the provenance appendix), and
/// writes `paper/paper.md` and a self-contained `paper/paper.html`, both opening with the
/// paper stage's own provenance record (each input by path, hash and writing stage). The
/// chain behind the inputs is walked over the files on disk (``ProvenanceChain``) and each
/// stage of it appears once: in the methods table, the appendix and, in `paper.html`, one
/// collapsed record per stage that the figures link to.
///
/// Parameters: `title` (string). Outputs are recognised by extension (`.md`, `.html`).
/// Both outputs are byte-identical across runs on the same inputs.
public enum BuildPaper {
    /// The parameters of the stage.
    public struct Settings: Sendable, Equatable {
        /// The paper's title, `{{title}}`.
        public var title: String

        /// Reads `title`.
        public init(_ parameters: Parameters) throws {
            title = try parameters.string("title")
        }
    }

    /// The name of the validation table in the frame.
    public static let validationTable = "validation"
    /// The name of the methods parameter table in the frame.
    public static let parametersTable = "methods.parameters"

    /// Runs the stage for `context`.
    public static func run(_ context: StageContext) throws {
        let outputs = context.invocation.outputs
        for output in outputs where !(output.declaredPath.hasSuffix(".md") || output.declaredPath.hasSuffix(".html")) {
            throw PaperError.unknownOutput(output.declaredPath)
        }
        let paperPath = outputs.first { $0.declaredPath.hasSuffix(".md") }?.declaredPath
            ?? outputs.first?.declaredPath ?? "paper/paper.md"
        let built = try build(context, paperDeclaredPath: paperPath)
        let comment = ProvenanceComment.text(built.record.canonicalText)
        for output in outputs {
            let text: String
            if output.declaredPath.hasSuffix(".md") {
                text = comment + "\n\n" + ValueMarkers.strip(built.markdown)
            } else {
                text = HTMLDocument.make(
                    title: built.title, markdown: built.markdown, figures: built.figuresByLink, provenanceComment: comment,
                    stageRecords: built.stageRecords, figureStages: built.figureStages, valueSources: built.valueSources)
            }
            try AtomicFile.write(Data(text.utf8), to: output.temporaryPath)
        }
        try context.report(summary: .object(["verdicts": .object(built.verdicts.mapValues { .string($0) })]))
    }

    /// The filled Markdown body, the title, the SVG of each image link, the verdicts of
    /// all sections and the paper's provenance record.
    struct Built {
        var markdown: String
        var title: String
        var figuresByLink: [String: String]
        var verdicts: [String: String]
        var record: JSONValue
        /// The record of every stage behind the paper, once, upstream first.
        var stageRecords: [ProvenanceRecord] = []
        /// Image link → the stage that drew the figure, for paper.html.
        var figureStages: [String: String] = [:]
        /// Where each marked value comes from, across all sections.
        var valueSources: [String: ValueSource] = [:]
    }

    /// The inputs sorted by kind.
    struct Inputs {
        var frame: StageInvocation.Input
        var bundles: [(input: StageInvocation.Input, bundle: SectionBundle)]
        var figures: [StageInvocation.Input]
        var validation: StageInvocation.Input?

        init(_ context: StageContext) throws {
            let inputs = context.invocation.inputs
            for input in inputs where ![".md", ".json", ".svg", ".h5"].contains(where: input.declaredPath.hasSuffix) {
                throw PaperError.unknownInput(input.declaredPath)
            }
            let frames = context.inputs(endingWith: ".md")
            guard frames.count == 1 else { throw PaperError.frameTemplateCount(frames.map(\.declaredPath)) }
            frame = frames[0]
            let validations = context.inputs(endingWith: ".h5")
            guard validations.count <= 1 else { throw PaperError.validationCount(validations.map(\.declaredPath)) }
            validation = validations.first
            bundles = try context.inputs(endingWith: ".json").map {
                ($0, try SectionBundle.read(path: $0.path, declaredPath: $0.declaredPath))
            }
            figures = context.inputs(endingWith: ".svg")
        }
    }

    static func build(_ context: StageContext, paperDeclaredPath: String) throws -> Built {
        let settings = try Settings(context.parameters)
        let inputs = try Inputs(context)
        var content = PaperContent()
        try content.add(["title": settings.title, "provenance.code": context.invocation.code.sha256])

        // Sections: their templates, tables, figures and verdicts, names unique across sections.
        var sections: [String: PaperTemplate] = [:]
        var verdicts: [String: String] = [:]
        var shownBy: [String: (section: String, name: String)] = [:]
        var valueSources: [String: ValueSource] = [:]
        for (input, bundle) in inputs.bundles {
            valueSources.merge(bundle.valueSources ?? [:]) { first, _ in first }
            func unique<T>(_ kind: String, _ name: String, in existing: [String: T]) throws {
                guard existing[name] == nil else {
                    throw SectionBundleError.collision(kind: kind, name: name, paths: [input.declaredPath])
                }
            }
            try unique("section", bundle.section, in: sections)
            sections[bundle.section] = try bundle.template(declaredPath: input.declaredPath)
            for (name, table) in bundle.tables.sorted(by: { $0.key < $1.key }) {
                try unique("table", name, in: content.tables)
                content.tables[name] = table
            }
            for (name, verdict) in bundle.verdicts.sorted(by: { $0.key < $1.key }) {
                try unique("verdict", name, in: verdicts)
                verdicts[name] = verdict
            }
            for (name, path) in bundle.figures.sorted(by: { $0.key < $1.key }) {
                try unique("figure", name, in: content.figures)
                guard inputs.figures.contains(where: { $0.declaredPath == path }) else {
                    throw PaperError.figureNotAnInput(section: bundle.section, path: path)
                }
                shownBy[path] = (bundle.section, name)
                content.figures[name] = PaperFigure(name: name, declaredPath: path, sha256: "", svg: "", record: nil, caption: "")
            }
        }
        // The chain behind the inputs, section bundles included: every stage once.
        let record = context.provenanceRecord
        let chain = try ProvenanceChain.walk(from: record, inputs: context.invocation.inputs)
        var figuresByLink: [String: String] = [:]
        var figureStages: [String: String] = [:]
        for input in inputs.figures {
            guard let (_, name) = shownBy[input.declaredPath] else { throw PaperError.figureInNoSection(input.declaredPath) }
            let svg = try String(contentsOfFile: input.path, encoding: .utf8)
            content.figures[name] = PaperFigure(
                name: name, declaredPath: input.declaredPath, sha256: input.sha256, svg: svg,
                record: EmbeddedProvenance.read(path: input.path),
                caption: try FigureDocument.caption(inSVG: svg, path: input.declaredPath))
            let link = RelativePath.from(directoryOf: paperDeclaredPath, to: input.declaredPath)
            content.figureLinks[name] = link
            figuresByLink[link] = svg
            figureStages[link] = chain.writer(of: input.declaredPath)
        }

        // The experiment-independent parts.
        if let validationInput = inputs.validation {
            let validation = try EstimatorValidation.read(path: validationInput.path)
            let frameValues = FrameValues.linkedValidation(validation, path: validationInput.declaredPath, sha256: validationInput.sha256)
            try content.add(frameValues.values)
            valueSources.merge(frameValues.sources) { first, _ in first }
            content.tables[validationTable] = ValidationTable.make(validation, validationPath: validationInput.declaredPath, sha256: validationInput.sha256)
        }
        try content.add(ParameterListing.placeholders(chain))
        content.tables[parametersTable] = ParameterListing.table(chain)
        let inputHashes = Dictionary(context.invocation.inputs.map { ($0.declaredPath, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let (figureMap, tableMap) = (content.figures, content.tables)
        content.appendix = { numbering in
            ProvenanceAppendix.text(
                numbering: numbering, figures: figureMap, tables: tableMap, inputHashes: inputHashes, chain: chain, paperRecord: record)
        }

        let frameText = try String(contentsOfFile: inputs.frame.path, encoding: .utf8)
        let template = try PaperTemplate(text: frameText, source: inputs.frame.declaredPath).including(sections)
        let (markdown, _) = try PaperAssembler.fill(template, content)
        valueSources.merge(PaperTable.cellValueSources(content.tables)) { first, _ in first }
        return Built(
            markdown: markdown, title: settings.title, figuresByLink: figuresByLink, verdicts: verdicts, record: record.json,
            stageRecords: chain.stageRecords, figureStages: figureStages, valueSources: valueSources)
    }
}
