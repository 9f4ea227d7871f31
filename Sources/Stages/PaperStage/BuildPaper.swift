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
/// With a supplement frame among the inputs (`paper/supplement-template.md`) it also writes
/// the supplement (`paper/supplement.{md,html,pdf}`), numbered with the paper (Table S1, …;
/// each figure and table placed once across both); the stage records sit in the
/// supplement's HTML. The reference list (`paper/references.json`) resolves `{{cite:KEY}}`.
/// The opening verdict table (`{{table:claims}}`) gathers every bundle's claim rows
/// (``ClaimTable``), and `*.pdf` outputs are typeset from the HTML by weasyprint
/// (``PDFTypesetter``), whose version the stage reports in its environment.
///
/// Parameters: `title` (string), `repository` (string). Outputs are recognised by
/// extension (`.md`, `.html`, `.pdf`) and, for the supplement, by a file name starting
/// with `supplement`. Every output is byte-identical across runs on the same inputs.
public enum BuildPaper {
    /// The parameters of the stage.
    public struct Settings: Sendable, Equatable {
        /// The paper's title, `{{title}}`.
        public var title: String
        /// The repository's name or URL, `{{build.repository}}`.
        public var repository: String

        /// Reads `title` and `repository`.
        public init(_ parameters: Parameters) throws {
            title = try parameters.string("title")
            repository = try parameters.string("repository")
        }
    }

    /// The name of the validation table in the frame.
    public static let validationTable = "validation"
    /// The name of the methods parameter table in the frame.
    public static let parametersTable = "methods.parameters"

    /// Runs the stage for `context`.
    public static func run(_ context: StageContext) throws {
        let outputs = try PaperOutputs(context.invocation.outputs)
        let paperPath = outputs.body.markdown?.declaredPath ?? outputs.body.html?.declaredPath ?? "paper/paper.md"
        let built = try build(context, paperDeclaredPath: paperPath)
        guard (built.supplementMarkdown != nil) == !outputs.supplement.isEmpty else {
            throw PaperError.supplementMismatch(hasFrame: built.supplementMarkdown != nil)
        }
        let comment = ProvenanceComment.text(built.record.canonicalText)
        let recordsDocument = outputs.supplement.html.map { RelativePath.from(directoryOf: paperPath, to: $0.declaredPath) } ?? ""
        var environment: [String: String] = [:]
        for (document, markdown, isSupplement) in [
            (outputs.body, built.markdown, false), (outputs.supplement, built.supplementMarkdown ?? "", true),
        ] {
            if let output = document.markdown {
                // Headings get the anchors that paper.html gives them, for a Markdown viewer.
                let text = HeadingAnchors.anchoringHeadings(ValueMarkers.strip(markdown))
                try AtomicFile.write(Data((comment + "\n\n" + text).utf8), to: output.temporaryPath)
            }
            if let output = document.html {
                // The stage records live in the supplement when there is one, else in the paper.
                let holdsRecords = isSupplement || recordsDocument.isEmpty
                let html = HTMLDocument.make(
                    title: isSupplement ? "Supplement: " + built.title : built.title, markdown: markdown,
                    figures: built.figuresByLink, provenanceComment: comment,
                    stageRecords: built.stageRecords, figureStages: built.figureStages,
                    valueSources: built.valueSources, recordsDocument: holdsRecords ? "" : recordsDocument)
                try AtomicFile.write(Data(html.utf8), to: output.temporaryPath)
                if let pdf = document.pdf {
                    environment["weasyprint"] = try PDFTypesetter.version()
                    try PDFTypesetter.render(htmlPath: output.temporaryPath, to: pdf.temporaryPath)
                }
            }
        }
        try context.report(environment: environment, summary: .object(["verdicts": .object(built.verdicts.mapValues { .string($0) })]))
    }

    /// The filled Markdown body, the title, the SVG of each image link, the verdicts of
    /// all sections and the paper's provenance record.
    struct Built {
        var markdown: String
        /// The supplement's Markdown, when the inputs hold a supplement frame.
        var supplementMarkdown: String?
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

    /// The file name of the supplement frame among the `.md` inputs.
    public static let supplementFrameName = "supplement-template.md"
    /// The file name of the reference list among the `.json` inputs.
    public static let referencesName = "references.json"

