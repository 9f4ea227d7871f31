import FigureStage
import Foundation
import Provenance
import StageKit

/// A temporary project holding synthetic results, the figures drawn from them, and the
/// paper template: what `build-paper` needs as inputs.
struct ReportFixture {
    static let aggregate = "data/mittra/aggregate.h5"
    static let validation = "data/validation.h5"
    static let template = "paper/template.md"
    static let figureOutputs = MittraFigure.allCases.map { "figures/\($0.rawValue).svg" }

    let harness: StageHarness
    let results: SyntheticMittraResults

    /// Writes `results` and runs `render-figures` for every figure.
    init(_ results: SyntheticMittraResults = SyntheticMittraResults(), label: String = "report") throws {
        self.results = results
        harness = StageHarness(label)
        try results.write(aggregatePath: try harness.path(Self.aggregate))
        try results.writeValidation(path: try harness.path(Self.validation))
        try harness.run(try renderContext(), RenderFigures.run)
    }

    /// The context of `render-figures` declaring `outputs`.
    func renderContext(outputs: [String] = figureOutputs, parameters: JSONValue = .object(["width": .int(8)])) throws -> StageContext {
        try harness.context(
            stage: "render-figures", executable: "render-figures", parameters: parameters,
            inputs: [Self.aggregate], outputs: outputs)
    }

    /// Copies `template` (default: the repository's paper/template.md) into the project.
    func installTemplate(_ text: String? = nil) throws {
        let content = try text ?? String(contentsOfFile: Self.repositoryTemplatePath, encoding: .utf8)
        try content.write(toFile: try harness.path(Self.template), atomically: true, encoding: .utf8)
    }

    /// The repository's paper template.
    static var repositoryTemplatePath: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/paper/template.md"
    }
}
