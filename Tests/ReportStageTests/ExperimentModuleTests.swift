import Foundation
import PaperStage
import Plotting
import Provenance
import ReportKit
import StageKit
import XCTest

/// A second experiment is "add a folder": a throw-away experiment defined here, with its
/// own figure (drawn through ``FigureDocument``) and section bundles, is assembled by the
/// generic `build-paper` without any change to shared files, numbered together with a
/// second section.
final class ExperimentModuleTests: XCTestCase {
    /// The toy experiment's figure, caption stored inside, and its section with one value,
    /// the figure and one table; a second section with one table only.
    func writeToyExperiment(_ harness: StageHarness) throws {
        let figure = PanelGrid.figure(
            title: "toy", panels: [Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"), layers: [.line(LineSeries(x: [0, 1], y: [1, 0]))])])
        let record: JSONValue = .object(["stage": .string("toy-figures"), "inputs": .object([:])])
        let svg = try FigureDocument.svg(figure, caption: "A falling line, drawn from \(ReportNumber.count(2)) points.", provenance: record.canonicalText)
        try svg.write(toFile: try harness.path("figures/toy-line.svg"), atomically: true, encoding: .utf8)

        let table = PaperTable(
            caption: "Toy numbers.", table: MarkdownTable(header: ["x", "y"], rows: [["0", "1"], ["1", "0"]]), sources: [],
            computedBy: "toy-section")
        let template = try PaperTemplate(
            text: "## Toy\n\nThe slope is {{toy.slope}} ({{figref:toy.line}}, {{tableref:toy.numbers}}, {{tableref:other.table}}).\n\n"
                + "{{figure:toy.line}}\n\n{{table:toy.numbers}}\n",
            source: "paper/sections/toy.md")
        let markdown = try SectionFiller.fill(template, values: ["toy.slope": ReportNumber.significant(-1)], blocks: ["toy.line", "toy.numbers"])
        let toy = SectionBundle(
            section: "toy", markdown: markdown, tables: ["toy.numbers": table], figures: ["toy.line": "figures/toy-line.svg"],
            verdicts: ["toy.claim1": "reproduced"], provenance: .object(["stage": .string("toy-section"), "inputs": .object([:])]))
        try toy.encoded().write(to: URL(fileURLWithPath: try harness.path("paper/sections/toy.json")))
        let other = SectionBundle(
            section: "other", markdown: "## Other\n\n{{table:other.table}}\n", tables: ["other.table": table], figures: [:],
            verdicts: [:], provenance: nil)
        try other.encoded().write(to: URL(fileURLWithPath: try harness.path("paper/sections/other.json")))
        let frame = "# {{title}}\n\n{{section:toy}}\n\n{{section:other}}\n\n## Parameters\n\n{{table:methods.parameters}}\n\n{{appendix.provenance}}\n"
        try frame.write(toFile: try harness.path("paper/template.md"), atomically: true, encoding: .utf8)
    }

    func testBuildPaperAssemblesAnotherExperimentsSections() throws {
        let harness = StageHarness("toy-experiment")
        try writeToyExperiment(harness)
        let context = try harness.context(
            stage: "build-paper", executable: "build-paper", parameters: .object(["title": .string("Toy")]),
            inputs: ["paper/template.md", "paper/sections/toy.json", "paper/sections/other.json", "figures/toy-line.svg"],
            outputs: ["paper/paper.md", "paper/paper.html"])
        try harness.run(context, BuildPaper.run)
        let paper = try harness.read("paper/paper.md")
        let body = String(paper.drop { $0 != "\n" })
        XCTAssertFalse(body.contains("{{") || body.contains("}}"), "unfilled placeholder")
        XCTAssertTrue(body.contains("The slope is −1.000 (Figure 1, Table 1, Table 2)."))
        XCTAssertTrue(body.contains("![Figure 1](../figures/toy-line.svg)\n\n**Figure 1.** A falling line, drawn from 2 points."))
        XCTAssertTrue(body.contains("**Table 1.** Toy numbers."))
        XCTAssertTrue(body.contains("**Table 2.** Toy numbers."))
        XCTAssertTrue(body.contains("**Table 3.** Every parameter"))
        XCTAssertTrue(body.contains("- Table 1: computed by stage `toy-section`"))
        let record = try XCTUnwrap(try EmbeddedProvenance.record(path: harness.root + "/paper/paper.md"))
        XCTAssertEqual(record.inputs.first { $0.path == "paper/sections/toy.json" }?.stage, "toy-section")
        let html = try harness.read("paper/paper.html")
        XCTAssertEqual(html.components(separatedBy: "src=\"data:image/svg+xml;base64,").count - 1, 1)
    }
}
