import Foundation
import MittraExperiment
import PaperStage
import ReportKit
import XCTest

/// Numbers that link to their provenance: in paper.html every computed value carries the
/// results file, the part of it and the file's SHA-256; quoted values say they are
/// quoted; every figure carries its provenance record; paper.md stays clean.
final class ValueLinkTests: XCTestCase {
    func testHTMLValuesCarryTheirSourcesAndMarkdownStaysClean() throws {
        let fixture = try ReportFixture()
        let markdown = try fixture.buildPaper()
        let html = try fixture.harness.read("paper/paper.html")
        for marker in ["\u{E000}", "\u{E001}", "\u{E002}"] {
            XCTAssertFalse(markdown.contains(marker), "paper.md has no value markers")
            XCTAssertFalse(html.contains(marker), "paper.html has no value markers left")
        }
        let bundle = try fixture.buildSection()
        let sources = try XCTUnwrap(bundle.valueSources)
        XCTAssertFalse(sources.isEmpty)
        let aggregate = try XCTUnwrap(sources.values.first { $0.kind == .computed })
        XCTAssertEqual(aggregate.file, "data/mittra/aggregate.h5")
        XCTAssertNotNil(aggregate.sha256)
        XCTAssertTrue(html.contains("data-sha256=\"\(aggregate.sha256!)\""), "the file's hash is on the computed values")
        XCTAssertTrue(html.contains("class=\"value quoted\""), "quoted values are marked as quoted")
        let allSpans = html.components(separatedBy: "class=\"value computed\" tabindex=\"0\" data-file=\"data/mittra/aggregate.h5\"").count - 1
        // Table cells name an element (data-index); the prose placeholders name a group.
        let cellSpans = try NSRegularExpression(pattern: "data-file=\"data/mittra/aggregate.h5\" data-part=\"[^\"]*\" data-index=")
            .numberOfMatches(in: html, range: NSRange(html.startIndex..., in: html))
        XCTAssertGreaterThan(cellSpans, 0, "table cells link to their elements")
        let computedSpans = allSpans - cellSpans
        // The claims table's evidence cells link to a whole group (no element index).
        let evidenceCells = (bundle.tables["mittra.claims"]?.cellSources ?? []).joined().compactMap { $0 }.filter { $0.index == nil }.count
        XCTAssertGreaterThan(evidenceCells, 0)
        XCTAssertEqual(computedSpans, bundle.markdown.components(separatedBy: "\u{E000}mittra/e").count - 1
            + bundle.markdown.components(separatedBy: "\u{E000}mittra/mittra.claim").count - 1
            + bundle.markdown.components(separatedBy: "\u{E000}mittra/mittra.regime").count - 1
            + bundle.markdown.components(separatedBy: "\u{E000}mittra/learning.").count - 1
            + bundle.markdown.components(separatedBy: "\u{E000}mittra/rules.cannot-represent").count - 1
            + evidenceCells,
            "every computed placeholder of the section is a linked value, and each evidence cell of the claims table")
        let supplement = try fixture.harness.read("paper/supplement.html")
        XCTAssertEqual((html + supplement).components(separatedBy: "<details class=\"provenance\">").count - 1, ReportFixture.figureOutputs.count,
                       "every figure, in the body or the supplement, links to its stage's provenance record")
    }

    func testMarkersRoundTrip() {
        let text = "λ = " + ValueMarkers.wrap("0.25 (0.1, 0.4)", key: "s/e1.x") + " nats"
        XCTAssertEqual(ValueMarkers.strip(text), "λ = 0.25 (0.1, 0.4) nats")
        let source = ValueSource.computed(PaperTable.Source(path: "data/a.h5", part: "/g", sha256: "ab"))
        let html = ValueMarkers.html(text, sources: ["s/e1.x": source])
        XCTAssertEqual(
            html,
            "λ = <span class=\"value computed\" tabindex=\"0\" data-file=\"data/a.h5\" data-part=\"/g\" data-sha256=\"ab\">0.25 (0.1, 0.4)"
                + "<span class=\"source\" role=\"tooltip\">computed from <code>data/a.h5</code>, <code>/g</code>; file SHA-256 <code>ab</code>"
                + "</span></span> nats")
        let element = ValueSource.computed(PaperTable.Source(path: "data/a.h5", part: "/g/d", sha256: "ab"), index: [2, 5])
        XCTAssertTrue(ValueMarkers.html(text, sources: ["s/e1.x": element]).contains(
            "data-part=\"/g/d\" data-index=\"[2, 5]\" data-sha256=\"ab\">0.25 (0.1, 0.4)<span class=\"source\" role=\"tooltip\">computed from "
                + "<code>data/a.h5</code>, <code>/g/d[2, 5]</code>"))
        let quoted = ValueMarkers.html(text, sources: ["s/e1.x": .quoted("Mittra (2024)", jsonPath: "stages.s.parameters.sourceValues.x")])
        XCTAssertTrue(quoted.contains("class=\"value quoted\" tabindex=\"0\" data-file=\"pipeline.json\" data-part=\"stages.s.parameters.sourceValues.x\">"))
        XCTAssertFalse(quoted.contains("data-sha256"))
    }

    func testTableCellsCarryTheirSources() {
        var table = PaperTable(caption: "c", table: MarkdownTable(header: ["name", "value"], rows: [["a", "1"], ["b", ""], ["c", "3"]]), sources: [])
        table.linkColumn(1, to: PaperTable.Source(path: "data/v.h5", part: "/v", sha256: "ab"), index: { [$0] })
        let (marked, sources) = table.marked(name: "t")
        XCTAssertEqual(marked.rows.map { ValueMarkers.strip($0[1]) }, ["1", "", "3"])
        XCTAssertEqual(marked.rows[0][0], "a", "labels stay unlinked")
        XCTAssertEqual(sources.keys.sorted(), ["table:t/0/1", "table:t/2/1"], "empty cells stay unlinked")
        XCTAssertEqual(sources["table:t/2/1"]?.index, [2])
        XCTAssertEqual(PaperTable.cellValueSources(["t": table]), sources)
    }
}