    /// The inputs sorted by kind.
    struct Inputs {
        var frame: StageInvocation.Input
        var supplementFrame: StageInvocation.Input?
        var references: StageInvocation.Input?
        var bundles: [(input: StageInvocation.Input, bundle: SectionBundle)]
        var figures: [StageInvocation.Input]
        var validation: StageInvocation.Input?

        init(_ context: StageContext) throws {
            let inputs = context.invocation.inputs
            for input in inputs where ![".md", ".json", ".svg", ".h5"].contains(where: input.declaredPath.hasSuffix) {
                throw PaperError.unknownInput(input.declaredPath)
            }
            func named(_ name: String) -> (StageInvocation.Input) -> Bool {
                { $0.declaredPath == name || $0.declaredPath.hasSuffix("/" + name) }
            }
            let markdown = context.inputs(endingWith: ".md")
            let frames = markdown.filter { !named(supplementFrameName)($0) }
            guard frames.count == 1 else { throw PaperError.frameTemplateCount(frames.map(\.declaredPath)) }
            frame = frames[0]
            let supplementFrames = markdown.filter(named(supplementFrameName))
            guard supplementFrames.count <= 1 else {
                throw PaperError.supplementInputCount(kind: "supplement frame (\(supplementFrameName))", paths: supplementFrames.map(\.declaredPath))
            }
            supplementFrame = supplementFrames.first
            let validations = context.inputs(endingWith: ".h5")
            guard validations.count <= 1 else { throw PaperError.validationCount(validations.map(\.declaredPath)) }
            validation = validations.first
            let json = context.inputs(endingWith: ".json")
            let referenceLists = json.filter(named(referencesName))
            guard referenceLists.count <= 1 else {
                throw PaperError.supplementInputCount(kind: "reference list (\(referencesName))", paths: referenceLists.map(\.declaredPath))
            }
            references = referenceLists.first
            bundles = try json.filter { !named(referencesName)($0) }.map {
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
            // The caption's computed numbers link to the results file the figure was drawn from.
            let (caption, captionSources) = try FigureDocument.sourcedCaption(inSVG: svg, path: input.declaredPath, keyPrefix: "figure:\(name)/")
            valueSources.merge(captionSources) { first, _ in first }
            content.figures[name] = PaperFigure(
                name: name, declaredPath: input.declaredPath, sha256: input.sha256, svg: svg,
                record: EmbeddedProvenance.read(path: input.path), caption: caption)
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
        let claims = ClaimTable.rows(inputs.bundles.map(\.bundle))
        content.tables[ClaimTable.name] = ClaimTable.table(claims)
        try content.add(ClaimTable.values(claims))
        content.tables[SeriesGlossary.tableName] = SeriesGlossary.table
        try content.add(FrameValues.build(
            repository: settings.repository, chain: chain, inputs: context.invocation.inputs.map(\.declaredPath)))
        if let references = inputs.references {
            content.references = try ReferenceList.read(path: references.path, declaredPath: references.declaredPath)
        }
        let inputHashes = Dictionary(context.invocation.inputs.map { ($0.declaredPath, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let (figureMap, tableMap) = (content.figures, content.tables)
        content.appendix = { numbering, part in
            ProvenanceAppendix.text(
                numbering: numbering, part: part, figures: figureMap, tables: tableMap, inputHashes: inputHashes, chain: chain,
                paperRecord: record)
        }

        let frameText = try String(contentsOfFile: inputs.frame.path, encoding: .utf8)
        let template = try PaperTemplate(text: frameText, source: inputs.frame.declaredPath).including(sections)
        let supplement = try inputs.supplementFrame.map {
            try PaperTemplate(text: try String(contentsOfFile: $0.path, encoding: .utf8), source: $0.declaredPath)
        }
        let filled = try PaperAssembler.fill(body: template, supplement: supplement, content)
        for (_, bundle) in inputs.bundles {
            for name in bundle.tables.keys.sorted() where filled.numbering.table(name) == nil {
                throw PaperError.tableNotPlaced(section: bundle.section, name: name)
            }
        }
        valueSources.merge(PaperTable.cellValueSources(content.tables)) { first, _ in first }
        return Built(
            markdown: filled.body, supplementMarkdown: filled.supplement, title: settings.title, figuresByLink: figuresByLink, verdicts: verdicts, record: record.json,
            stageRecords: chain.stageRecords, figureStages: figureStages, valueSources: valueSources)
    }
}
