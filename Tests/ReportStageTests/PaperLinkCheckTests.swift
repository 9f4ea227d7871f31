import Foundation
import PaperCheck
import Provenance
import ReportKit
import XCTest

/// `pipeline check-paper` on a paper built from the fixture's files (issue 21, item 4):
/// every link of the built paper resolves, and each kind of broken link is reported with
/// its line.
final class PaperLinkCheckTests: XCTestCase {
    /// Runs `body` on the fixture's paper, the checker over its files, and its HTML, while
    /// the fixture's directory exists.
    func withBuiltPaper(_ body: (ReportFixture, PaperLinkChecker, String) throws -> Void) throws {
        let fixture = try ReportFixture()
        try withExtendedLifetime(fixture) {
            let (checker, html) = try builtPaper(fixture)
            try body(fixture, checker, html)
        }
    }

    /// The checker over `fixture`'s files and the repository's pipeline.json, and the built
    /// paper.html followed by supplement.html (the validation table and the sections'
    /// reference-detail tables and figures sit in the supplement).
    func builtPaper(_ fixture: ReportFixture) throws -> (checker: PaperLinkChecker, html: String) {
        try fixture.buildPaper()
        let checker = try PaperLinkChecker(root: fixture.harness.root, specPath: ReportFixture.repositoryPath("pipeline.json"))
        return (checker, try fixture.harness.read("paper/paper.html") + "\n" + fixture.harness.read("paper/supplement.html"))
    }

    /// The supplement's links resolve too, among them the Mittra tables' cells, each naming
    /// its dataset and element in aggregate.h5 (issue 21, item 4).
    func testEveryLinkOfTheSupplementResolvesAndTableCellsNameTheirElements() throws {
        try withBuiltPaper { fixture, checker, html in
            let supplement = try fixture.harness.read("paper/supplement.html")
            let report = checker.check(html: supplement)
            XCTAssertEqual(report.problems, [], report.problems.map(\.description).joined(separator: "\n"))
            for part in ["/activation_ranking/mean", "/initial_weights/pearson", "/learning_rate_sweep/agreement"] {
                XCTAssertTrue(supplement.contains("data-part=\"\(part)\" data-index=\"["), "cells of \(part) link to elements")
            }
            XCTAssertTrue(html.contains("data-part=\"/activation_ranking/final_loss_mean\" data-index=\"["), "Table 1's losses link to elements")
        }
    }

    func testEveryLinkOfTheBuiltPaperResolves() throws {
        try withBuiltPaper { _, checker, html in
            let report = checker.check(html: html)
            XCTAssertEqual(report.problems, [], report.problems.map(\.description).joined(separator: "\n"))
            XCTAssertGreaterThan(report.values, 50)
            XCTAssertGreaterThan(report.files, 0, "figures link their data files")
            XCTAssertGreaterThan(report.internalLinks, 10)
        }
    }

    /// Links from the paper into the supplement (`supplement.html#…`) resolve against the
    /// supplement next to it; a link to an id the supplement lacks, or to a missing document,
    /// is a dangling link. Without the document's directory such links are not checked.
    func testLinksIntoTheSupplementResolve() throws {
        try withBuiltPaper { fixture, checker, _ in
            let directory = fixture.harness.root + "/paper"
            let paper = try fixture.harness.read("paper/paper.html")
            let report = checker.check(html: paper, directory: directory)
            XCTAssertEqual(report.problems, [], report.problems.map(\.description).joined(separator: "\n"))
            let crossLinks = paper.components(separatedBy: "href=\"supplement.html#").count - 1
            XCTAssertGreaterThan(crossLinks, 0)
            XCTAssertEqual(report.internalLinks, checker.check(html: paper).internalLinks + crossLinks)

            let wrongID = paper.replacingOccurrences(of: "href=\"supplement.html#tab-validation\"", with: "href=\"supplement.html#tab-nowhere\"")
            let problems = checker.check(html: wrongID, directory: directory).problems
            XCTAssertFalse(problems.isEmpty)
            XCTAssertTrue(problems.allSatisfy { $0.kind == .danglingHref && $0.description.contains("tab-nowhere") }, "\(problems)")

            let wrongDocument = paper.replacingOccurrences(of: "href=\"supplement.html#", with: "href=\"appendix.html#")
            let missing = checker.check(html: wrongDocument, directory: directory).problems
            XCTAssertEqual(missing.count, crossLinks)
            XCTAssertTrue(missing.allSatisfy { $0.description.contains("appendix.html does not exist") }, "\(missing.first.map(\.description) ?? "")")
        }
    }

