import Foundation
@testable import PaperStage
import Provenance
@testable import ReportKit
import XCTest

/// The paper's front and back and its supplement: the opening verdict table from section
/// bundles with and without claim rows, citations and the reference list, the table of
/// contents, numbering across paper and supplement, and the byte-stable PDF.
final class PaperFrontBackTests: XCTestCase {
    private static let table = PaperTable(caption: "c", table: MarkdownTable(header: ["h"], rows: [["v"]]), sources: [])

    private static func bundle(_ section: String, verdicts: [String: String], claims: [ClaimRow]?) -> SectionBundle {
        SectionBundle(
            section: section, markdown: "", tables: ["\(section).evidence": table], figures: [:], verdicts: verdicts,
            provenance: nil, claims: claims)
    }

    /// A bundle's claim rows are shown as given (the first rule's verdict beside an amended
    /// one, the evidence resolved to the table's number); a bundle without rows, or a
    /// verdict no row covers, still gets one row per verdict; the counts follow the rows.
    func testVerdictTableFromBundlesWithAndWithoutClaimRows() throws {
        let amended = ClaimRow(
            id: "a.claim1", source: "A (2024)", claim: "fast", regime: "source setting", verdict: "reproduced",
            firstRuleVerdict: "not reproduced", evidence: "tableref:a.evidence")
        let bundles = [
            Self.bundle("a", verdicts: ["a.claim1": "reproduced", "a.claim2": "not reproduced"], claims: [amended]),
            Self.bundle("b", verdicts: ["b.claim1": "partly reproduced"], claims: nil),
        ]
        let rows = ClaimTable.rows(bundles)
        XCTAssertEqual(rows.map(\.id), ["a.claim1", "a.claim2", "b.claim1"])
        XCTAssertEqual(rows[0], amended)
        XCTAssertEqual(rows[1].verdict, "not reproduced")
        XCTAssertEqual(rows[2].source, "b")
        XCTAssertTrue(rows[2].claim.contains("`b.claim1`"))

        var content = PaperContent()
        content.tables = [ClaimTable.name: ClaimTable.table(rows), "a.evidence": Self.table]
        let filled = try PaperAssembler.fill(try PaperTemplate(text: "{{table:claims}}\n\n{{table:a.evidence}}\n", source: "t.md"), content)
        let lines = filled.markdown.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("| A (2024) |") }, ["| A (2024) | fast | source setting | **reproduced** | not reproduced | [Table 2](#tab-a.evidence) |"])
        XCTAssertEqual(lines.filter { $0.hasPrefix("| b |") }.count, 1)
        XCTAssertTrue(lines.contains { $0.hasPrefix("| b |") && $0.hasSuffix("| **partly reproduced** | — | — |") })
        XCTAssertFalse(filled.markdown.contains("{{"))

        let values = ClaimTable.values(rows)
        XCTAssertEqual(values["claims.total"], "3")
        XCTAssertEqual(values["claims.reproduced"], "1")
        XCTAssertEqual(values["claims.summary"], "1 not reproduced, 1 partly reproduced and 1 reproduced")
        XCTAssertEqual(values["claims.by-source"], "A (2024): 1 reproduced; a: 1 not reproduced; b: 1 partly reproduced")
        XCTAssertEqual(ClaimTable.values([])["claims.summary"], "none")
    }

    /// Citations are numbered in order of first citation (in the body, then the
    /// supplement), link to the reference list's ids, and an unknown key is an error
    /// naming the file, the line and the keys that look alike.
    func testCitationsResolveAndUnknownKeyIsAnError() throws {
        var content = PaperContent()
        content.references = ReferenceList(references: [
            .init(key: "wolf1985", text: "Wolf."), .init(key: "kantz1994", text: "Kantz.", url: "https://example.org/k"),
            .init(key: "unused", text: "Never cited."),
        ])
        let body = try PaperTemplate(
            text: "K {{cite:kantz1994}}, W {{cite:wolf1985}}, K {{cite:kantz1994}}, both {{cite:wolf1985}}{{cite:kantz1994}}.\n\n{{references}}\n",
            source: "b.md")
        let supplement = try PaperTemplate(text: "W {{cite:wolf1985}}\n", source: "s.md")
        let filled = try PaperAssembler.fill(body: body, supplement: supplement, content)
        XCTAssertEqual(filled.numbering.citations, ["kantz1994", "wolf1985"])
        XCTAssertTrue(filled.body.hasPrefix(
            "K [[1](#ref-kantz1994)], W [[2](#ref-wolf1985)], K [[1](#ref-kantz1994)], both [[2](#ref-wolf1985), [1](#ref-kantz1994)]."))
        let html = HTMLDocument.make(title: "t", markdown: filled.body, figures: [:], provenanceComment: "")
        XCTAssertTrue(html.contains("both [<a href=\"#ref-wolf1985\">2</a>, <a href=\"#ref-kantz1994\">1</a>]."), "grouped citations as links")
        XCTAssertTrue(html.contains("<a id=\"ref-kantz1994\"></a>"), "the reference list's ids survive Markdown")
        XCTAssertTrue(filled.body.contains("- <a id=\"ref-kantz1994\"></a>[1] Kantz. [https://example.org/k](https://example.org/k)\n"))
        XCTAssertTrue(filled.body.contains("- <a id=\"ref-unused\"></a>[3] Never cited."))
        XCTAssertEqual(filled.supplement, "W [[2](paper.html#ref-wolf1985)]\n")

        let unknown = try PaperTemplate(text: "ok\nsee {{cite:wolf1986}}\n", source: "b.md")
        XCTAssertThrowsError(try PaperAssembler.fill(unknown, content)) { error in
            XCTAssertEqual(error as? TemplateError, .unknownCitation(source: "b.md", line: 2, key: "wolf1986", similar: ["wolf1985"]))
            XCTAssertTrue(String(describing: error).contains("paper/references.json"), "\(error)")
        }
    }

    /// The repository's reference list reads, and every key the frame cites is in it.
    func testRepositoryReferenceListHoldsEveryCitedKey() throws {
        let list = try ReferenceList.read(
            path: ReportFixture.repositoryPath(ReportFixture.references), declaredPath: ReportFixture.references)
        let frame = try PaperTemplate(
            text: try String(contentsOfFile: ReportFixture.repositoryPath(ReportFixture.frame), encoding: .utf8), source: ReportFixture.frame)
        let cited = frame.placeholders.compactMap { $0.name.dropPrefix(PaperContent.citePrefix) }
        XCTAssertFalse(cited.isEmpty)
        for key in cited { XCTAssertNotNil(list.reference(key), "\(key) is cited but not listed") }
        for reference in list.references { XCTAssertTrue(cited.contains(reference.key), "\(reference.key) is listed but never cited") }
    }

    /// The supplement's tables and figures are numbered S1, S2, … on their own, the body
    /// refers to them by those labels, and a table placed in both documents is an error.
    func testSupplementNumberingAndEachTablePlacedOnce() throws {
        var content = PaperContent()
        content.tables = ["a": Self.table, "b": Self.table, "c": Self.table]
        let body = try PaperTemplate(text: "see {{tableref:c}}\n{{table:a}}\n", source: "b.md")
        let supplement = try PaperTemplate(text: "{{table:b}}\n{{table:c}}\nand {{tableref:a}}\n", source: "s.md")
        let filled = try PaperAssembler.fill(body: body, supplement: supplement, content)
        XCTAssertEqual(filled.numbering.tables, ["a"])
        XCTAssertEqual(filled.numbering.supplementTables, ["b", "c"])
        // References link to the anchor, in the other document when the target is there.
        XCTAssertTrue(filled.body.hasPrefix("see [Table S2](supplement.html#tab-c)\n<a id=\"tab-a\"></a>\n\n**Table 1.** c"), filled.body)
        XCTAssertTrue(filled.supplement?.hasPrefix("<a id=\"tab-b\"></a>\n\n**Table S1.** c") ?? false, filled.supplement ?? "")
        XCTAssertTrue(filled.supplement?.contains("and [Table 1](paper.html#tab-a)\n") ?? false, filled.supplement ?? "")

        let twice = try PaperTemplate(text: "{{table:a}}\n", source: "s.md")
        XCTAssertThrowsError(try PaperAssembler.fill(body: body, supplement: twice, content)) { error in
            XCTAssertEqual(error as? TemplateError, .placedTwice(source: "s.md", line: 1, name: "table:a"))
        }
    }

    /// A figure and a table may share a name; each reference links to its own kind's
    /// document (the body's figure, the supplement's table), not to whichever is in the
    /// supplement.
    func testFigureAndTableOfOneNameLinkToTheirOwnDocuments() throws {
        var content = PaperContent()
        content.tables = ["x": Self.table]
        content.figures["x"] = PaperFigure(name: "x", declaredPath: "figures/x.svg", sha256: "", svg: "", record: nil, caption: "A figure.")
        content.figureLinks["x"] = "../figures/x.svg"
        let body = try PaperTemplate(text: "{{figref:x}} and {{tableref:x}}\n\n{{figure:x}}\n", source: "b.md")
        let supplement = try PaperTemplate(text: "{{table:x}}\n\n{{figref:x}}\n", source: "s.md")
        let filled = try PaperAssembler.fill(body: body, supplement: supplement, content)
        XCTAssertTrue(filled.body.hasPrefix("[Figure 1](#fig-x) and [Table S1](supplement.html#tab-x)"), filled.body)
        XCTAssertTrue(filled.supplement?.contains("[Figure 1](paper.html#fig-x)") ?? false, filled.supplement ?? "")
    }

    /// The table of contents lists the level-2 and level-3 headings after it, and each of
    /// its links lands on an id that paper.html gives the heading (repeated headings too).
    func testContentsLinkToHeadingIDs() throws {
        let text = "# Title\n\n## Contents\n\n{{contents}}\n\n## Introduction\n\n### Methods\n\n```\n## not a heading\n```\n\n## Mittra (2024): E1–E3\n\n### Methods\n"
        let filled = try PaperAssembler.fill(try PaperTemplate(text: text, source: "b.md"), PaperContent())
        let entries = filled.markdown.split(separator: "\n").filter { $0.contains("](#sec-") }
        XCTAssertEqual(entries, [
            "- [Introduction](#sec-introduction)", "  - [Methods](#sec-methods)",
            "- [Mittra (2024): E1–E3](#sec-mittra-2024-e1-e3)", "  - [Methods](#sec-methods-2)",
        ])
        let html = HTMLDocument.make(title: "t", markdown: filled.markdown, figures: [:], provenanceComment: "")
        for entry in entries {
            let id = entry.split(separator: "#").last!.dropLast()
            XCTAssertEqual(html.components(separatedBy: "id=\"\(id)\"").count - 1, 1, "\(id) in paper.html")
        }
        XCTAssertTrue(html.contains("<h2 id=\"sec-contents\">Contents</h2>"))
        // paper.md carries the same ids as anchors before its headings, for a Markdown viewer
        // (none inside fenced code).
        let markdown = HeadingAnchors.anchoringHeadings(filled.markdown)
        for entry in entries {
            let id = entry.split(separator: "#").last!.dropLast()
            XCTAssertEqual(markdown.components(separatedBy: "<a id=\"\(id)\"></a>\n\n#").count - 1, 1, "\(id) in paper.md")
        }
        XCTAssertEqual(markdown.components(separatedBy: "<a id=").count - 1, 6, "title, contents and four headings; not the fenced line")
        XCTAssertTrue(html.contains("@page"), "the print style sheet")
    }

    /// The paper names the repository and the commit `pipeline.lock` records for the
    /// stages that wrote its inputs, saying so when the work tree was dirty; without a
    /// lock it says that no commit is recorded.
    func testRepositoryAndCommitFromTheLock() throws {
        let fixture = try ReportFixture()
        let unrecorded = try fixture.buildPaper()
        XCTAssertTrue(unrecorded.contains("ChaosPipeline (test)"))
        XCTAssertTrue(unrecorded.contains("written at an unrecorded commit (no `pipeline.lock` beside the inputs)"))
        var lock = Manifest(profile: "test")
        func record(_ commit: String, dirty: Bool) -> StageRecord {
            StageRecord(
                executable: "x", parameters: .object([:]), seeds: [:], inputs: [:], outputs: [:],
                code: CodeIdentity(sha256: "0", targets: [], fileCount: 0), git: GitState(commit: commit, dirty: dirty), environment: [:])
        }
        lock.stages["mittra-section"] = record("c0ffee", dirty: false)
        lock.stages["mittra-figures"] = record("beef42", dirty: true)
        lock.stages["unrelated"] = record("dead00", dirty: false)
        try lock.save(to: fixture.harness.root + "/pipeline.lock")
        let recorded = try fixture.buildPaper()
        XCTAssertTrue(recorded.contains("written at commits `beef42` and `c0ffee` (with uncommitted changes in the work tree)"), "commit line")
        XCTAssertFalse(recorded.contains("dead00"), "a stage that wrote no input")
    }

    /// build-paper writes the PDFs of paper and supplement, and two runs give the same bytes.
    func testPDFsAreByteStable() throws {
        do { _ = try PDFTypesetter.executable() } catch {
            throw XCTSkip("weasyprint is not installed (apt-get install weasyprint; `make test` installs it): \(error)")
        }
        let fixture = try ReportFixture()
        let outputs = ReportFixture.paperOutputs + ["paper/paper.pdf", "paper/supplement.pdf"]
        try fixture.buildPaper(outputs: outputs)
        let pdfs = ["paper/paper.pdf", "paper/supplement.pdf"]
        let first = try pdfs.map { try XCTUnwrap(FileManager.default.contents(atPath: fixture.harness.root + "/" + $0), $0) }
        for pdf in first { XCTAssertTrue(pdf.starts(with: Data("%PDF-".utf8))) }
        // A second project in another directory: the PDF must not depend on where it lies
        // (weasyprint would otherwise write absolute file:// links).
        let elsewhere = try ReportFixture()
        XCTAssertNotEqual(elsewhere.harness.root, fixture.harness.root)
        try elsewhere.buildPaper(outputs: outputs)
        let second = try pdfs.map { try XCTUnwrap(FileManager.default.contents(atPath: elsewhere.harness.root + "/" + $0), $0) }
        XCTAssertEqual(first, second, "the PDFs differ between two runs on the same inputs in two directories")
    }

    /// A section's table that neither document places is an error naming it (so a table
    /// moved out of a section cannot silently vanish).
    func testSectionTablePlacedNowhereIsAnError() throws {
        let fixture = try ReportFixture()
        var bundle = try fixture.buildSection()
        bundle.tables["mittra.extra"] = Self.table
        try bundle.encoded().write(to: URL(fileURLWithPath: fixture.harness.root + "/" + ReportFixture.bundle))
        try fixture.install(nil, at: ReportFixture.frame, repositoryFile: ReportFixture.frame)
        XCTAssertThrowsError(try BuildPaper.run(try fixture.paperContext())) { error in
            XCTAssertEqual(error as? PaperError, .tableNotPlaced(section: "mittra", name: "mittra.extra"), "\(error)")
        }
    }

    /// A PDF output without its document's HTML output is refused before anything is written.
    func testPDFNeedsItsHTML() throws {
        let fixture = try ReportFixture()
        try fixture.buildSection()
        try fixture.install(nil, at: ReportFixture.frame, repositoryFile: ReportFixture.frame)
        let outputs = ["paper/paper.md", "paper/paper.pdf", "paper/supplement.md", "paper/supplement.html"]
        XCTAssertThrowsError(try BuildPaper.run(try fixture.paperContext(outputs: outputs))) { error in
            XCTAssertEqual(error as? PaperError, .pdfWithoutHTML("paper/paper.pdf"))
        }
    }
}
