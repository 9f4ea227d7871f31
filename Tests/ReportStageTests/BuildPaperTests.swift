import FigureStage
import Foundation
import PaperStage
import Provenance
import StageKit
import XCTest

/// The `build-paper` stage on synthetic results: computed numbers, quoted values,
/// verdicts that follow the data, determinism and provenance.
final class BuildPaperTests: XCTestCase {
    /// The paper holds numbers computed from the synthetic file, formatted one way.
    func testPaperContainsComputedNumbers() throws {
        let fixture = try ReportFixture()
        let paper = try fixture.buildPaper()
        let results = fixture.results
        // E2 mean λ of ReLU (series 0) and its final loss, 4 significant digits.
        XCTAssertTrue(paper.contains(ReportNumber.significant(results.e2Lambda[1])), "E2 λ of ReLU missing")
        XCTAssertTrue(paper.contains(ReportNumber.significant(results.e2Loss[1])), "E2 loss of ReLU missing")
        XCTAssertTrue(paper.contains("−2.310×10⁻⁴"), "scientific format of −0.000231 missing")
        // E2 pooled Spearman ρ and the E1 across-cell ρ.
        XCTAssertTrue(paper.contains("ρ = 0.4100 (p = 0.003000"), "E2 ρ missing")
        XCTAssertTrue(paper.contains("ρ = 0.5200 (p = 4.000×10⁻⁴"), "E1 ρ missing")
        // The learning-rate grid and seeds.
        XCTAssertTrue(paper.contains("24 learning rates from 0.01 to 100, 10 seeds per cell"), "E1 grid missing")
        // The late-window onset of sigmoid at width 8 is η = 2.
        XCTAssertTrue(paper.contains("nats per step) is: sigmoid: η ≈ 2.000; relu: η ≈ 5.000"), "onsets missing")
        // Validation: 4 of 6 checks pass.
        XCTAssertTrue(paper.contains("4 of 6 checks pass"), "validation count missing")
    }

    /// The source paper's numbers appear as quoted, with the digits given, and the
    /// direction statements are computed from them.
    func testQuotedSourceValues() throws {
        let paper = try ReportFixture().buildPaper()
        for quoted in ["−0.000055", "0.2659", "−0.000192", "0.2523", "−0.000209", "0.252", "−7.46", "0.249", "−6.32", "r = 0.22 with p = 0.12"] {
            XCTAssertTrue(paper.contains(quoted), "quoted value \(quoted) missing")
        }
        // arXiv: sigmoid has the highest λ and loss → lower λ with lower loss; the draft: opposite.
        XCTAssertTrue(paper.contains("in its arXiv table the lower λ goes with the lower final loss (rank correlation 1.000"))
        XCTAssertTrue(paper.contains("there the higher (less negative) λ goes with the lower final loss (rank correlation −1.000"))
        XCTAssertTrue(paper.contains("point in opposite directions"))
        XCTAssertTrue(paper.contains("would not count as holding by our rule"), "fig5Code p = 0.12 ≥ 0.05")
    }

    /// With the synthetic data every claim holds by its rule.
    func testVerdictsOnConformingData() throws {
        let paper = try ReportFixture().buildPaper()
        XCTAssertTrue(paper.contains("claim 1 is **reproduced**"))
        XCTAssertTrue(paper.contains("claim 2 is **reproduced**"))
        XCTAssertTrue(paper.contains("claim 3 is **reproduced**"))
    }

    /// A negative λ–loss relation in E3 makes claim 3 "not reproduced".
    func testClaim3FlipsWithTheSignOfTheCorrelation() throws {
        var results = SyntheticMittraResults()
        results.e3Direction = -1
        let paper = try ReportFixture(results, label: "claim3").buildPaper()
        XCTAssertTrue(paper.contains("claim 3 is **not reproduced**"), "claim 3 verdict did not flip")
        XCTAssertTrue(paper.contains("**Claim 3 is not reproduced.**"))
    }

    /// A non-significant pooled ρ with a different best activation makes claim 2 "not
    /// reproduced"; only one of the two conditions makes it "partly reproduced".
    func testClaim2FollowsItsRule() throws {
        var results = SyntheticMittraResults()
        results.e2Rho = (rho: 0.1, p: 0.4)
        results.e2Loss = [0.2661, 0.2593, 0.2519, 0.2524]
        XCTAssertTrue(try ReportFixture(results, label: "claim2a").buildPaper().contains("claim 2 is **not reproduced**"))
        results.e2Rho = (rho: 0.41, p: 0.003)
        XCTAssertTrue(try ReportFixture(results, label: "claim2b").buildPaper().contains("claim 2 is **partly reproduced**"))
    }

    /// Without any chaotic cell (λ negative everywhere) claim 1 is "not reproduced".
    func testClaim1NeedsAChaoticCell() throws {
        var results = SyntheticMittraResults()
        results.onsets = [1e9, 1e9, 1e9, 1e9]
        let paper = try ReportFixture(results, label: "claim1").buildPaper()
        XCTAssertTrue(paper.contains("claim 1 is **not reproduced**"))
        XCTAssertTrue(paper.contains("never on the grid"))
    }

