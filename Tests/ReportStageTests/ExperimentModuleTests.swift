import Foundation
import PaperStage
import Provenance
import ReportKit
import StageKit
import XCTest

/// A new experiment is "add a folder": the throw-away ``Toy`` experiment (ToyExperiment.swift,
/// nothing but its conformance to ``Experiment``) runs its three tasks through the generic
/// ``ExperimentStage`` and `build-paper` assembles its section beside another; and the real
/// experiments are named, outside their own folders, only by the three registration files.
final class ExperimentModuleTests: XCTestCase {
    static let aggregate = "data/toy/aggregate.h5"
    static let figure = "figures/toy-line.svg"
    static let template = "paper/sections/toy.md"
    static let bundle = "paper/sections/toy.json"

    /// Runs `toy-aggregate`, `toy-figures` and `toy-section` in `harness` and returns the bundle.
    func runToyTasks(_ harness: StageHarness) throws -> SectionBundle {
        try "## Toy\n\nThe slope is {{toy.slope}} ({{figref:toy.line}}, {{tableref:toy.numbers}}, {{tableref:other.table}}).\n\n{{figure:toy.line}}\n\n{{table:toy.numbers}}\n"
            .write(toFile: try harness.path(Self.template), atomically: true, encoding: .utf8)
        let run = { (task: String, parameters: [String: JSONValue], inputs: [String], outputs: [String]) in
            try harness.run(
                try harness.context(
                    stage: "toy-\(task)", executable: "toy", parameters: .object(parameters.merging(["task": .string(task)]) { $1 }),
                    inputs: inputs, outputs: outputs),
                ExperimentStage<Toy>.run)
        }
        try run("aggregate", ["points": .array([.double(1), .double(0.5), .double(0), .double(-0.5)])], [], [Self.aggregate])
        try run("figures", [:], [Self.aggregate], [Self.figure])
        try run("section", ["sourceValues": .object([:])], [Self.template, Self.aggregate, Self.figure], [Self.bundle])
        return try SectionBundle.read(path: harness.root + "/" + Self.bundle, declaredPath: Self.bundle)
    }

    func testAToyExperimentRunsItsThreeTasksAndBuildPaperAssemblesIt() throws {
        let harness = StageHarness("toy-experiment")
        let toy = try runToyTasks(harness)
        XCTAssertEqual(try ToyResults.read(path: harness.root + "/" + Self.aggregate).points, [1, 0.5, 0, -0.5])
        let svg = try harness.read(Self.figure)
        XCTAssertEqual(try FigureDocument.caption(inSVG: svg, path: Self.figure), "A falling line, drawn from 4 points.")
        XCTAssertEqual(FigureDocument.facts(inSVG: svg)["line-width"], "2.0", "the figures task's default reaches the drawing")
        XCTAssertEqual(toy.section, "toy")
        XCTAssertEqual(toy.figures, ["toy.line": Self.figure])
        XCTAssertEqual(toy.verdicts, ["toy.claim1": "reproduced"])
        XCTAssertEqual(toy.tables["toy.numbers"]?.computedBy, "toy-section")
        XCTAssertEqual(toy.provenance?["stage"], .string("toy-section"))

        let table = PaperTable(caption: "Other numbers.", table: MarkdownTable(header: ["a"], rows: [["1"]]), sources: [])
        try SectionBundle(section: "other", markdown: "## Other\n\n{{table:other.table}}\n", tables: ["other.table": table], figures: [:], verdicts: [:], provenance: nil)
            .encoded().write(to: URL(fileURLWithPath: try harness.path("paper/sections/other.json")))
        try "# {{title}}\n\n{{section:toy}}\n\n{{section:other}}\n\n## Parameters\n\n{{table:methods.parameters}}\n\n{{appendix.provenance}}\n"
            .write(toFile: try harness.path("paper/template.md"), atomically: true, encoding: .utf8)
        let context = try harness.context(
            stage: "build-paper", executable: "build-paper", parameters: .object(["title": .string("Toy"), "repository": .string("toy")]),
            inputs: ["paper/template.md", Self.bundle, "paper/sections/other.json", Self.figure], outputs: ["paper/paper.md", "paper/paper.html"])
        try harness.run(context, BuildPaper.run)
        let paper = try harness.read("paper/paper.md")
        let body = String(paper.drop { $0 != "\n" })
        XCTAssertFalse(body.contains("{{") || body.contains("}}"), "unfilled placeholder")
        XCTAssertTrue(body.contains("The slope is −0.5000 ([Figure 1](#fig-toy.line), [Table 1](#tab-toy.numbers), [Table 2](#tab-other.table))."), body)
        XCTAssertTrue(body.contains("<a id=\"fig-toy.line\"></a>\n\n![Figure 1](../figures/toy-line.svg)\n\n**Figure 1.** A falling line, drawn from 4 points."))
        XCTAssertTrue(body.contains("**Table 1.** Toy numbers."))
        XCTAssertTrue(body.contains("**Table 2.** Other numbers."))
        XCTAssertTrue(body.contains("- [Table 1](#tab-toy.numbers): computed by stage `toy-section`"), "linked within the body")
        let record = try XCTUnwrap(try EmbeddedProvenance.record(path: harness.root + "/paper/paper.md"))
        XCTAssertEqual(record.inputs.first { $0.path == Self.bundle }?.stage, "toy-section")
        let html = try harness.read("paper/paper.html")
        XCTAssertEqual(html.components(separatedBy: "src=\"data:image/svg+xml;base64,").count - 1, 1)
        // The caption's computed number links to its dataset in the file the figure was drawn from.
        let aggregateHash = try XCTUnwrap(FigureDocument.sourcedCaption(inSVG: svg, path: Self.figure, keyPrefix: "").sources.values.first?.sha256)
        XCTAssertEqual(aggregateHash, try ContentHash.sha256(fileAt: harness.root + "/" + Self.aggregate))
        let caption = try XCTUnwrap(html.range(of: "A falling line, drawn from "))
        let after = html[caption.upperBound...].prefix(400)
        XCTAssertTrue(after.hasPrefix("<span class=\"value computed\""), String(after))
        XCTAssertTrue(after.contains("data-file=\"\(Self.aggregate)\""), String(after))
        XCTAssertTrue(after.contains("data-part=\"/line/points\""), String(after))
    }