    func testFigureAndTableReferencesLinkToTheirIds() throws {
        try withBuiltPaper { _, _, html in
            XCTAssertTrue(html.contains("<a id=\"tab-validation\"></a>"))
            XCTAssertTrue(html.contains("<a href=\"supplement.html#tab-validation\">Table "), "the frame's {{tableref:validation}} is a link")
            let figureIds = html.components(separatedBy: "<a id=\"fig-mittra.").count - 1
            XCTAssertEqual(figureIds, html.components(separatedBy: "src=\"data:image/svg+xml").count - 1)
            XCTAssertTrue(html.contains("href=\"#fig-mittra."))
            XCTAssertTrue(html.contains("regenerate: <code>.build/release/pipeline run --stage mittra-figures</code>"))
        }
    }

    func testValidationTableNumbersLinkToTheirElements() throws {
        try withBuiltPaper { fixture, _, html in
            let hash = try ContentHash.sha256(fileAt: fixture.harness.root + "/" + ReportFixture.validation)
            XCTAssertTrue(html.contains(
                "<span class=\"value computed\" tabindex=\"0\" data-file=\"data/validation.h5\" data-part=\"/validation/estimate\" "
                    + "data-index=\"[1]\" data-sha256=\"\(hash)\">"))
            XCTAssertTrue(html.contains("<span class=\"source\" role=\"tooltip\">computed from <code>data/validation.h5</code>"))
            XCTAssertFalse(html.contains(" title=\"computed from"), "no hover-only titles")
            let markdown = try fixture.harness.read("paper/paper.md")
            XCTAssertFalse(markdown.contains("\u{E000}") || markdown.contains("class=\"value"), "paper.md carries no value markup")
        }
    }

    /// Replaces the first `old` by `new` in `html`, failing when `old` is absent.
    func replacingFirst(_ old: String, with new: String, in html: String) throws -> String {
        let range = try XCTUnwrap(html.range(of: old), "the built paper has no \(old)")
        return html.replacingCharacters(in: range, with: new)
    }

    /// The kinds of problem the checker finds in `html`.
    func kinds(_ checker: PaperLinkChecker, _ html: String) -> [PaperLinkProblem.Kind] {
        checker.check(html: html).problems.map(\.kind)
    }

    func testMissingDatasetWrongHashAndIndexOutOfRangeAreReported() throws {
        try withBuiltPaper { _, checker, html in
            let part = "data-part=\"/validation/estimate\" data-index=\"[1]\""
            XCTAssertEqual(kinds(checker, try replacingFirst(part, with: "data-part=\"/validation/estimates\" data-index=\"[1]\"", in: html)), [.missingObject])
            XCTAssertEqual(kinds(checker, try replacingFirst(part, with: "data-part=\"/validation/estimate\" data-index=\"[100000]\"", in: html)), [.indexOutOfRange])
            XCTAssertEqual(kinds(checker, try replacingFirst(part, with: "data-part=\"/validation\" data-index=\"[1]\"", in: html)), [.indexOutOfRange])
            let hashed = try XCTUnwrap(html.range(of: "data-sha256=\"")).upperBound
            let wrongHash = html.replacingCharacters(in: hashed..<html.index(hashed, offsetBy: 64), with: String(repeating: "0", count: 64))
            XCTAssertEqual(kinds(checker, wrongHash), [.hashMismatch])
            let missingFile = try replacingFirst("data-file=\"data/validation.h5\"", with: "data-file=\"data/validation-old.h5\"", in: html)
            XCTAssertEqual(kinds(checker, missingFile), [.missingFile])
        }
    }

