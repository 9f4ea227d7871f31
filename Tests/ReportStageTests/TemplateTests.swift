import Foundation
@testable import PaperStage
import XCTest

/// The placeholder syntax of paper/template.md.
final class TemplateTests: XCTestCase {
    func testSplitsTextAndPlaceholders() throws {
        let template = try PaperTemplate(text: "a {{x.y}} b\n{{table:t}}\n", source: "t.md")
        XCTAssertEqual(template.segments, [.text("a "), .placeholder(name: "x.y", line: 1), .text(" b\n"), .placeholder(name: "table:t", line: 2), .text("\n")])
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
        XCTAssertTrue(filled.markdown.hasPrefix("see Table 2\n**Table 1.** c\n\n| h |\n| --- |\n| v |\n**Table 2.**"))
        XCTAssertThrowsError(try PaperAssembler.fill(try PaperTemplate(text: "x {{table:one}}", source: "t.md"), content)) { error in
            XCTAssertEqual(error as? TemplateError, .blockNotAlone(source: "t.md", line: 1, name: "table:one"))
        }
        XCTAssertThrowsError(try PaperAssembler.fill(try PaperTemplate(text: "{{tableref:one}}", source: "t.md"), content)) { error in
            XCTAssertEqual(error as? TemplateError, .referenceToUnplaced(source: "t.md", line: 1, name: "tableref:one"))
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