    /// The executable's declaration comes from ``Toy/parameters``: one variant of `task` per
    /// task, defaults filled in, unknown keys and tasks refused before anything runs.
    func testTheToysParametersAreDeclaredPerTask() throws {
        let schema = ExperimentStage<Toy>.schema
        let resolved = try schema.resolve(.object(["task": .string("figures")]), path: "stages.toy-figures.parameters", executable: "toy")
        XCTAssertEqual(resolved["lineWidth"], .double(2))
        XCTAssertThrowsError(try schema.resolve(
            .object(["task": .string("figures"), "points": .array([])]), path: "stages.toy-figures.parameters", executable: "toy")) {
            XCTAssertTrue("\($0)".contains("stages.toy-figures.parameters.points"), "\($0)")
        }
        XCTAssertThrowsError(try schema.resolve(.object(["task": .string("plot")]), path: "stages.toy-plot.parameters", executable: "toy"))
    }

    /// The files outside an experiment's own folders that name it: its module and
    /// executable (`<Name>Experiment`, `<Name>CLI`, the product), its stages' executable and
    /// its section. For each experiment that no shared test uses as a fixture (Mittra is
    /// the report tests' fixture) they are exactly the three registration files.
    func testAnExperimentIsRegisteredInThreeSharedFilesOnly() throws {
        for (name, folder) in [("jimenez", "Jimenez"), ("leimkuhler", "Leimkuhler")] {
            let own = ["Sources/Experiments/\(folder)/", "Sources/Executables/\(folder)CLI/", "Tests/\(folder)ExperimentTests/"]
            let marks = [
                "\(folder)Experiment", "\(folder)CLI", "{{section:\(name)}}", "\"executable\": \"\(name)\"", ".executable(name: \"\(name)\"",
            ]
            let touched = try Self.sharedFiles().filter { path in
                guard !own.contains(where: path.hasPrefix) else { return false }
                let text = try String(contentsOfFile: ReportFixture.repositoryPath(path), encoding: .utf8)
                return marks.contains(where: text.contains)
            }
            XCTAssertEqual(touched, ["Package.swift", "paper/template.md", "pipeline.json"], name)
        }
    }

    /// The files a build or a pipeline run reads: the manifest, pipeline.json, the paper's
    /// frame, the Makefile and scripts, and every Swift file of Sources/ and Tests/ (relative, sorted).
    static func sharedFiles() throws -> [String] {
        var files = ["Makefile", "Package.swift", "paper/template.md", "pipeline.json"]
        for directory in ["Sources", "Tests", "scripts"] {
            let root = ReportFixture.repositoryPath(directory)
            guard let walk = FileManager.default.enumerator(atPath: root) else { continue }
            for case let relative as String in walk where directory == "scripts" || relative.hasSuffix(".swift") {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(directory + "/" + relative)
                }
            }
        }
        return files.sorted()
    }
}