    func testBadPointerMissingKeyQuotedComputedAndDanglingHrefAreReported() throws {
        try withBuiltPaper { fixture, checker, html in
            let record = "data/bench.json"
            try #"{"machine": {"cpu": "x", "cores": [1, 2]}}"#.write(toFile: try fixture.harness.path(record), atomically: true, encoding: .utf8)
            let hash = try ContentHash.sha256(fileAt: fixture.harness.root + "/" + record)
            func withElement(_ element: String) throws -> String { try replacingFirst("</main>", with: element + "\n</main>", in: html) }
            let pointer = { (part: String) in "<span class=\"value computed\" data-file=\"\(record)\" data-part=\"\(part)\" data-sha256=\"\(hash)\">1</span>" }
            XCTAssertEqual(kinds(checker, try withElement(pointer("/machine/cores/1"))), [])
            XCTAssertEqual(kinds(checker, try withElement(pointer("/machine/cores/2"))), [.badPointer])
            XCTAssertEqual(kinds(checker, try withElement(pointer("machine.cpu"))), [.badPointer])
            let quoted = { (file: String, part: String) in "<span class=\"value quoted\" data-file=\"\(file)\" data-part=\"\(part)\">1</span>" }
            XCTAssertEqual(kinds(checker, try withElement(quoted("pipeline.json", "stages.mittra-section.parameters.sourceValues.fig5Code.r"))), [])
            XCTAssertEqual(kinds(checker, try withElement(quoted("pipeline.json", "stages.mittra-section.parameters.sourceValues.fig5Code.q"))), [.missingKey])
            XCTAssertEqual(kinds(checker, try withElement(quoted(ReportFixture.aggregate, "/learning_rate_sweep"))), [.computedStyledAsQuoted])
            XCTAssertEqual(kinds(checker, try withElement("<a href=\"#fig-nowhere\">Figure 9</a>")), [.danglingHref])
            let problem = try XCTUnwrap(checker.check(html: try withElement("<a href=\"#fig-nowhere\">Figure 9</a>")).problems.first)
            XCTAssertEqual(problem.line, html.components(separatedBy: "\n").firstIndex { $0.contains("</main>") }.map { $0 + 1 })
        }
    }

    func testCheckingAFileThrowsAnErrorListingEachBrokenLink() throws {
        try withBuiltPaper { fixture, checker, html in
            let broken = try replacingFirst("</main>", with: "<a href=\"#a\">1</a><a href=\"#b\">2</a>\n</main>", in: html)
            let path = try fixture.harness.path("paper/broken.html")
            try broken.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try checker.check(paperAt: path)) { error in
                let error = error as? PaperCheckError
                XCTAssertEqual(error.map { $0.problems.count }, 2)
                XCTAssertTrue(error?.description.contains("dangling link: no element has id \"b\"") ?? false, "\(String(describing: error))")
            }
        }
    }

    func testJSONLookupFollowsPointersAndProfileOverrides() throws {
        let document: JSONValue = .object(["a/b": .object(["~k": .int(1)]), "list": .array([.int(4)])])
        XCTAssertEqual(JSONLookup.member(document, pointer: "/a~1b/~0k"), .int(1))
        XCTAssertEqual(JSONLookup.member(document, pointer: "/list/0"), .int(4))
        XCTAssertNil(JSONLookup.member(document, pointer: "/list/1"))
        let spec: JSONValue = .object([
            "stages": .object(["s": .object(["parameters": .object([:]), "profileParameters": .object(["smoke": .object(["n": .int(2)])])])])
        ])
        XCTAssertTrue(JSONLookup.specHasKey(spec, dottedPath: "stages.s.parameters.n"))
        XCTAssertFalse(JSONLookup.specHasKey(spec, dottedPath: "stages.s.parameters.m"))
    }
}
