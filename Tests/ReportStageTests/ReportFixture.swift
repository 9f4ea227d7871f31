import Foundation
import MittraExperiment
import PaperStage
import Provenance
import ReportKit
import StageKit

/// A temporary project holding synthetic Mittra results, the figures drawn from them by
/// the `figures` task, the section bundle of the `section` task and the templates: what
/// `build-paper` needs as inputs.
struct ReportFixture {
    static let aggregate = "data/mittra/aggregate.h5"
    static let validation = "data/validation.h5"
    static let frame = "paper/template.md"
    static let supplementFrame = "paper/supplement-template.md"
    static let references = "paper/references.json"
    static let sectionTemplate = "paper/sections/mittra.md"
    static let bundle = "paper/sections/mittra.json"
    static let figureOutputs = MittraFigure.allCases.map { "figures/\($0.rawValue).svg" }
    static let paperOutputs = ["paper/paper.md", "paper/paper.html", "paper/supplement.md", "paper/supplement.html"]

    let harness: StageHarness
    let results: SyntheticMittraResults

    /// Writes `results` and the validation file, and runs the `figures` task for every figure.
    init(_ results: SyntheticMittraResults = SyntheticMittraResults(), label: String = "report") throws {
        self.results = results
        harness = StageHarness(label)
        try results.write(aggregatePath: try harness.path(Self.aggregate))
        try results.writeValidation(path: try harness.path(Self.validation))
        try harness.run(try figuresContext(), ExperimentStage<Mittra>.run)
    }

    /// The context of `mittra-figures` declaring `outputs`.
    func figuresContext(outputs: [String] = figureOutputs, parameters: JSONValue = .object(["task": .string("figures"), "width": .int(8)])) throws -> StageContext {
        try harness.context(
            stage: "mittra-figures", executable: "mittra", parameters: parameters, inputs: [Self.aggregate], outputs: outputs)
    }

    /// The `mittra-section` parameters as pipeline.json gives them.
    static var sectionParameters: JSONValue {
        .object(["task": .string("section"), "sourceValues": PaperParameters.sourceValues])
    }

    /// Runs `mittra-section` on the repository's section template (or `template`) over
    /// `figures` and returns the bundle.
    @discardableResult
    func buildSection(template: String? = nil, figures: [String] = figureOutputs) throws -> SectionBundle {
        try install(template, at: Self.sectionTemplate, repositoryFile: Self.sectionTemplate)
        let context = try harness.context(
            stage: "mittra-section", executable: "mittra", parameters: Self.sectionParameters,
            inputs: [Self.sectionTemplate, Self.aggregate] + figures, outputs: [Self.bundle])
        try harness.run(context, ExperimentStage<Mittra>.run)
        return try SectionBundle.read(path: harness.root + "/" + Self.bundle, declaredPath: Self.bundle)
    }

    /// The `build-paper` context over the fixture's files.
    /// The supplement frame and the reference list are the repository's (installed here).
    func paperContext(figures: [String] = figureOutputs, bundles: [String] = [bundle], outputs: [String] = paperOutputs) throws -> StageContext {
        try install(nil, at: Self.supplementFrame, repositoryFile: Self.supplementFrame)
        try install(nil, at: Self.references, repositoryFile: Self.references)
        return try harness.context(
            stage: "build-paper", executable: "build-paper", parameters: PaperParameters.standard,
            inputs: [Self.frame, Self.supplementFrame, Self.references, Self.validation] + bundles + figures, outputs: outputs)
    }

    /// Runs `mittra-section` and `build-paper` with the repository's templates (or
    /// `frame`) and returns paper.md.
    @discardableResult
    func buildPaper(frame: String? = nil, figures: [String] = figureOutputs, outputs: [String] = paperOutputs) throws -> String {
        try buildSection()
        try install(frame, at: Self.frame, repositoryFile: Self.frame)
        try harness.run(try paperContext(figures: figures, outputs: outputs), BuildPaper.run)
        return try harness.read("paper/paper.md")
    }

    /// Writes `text` (default: the repository's `repositoryFile`) at `declared` in the project.
    /// The repository's frame keeps only the Mittra section: the fixture builds no other
    /// experiment's bundle (each experiment tests its own section).
    func install(_ text: String?, at declared: String, repositoryFile: String) throws {
        var content = try text ?? String(contentsOfFile: Self.repositoryPath(repositoryFile), encoding: .utf8)
        if text == nil, [Self.frame, Self.supplementFrame].contains(repositoryFile) { content = Self.keepingOnlyMittra(content) }
        try content.write(toFile: try harness.path(declared), atomically: true, encoding: .utf8)
    }

    /// `frame` without the lines that include another experiment's section or place its tables or figures.
    static func keepingOnlyMittra(_ frame: String) -> String {
        frame.components(separatedBy: "\n").filter { line in
            !(line.hasPrefix("{{section:") && line != "{{section:mittra}}")
                && !["{{table:jimenez.", "{{table:leimkuhler.", "{{figure:jimenez.", "{{figure:leimkuhler."].contains(where: line.hasPrefix)
        }.joined(separator: "\n")
    }

    /// The path of `relative` in the repository.
    static func repositoryPath(_ relative: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/" + relative
    }
}
