import Foundation
@testable import MittraExperiment
@testable import ReportKit
import XCTest

/// The template machinery of ReportKit: placeholder syntax, section inclusion, the two
/// assembly steps (section filling keeps the numbering placeholders; the assembler numbers
/// them), and the small pieces of the paper's output.
final class TemplateTests: XCTestCase {
    func testSplitsTextAndPlaceholders() throws {
        let template = try PaperTemplate(text: "a {{x.y}} b\n{{table:t}}\n", source: "t.md")
        XCTAssertEqual(template.segments, [
            .text("a "), .placeholder(name: "x.y", source: "t.md", line: 1), .text(" b\n"),
            .placeholder(name: "table:t", source: "t.md", line: 2), .text("\n"),
        ])
        XCTAssertFalse(template.isAlone(at: 1))
        XCTAssertTrue(template.isAlone(at: 3))
    }

    func testUnclosedAndMalformedPlaceholdersNameTheLine() {
        XCTAssertThrowsError(try PaperTemplate(text: "ok\nbad {{x\n", source: "t.md")) { error in
            XCTAssertEqual(error as? TemplateError, .unclosedPlaceholder(source: "t.md", line: 2))
        }
        XCTAssertThrowsError(try PaperTemplate(text: "{{a b}}", source: "t.md")) { error in
            XCTAssertEqual(error as? TemplateError, .malformedPlaceholder(source: "t.md", line: 1, text: "{{a b}}"))
        }
    }

    func testBlocksMustStandAloneAndTablesAreNumberedInOrder() throws {
        var content = PaperContent()
        let table = PaperTable(caption: "c", table: MarkdownTable(header: ["h"], rows: [["v"]]), sources: [])
        content.tables = ["one": table, "two": table]
        let filled = try PaperAssembler.fill(
            try PaperTemplate(text: "see {{tableref:one}}\n{{table:two}}\n{{table:one}}\n", source: "t.md"), content)
        XCTAssertEqual(filled.numbering.tables, ["two", "one"])
        XCTAssertTrue(filled.markdown.hasPrefix(
            "see [Table 2](#tab-one)\n<a id=\"tab-two\"></a>\n\n**Table 1.** c\n\n| h |\n| --- |\n| v |\n<a id=\"tab-one\"></a>\n\n**Table 2.**"),
            filled.markdown)
        XCTAssertThrowsError(try PaperAssembler.fill(try PaperTemplate(text: "x {{table:one}}", source: "t.md"), content)) { error in
            XCTAssertEqual(error as? TemplateError, .blockNotAlone(source: "t.md", line: 1, name: "table:one"))
        }
        XCTAssertThrowsError(try PaperAssembler.fill(try PaperTemplate(text: "{{tableref:one}}", source: "t.md"), content)) { error in
            XCTAssertEqual(error as? TemplateError, .referenceToUnplaced(source: "t.md", line: 1, name: "tableref:one"))
        }
    }

    /// Sections are spliced in place; their placeholders keep their own file and line, and
    /// numbering runs across frame and sections.
    func testSectionsAreIncludedAndNumberedAcross() throws {
        let frame = try PaperTemplate(text: "{{table:f}}\n\n{{section:s}}\n", source: "frame.md")
        let section = try PaperTemplate(text: "{{tableref:f}}\n{{table:s.t}}\n{{bad}}\n", source: "s.json")
        let combined = try frame.including(["s": section])
        XCTAssertEqual(combined.placeholders.map(\.source), ["frame.md", "s.json", "s.json", "s.json"])
        var content = PaperContent()
        let table = PaperTable(caption: "c", table: MarkdownTable(header: ["h"], rows: []), sources: [])
        content.tables = ["f": table, "s.t": table]
        XCTAssertThrowsError(try PaperAssembler.fill(combined, content)) { error in
            guard case .unknownPlaceholder(let source, let line, let name, _)? = error as? TemplateError else { return XCTFail("\(error)") }
            XCTAssertEqual([source, String(line), name], ["s.json", "3", "bad"])
        }
        let ok = try frame.including(["s": try PaperTemplate(text: "{{tableref:f}}\n{{table:s.t}}\n", source: "s.json")])
        XCTAssertEqual(try PaperAssembler.fill(ok, content).numbering.tables, ["f", "s.t"])
        XCTAssertThrowsError(try frame.including([:])) { error in
            XCTAssertEqual(error as? TemplateError, .unknownSection(source: "frame.md", line: 3, name: "s", available: []))
        }
        XCTAssertThrowsError(try frame.including(["s": section, "other": section])) { error in
            XCTAssertEqual(error as? TemplateError, .sectionNotIncluded(source: "frame.md", name: "other"))
        }
    }

    /// The section step fills values and keeps numbering placeholders for build-paper;
    /// a block the section does not provide is an error.
    func testSectionFillerKeepsNumberingPlaceholders() throws {
        let template = try PaperTemplate(text: "x = {{x}}; {{figref:s.f}}, {{tableref:validation}}\n{{figure:s.f}}\n", source: "s.md")
        XCTAssertEqual(
            try SectionFiller.fill(template, values: ["x": "1"], blocks: ["s.f"]),
            "x = 1; {{figref:s.f}}, {{tableref:validation}}\n{{figure:s.f}}\n")
        XCTAssertThrowsError(try SectionFiller.fill(template, values: ["x": "1"], blocks: [])) { error in
            guard case .unknownPlaceholder(_, 2, "figure:s.f", _)? = error as? TemplateError else { return XCTFail("\(error)") }
        }
    }

    func testMarkdownTableEscapesPipes() {
        XCTAssertEqual(MarkdownTable(header: ["a|b"], rows: [["c\nd"]]).markdown, "| a\\|b |\n| --- |\n| c d |\n")
    }

    func testRelativeLinks() {
        XCTAssertEqual(RelativePath.from(directoryOf: "paper/paper.md", to: "figures/x.svg"), "../figures/x.svg")
        XCTAssertEqual(RelativePath.from(directoryOf: "paper.md", to: "figures/x.svg"), "figures/x.svg")
        XCTAssertEqual(RelativePath.from(directoryOf: "out/paper/p.md", to: "out/figures/x.svg"), "../figures/x.svg")
    }

    func testProvenanceCommentCannotEndEarly() throws {
        let comment = ProvenanceComment.text("{\"a\":\"x-->y\"}")
        XCTAssertEqual(comment, "<!-- provenance {\"a\":\"x--\\u003ey\"} -->")
    }

    func testRanksAndSpearman() {
        XCTAssertEqual(RankOrder.ranks([3, 1, 2, 1]), [4, 1.5, 3, 1.5])
        XCTAssertEqual(RankOrder.spearman([1, 2, 3], [0.3, 0.2, 0.1]), -1, accuracy: 1e-15)
        XCTAssertTrue(RankOrder.spearman([1, 1], [1, 2]).isNaN)
    }
}