    /// Every placeholder is filled; the paper starts with the provenance comment that
    /// EmbeddedProvenance reads back, with the whole chain inside.
    func testNoUnfilledPlaceholdersAndProvenanceComment() throws {
        let fixture = try ReportFixture()
        let paper = try fixture.buildPaper()
        XCTAssertTrue(paper.hasPrefix("<!-- provenance {"))
        let body = paper.drop { $0 != "\n" }
        XCTAssertFalse(body.contains("{{"), "unfilled placeholder")
        XCTAssertFalse(body.contains("}}"), "unfilled placeholder")
        for output in ReportFixture.paperOutputs {
            let record = try XCTUnwrap(EmbeddedProvenance.read(path: fixture.harness.root + "/" + output), output)
            XCTAssertEqual(record["stage"], .string("build-paper"))
            let figure = record["inputs"]?["figures/mittra-estimators.svg"]?["provenance"]
            XCTAssertEqual(figure?["stage"], .string("render-figures"))
            let aggregate = record["inputs"]?[ReportFixture.aggregate]?["provenance"]
            XCTAssertEqual(aggregate?["inputs"]?["data/mittra/exponents.h5"]?["provenance"]?["seeds"]?["init"]?["value"], .string("987654321"))
        }
    }

    /// The appendix lists every figure and table and the chain down to the seeds; the
    /// methods table lists upstream parameters.
    func testAppendixAndMethodsCarryTheChain() throws {
        let paper = try ReportFixture().buildPaper()
        for figure in MittraFigure.allCases {
            XCTAssertTrue(paper.contains("`figures/\(figure.rawValue).svg`, sha256 `"), "\(figure) missing in the appendix")
        }
        XCTAssertTrue(paper.contains("- Table 8: computed by this stage"), "eight tables expected in the appendix")
        XCTAssertTrue(paper.contains("written by stage `train-mittra`"))
        XCTAssertTrue(paper.contains("`init` = `mittra2024/init` (value `987654321`)"))
        XCTAssertTrue(paper.contains("sha256 `\(String(repeating: "d", count: 64))`: carries no provenance record"))
        XCTAssertTrue(paper.contains("| `train-mittra` | `train-ensembles` | `learningRates.count` | 24 |"))
    }

    /// Two runs give byte-identical Markdown and HTML.
    func testPaperIsByteIdenticalAcrossRuns() throws {
        let fixture = try ReportFixture()
        try fixture.buildPaper()
        let first = try ReportFixture.paperOutputs.map { try fixture.harness.read($0) }
        try fixture.harness.run(try fixture.paperContext(), BuildPaper.run)
        let second = try ReportFixture.paperOutputs.map { try fixture.harness.read($0) }
        XCTAssertEqual(first, second)
    }

    /// The HTML is self-contained: every figure inlined as a data URI, a style sheet,
    /// no external resource.
    func testHTMLIsSelfContained() throws {
        let fixture = try ReportFixture()
        try fixture.buildPaper()
        let html = try fixture.harness.read("paper/paper.html")
        XCTAssertEqual(html.components(separatedBy: "src=\"data:image/svg+xml;base64,").count - 1, MittraFigure.allCases.count)
        XCTAssertTrue(html.contains("<style>"))
        for external in ["http://", "https://", "src=\"../", "<link", "<script"] {
            XCTAssertFalse(html.contains(external), "HTML refers to an external resource: \(external)")
        }
        XCTAssertTrue(html.contains("<table>"))
        // Set REPORT_PAPER_DIR to keep the paper for reading.
        if let keep = ProcessInfo.processInfo.environment["REPORT_PAPER_DIR"] {
            for output in ReportFixture.paperOutputs {
                let target = keep + "/" + URL(fileURLWithPath: output).lastPathComponent
                try? FileManager.default.removeItem(atPath: target)
                try FileManager.default.copyItem(atPath: fixture.harness.root + "/" + output, toPath: target)
            }
        }
    }

    /// An unknown placeholder stops the stage with its name and line.
    func testUnknownPlaceholderIsAnError() throws {
        let fixture = try ReportFixture()
        XCTAssertThrowsError(try fixture.buildPaper(template: "# {{title}}\n\nλ is {{e2.lambda.softplus}}.\n")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("paper/template.md:3: unknown placeholder {{e2.lambda.softplus}}"), message)
            XCTAssertTrue(message.contains("e2.lambda.relu"), "similar names should be suggested: \(message)")
        }
    }

    /// A figure input that the template never shows is an error.
    func testFigureNotShownIsAnError() throws {
        let fixture = try ReportFixture()
        XCTAssertThrowsError(try fixture.buildPaper(template: "# {{title}}\n")) { error in
            XCTAssertTrue(String(describing: error).contains("never shows the input figure"), "\(error)")
        }
    }

    /// The template's prose contains no typed numbers: outside placeholders, digits
    /// occur only in names of things (Fig. 4, Table 1, Eq. 4, claims 1–3, E1–E3) and in
    /// the fixed confidence level of the aggregate layout (95 %).
    func testTemplateTypesNoNumbers() throws {
        let template = try String(contentsOfFile: ReportFixture.repositoryTemplatePath, encoding: .utf8)
        var prose = template
        while let open = prose.range(of: "{{"), let close = prose.range(of: "}}", range: open.upperBound..<prose.endIndex) {
            prose.replaceSubrange(open.lowerBound..<close.upperBound, with: "")
        }
        let allowed = try NSRegularExpression(
            pattern: "Fig\\. [45]|Table 1|Eq\\. 4|claims 1 to 3|[Cc]laims? [123]|claim-[12] |E[123]|95 %|λ [=>] 0")
        let stripped = allowed.stringByReplacingMatches(
            in: prose, range: NSRange(prose.startIndex..., in: prose), withTemplate: "")
        let digits = stripped.enumerated().filter { $0.element.isNumber }
        XCTAssertTrue(digits.isEmpty, "typed numbers in the template near: "
            + digits.prefix(3).map { String(Array(stripped)[max(0, $0.offset - 30)..<min(stripped.count, $0.offset + 10)]) }.joined(separator: " | "))
    }
}
