import Foundation
import MittraExperiment
import PaperStage
import Provenance
import ReportKit
import StageKit
import XCTest

/// `build-paper` over the Mittra section on synthetic results: the structure of the
/// assembled paper (every placeholder filled, consecutive numbering, every figure shown
/// once), values equal to the synthetic file's, determinism and provenance. No prose is
/// asserted.
final class BuildPaperTests: XCTestCase {
    /// No placeholder is left, figures and tables are numbered 1, 2, … in order of
    /// placement, each figure input is shown exactly once and every table is placed.
    func testPlaceholdersFilledNumberingConsecutiveFiguresShownOnce() throws {
        let fixture = try ReportFixture()
        let paper = try fixture.buildPaper()
        let body = String(paper.drop { $0 != "\n" })
        XCTAssertFalse(body.contains("{{"), "unfilled placeholder")
        XCTAssertFalse(body.contains("}}"), "unfilled placeholder")
        let supplement = try fixture.harness.read("paper/supplement.md")
        XCTAssertFalse(supplement.contains("{{"), "unfilled placeholder in the supplement")
        // Reference-detail figures and tables of the section sit in the supplement (S1, S2, …).
        let figures = Self.numbers(of: "**Figure ", in: body), supplementFigures = Self.numbers(of: "**Figure S", in: supplement)
        XCTAssertEqual(figures, Array(1..<(figures.count + 1)))
        XCTAssertEqual(supplementFigures, Array(1..<(supplementFigures.count + 1)))
        XCTAssertEqual(figures.count + supplementFigures.count, ReportFixture.figureOutputs.count)
        let bundle = try fixture.buildSection()
        let tables = Self.numbers(of: "**Table ", in: body), supplementTables = Self.numbers(of: "**Table S", in: supplement)
        XCTAssertEqual(tables, Array(1..<(tables.count + 1)))
        XCTAssertEqual(supplementTables, Array(1..<(supplementTables.count + 1)))
        XCTAssertEqual(tables.count + supplementTables.count, bundle.tables.count + 1 + 3,
                       "the verdict table, the section's tables, and validation, glossary and parameters")
        XCTAssertTrue(supplement.contains("**Table S1.**") && supplement.contains("**Table S2.**"), "validation and glossary first")
        XCTAssertTrue(body.contains("Table S1](supplement.html#tab-validation) in the supplement"), "the body refers to the validation table in the supplement")
        for output in ReportFixture.figureOutputs {
            let link = "](../\(output))"
            XCTAssertEqual((body + supplement).components(separatedBy: link).count - 1, 1, "\(output) shown once")
        }
    }

    /// The numbers `k` of the captions "`prefix`k." in order.
    static func numbers(of prefix: String, in text: String) -> [Int] {
        text.components(separatedBy: prefix).dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }

    /// Each figure's caption in the paper is the one stored in its SVG when it was drawn.
    func testCaptionsComeFromTheFigures() throws {
        let fixture = try ReportFixture()
        let paper = try fixture.buildPaper() + (try fixture.harness.read("paper/supplement.md"))
        for output in ReportFixture.figureOutputs {
            let caption = try FigureDocument.caption(inSVG: try fixture.harness.read(output), path: output)
            XCTAssertFalse(caption.isEmpty)
            XCTAssertTrue(paper.contains(".** " + caption), "\(output): caption missing")
        }
    }

    /// The values in the text are those of the synthetic aggregate file, written by the one formatter.
    func testComputedValuesEqualTheSyntheticFile() throws {
        let fixture = try ReportFixture()
        let paper = try fixture.buildPaper()
        let results = fixture.results.results
        let ranking = results.ranking
        for a in ranking.activations.indices {
            let lambda = PaperText.withInterval(
                ranking.lambda.mean[ranking.ranked, a], ranking.lambda.tLow[ranking.ranked, a], ranking.lambda.tHigh[ranking.ranked, a])
            XCTAssertTrue(paper.contains("\(ranking.activations[a]) \(lambda)"), "E2 λ of \(ranking.activations[a])")
            let loss = PaperText.withInterval(ranking.finalLossMean[a], ranking.finalLossLow[a], ranking.finalLossHigh[a])
            XCTAssertTrue(paper.contains("\(ranking.activations[a]) \(loss)"), "E2 loss of \(ranking.activations[a])")
        }
        XCTAssertTrue(paper.contains(PaperText.correlation("ρ", ranking.rankSpearman)), "E2 ρ")
        let sweep = results.sweep
        XCTAssertTrue(paper.contains(PaperText.correlation("ρ", sweep.lossLambdaSpearman)), "E1 ρ")
        XCTAssertTrue(paper.contains(ReportNumber.count(sweep.learningRates.count)))
        let late = try sweep.seriesIndex("tangent/late"), w = try sweep.widthIndex(8)
        for a in sweep.activations.indices {
            let onset = "\(sweep.activations[a]): η ≈ \(ReportNumber.significant(sweep.onsetLearningRate[late, a, w]))"
            XCTAssertTrue(paper.contains(onset), "onset of \(sweep.activations[a])")
        }
        let study = results.initialWeights
        for a in study.activations.indices {
            let r = PaperText.correlation("r", study.pearson(activation: a, filter: InitialWeightStudy.iqrFiltered))
            XCTAssertTrue(paper.contains("\(study.activations[a]) \(r)"), "E3 r of \(study.activations[a])")
        }
        // Validation: the counts of the file (4 of 6 rows pass).
        XCTAssertTrue(paper.contains("\(ReportNumber.count(4)) of \(ReportNumber.count(6))"))
        // Quoted source values keep their digits.
        for quoted in ["−0.000055", "0.2659", "−0.000192", "−7.46", "0.249"] {
            XCTAssertTrue(paper.contains(quoted), "quoted value \(quoted) missing")
        }
    }

    /// The verdicts of the bundle are those of the claim rules on the same results, and
    /// appear in the paper.
    func testVerdictsOfTheBundleFollowTheRules() throws {
        let fixture = try ReportFixture()
        let bundle = try fixture.buildSection()
        let assessment = try ClaimsAssessment(fixture.results.results, options: FigureOptions(), rules: VerdictRules())
        XCTAssertEqual(bundle.verdicts, assessment.verdicts)
        XCTAssertEqual(
            Set(bundle.verdicts.keys),
            ["mittra.claim1", "mittra.claim2", "mittra.claim3", "mittra.claim2.learning", "mittra.claim3.learning"])
        XCTAssertEqual(Set(bundle.verdicts.values), [Verdict.reproduced.rawValue])
        // One claim row per claim, carrying its verdict and pointing at the claims table; the
        // learning-regime verdicts are covered by the rows of claims 2 and 3, not repeated.
        let rows = try XCTUnwrap(bundle.claims)
        XCTAssertEqual(rows.map(\.id), ["mittra.claim1", "mittra.claim2", "mittra.claim3"])
        XCTAssertEqual(Set(rows.flatMap { [$0.id] + ($0.covers ?? []) }), Set(bundle.verdicts.keys))
        XCTAssertEqual(rows.map(\.covers), [nil, ["mittra.claim2.learning"], ["mittra.claim3.learning"]])
        for row in rows {
            XCTAssertEqual(row.verdict, bundle.verdicts[row.id])
            XCTAssertEqual(row.evidence, "tableref:mittra.claims")
            XCTAssertEqual(row.source, "Mittra (2024)")
        }
        XCTAssertNil(rows[0].firstRuleVerdict, "claim 1's rule was not amended")
        XCTAssertEqual(rows[1].firstRuleVerdict, assessment.ranking.allActivationsVerdict.rawValue,
                       "the rule as first stated: the source code's setting, every activation")
        XCTAssertEqual(rows[2].firstRuleVerdict, assessment.initialWeights.allActivationsVerdict.rawValue)
        // The opening table has one row per claim: the covered keys are not reported as missing.
        XCTAssertEqual(ClaimTable.rows([bundle]).map(\.id), rows.map(\.id))
    }

    /// The paper opens with its own small record, which names each input by path, hash
    /// and writing stage (no input's record nested inside); the chain through the section
    /// bundle and the figures back to the seeds is walked over the files.
    func testProvenanceRunsThroughTheSectionBundle() throws {
        let fixture = try ReportFixture()
        let paper = try fixture.buildPaper()
        XCTAssertTrue(paper.hasPrefix("<!-- provenance {"))
        for output in ReportFixture.paperOutputs {
            let path = fixture.harness.root + "/" + output
            let record = try XCTUnwrap(try EmbeddedProvenance.record(path: path), output)
            XCTAssertEqual(record.stage, "build-paper")
            XCTAssertEqual(EmbeddedProvenance.read(path: path)?["recordFormatVersion"], .int(2))
            XCTAssertEqual(record.inputs.first { $0.path == ReportFixture.bundle }?.stage, "mittra-section")
            XCTAssertEqual(record.inputs.first { $0.path == "figures/mittra-estimators.svg" }?.stage, "mittra-figures")
            XCTAssertEqual(record.inputs.first { $0.path == ReportFixture.frame }?.stage, nil, "a source file")
            XCTAssertFalse(EmbeddedProvenance.read(path: path)?.canonicalText.contains("\"provenance\"") ?? true, "nested record")
        }
        let bundle = try XCTUnwrap(try EmbeddedProvenance.record(path: fixture.harness.root + "/" + ReportFixture.bundle))
        XCTAssertEqual(bundle.inputs.first { $0.path == ReportFixture.aggregate }?.stage, "aggregate")
        let supplement = try fixture.harness.read("paper/supplement.md")
        XCTAssertTrue(supplement.contains("seed `init` = `mittra2024/init` (value `987654321`)"), "the chain reaches the seeds")
    }

    /// Each stage record of the chain appears once: one appendix entry per stage in
    /// supplement.md, one collapsed record per stage in supplement.html (the figures of
    /// paper.html link to it), each inline SVG's `<metadata>` only its own record, no long
    /// line in supplement.md.
    func testEachStageRecordAppearsOnce() throws {
        let fixture = try ReportFixture()
        try fixture.buildPaper()
        let paper = try fixture.harness.read("paper/supplement.md")
        let html = try fixture.harness.read("paper/supplement.html")
        let body = try fixture.harness.read("paper/paper.html")
        XCTAssertFalse(body.contains("<details class=\"stage-record\""), "the records belong to the supplement")
        let stages = ["train-mittra", "aggregate", "mittra-figures", "mittra-section", "validate-estimators"]
        for stage in stages {
            XCTAssertEqual(paper.components(separatedBy: "- Stage `\(stage)` ").count - 1, 1, "\(stage) in the appendix")
            XCTAssertEqual(html.components(separatedBy: "id=\"\(ProvenanceChain.anchor(stage))\"").count - 1, 1, "\(stage) in the HTML")
            XCTAssertEqual(html.components(separatedBy: "<summary>stage <code>\(stage)</code></summary>").count - 1, 1, "\(stage) record once")
        }
        XCTAssertEqual(html.components(separatedBy: "\"recordFormatVersion\": 2").count - 1, stages.count, "a record shown twice")
        XCTAssertEqual(html.components(separatedBy: "<details class=\"stage-record\"").count - 1, stages.count)
        let recordLink = ProvenanceChain.anchor("mittra-figures")
        XCTAssertEqual(
            body.components(separatedBy: "href=\"supplement.html#\(recordLink)\"").count - 1
                + html.components(separatedBy: "href=\"#\(recordLink)\"").count - 1,
            ReportFixture.figureOutputs.count,
            "each figure, in the body or the supplement, links to its stage's record")
        XCTAssertLessThan(paper.split(separator: "\n").map(\.count).max() ?? 0, 10_000, "a line of paper.md grew with the chain")
        for output in ReportFixture.figureOutputs {
            let metadata = try XCTUnwrap(EmbeddedProvenance.read(path: fixture.harness.root + "/" + output))
            XCTAssertEqual(metadata["stage"], .string("mittra-figures"))
            XCTAssertEqual(metadata["inputs"], .array([.object([
                "path": .string(ReportFixture.aggregate), "stage": .string("aggregate"),
                "sha256": .string(try ContentHash.sha256(fileAt: fixture.harness.root + "/" + ReportFixture.aggregate)),
            ])]))
        }
    }

    /// The appendix lists every figure and every table with its file and hash, and the
    /// chain down to the seeds; the methods table lists upstream parameters.
    func testAppendixAndMethodsCarryTheChain() throws {
        let fixture = try ReportFixture()
        try fixture.buildPaper()
        let paper = try fixture.harness.read("paper/supplement.md")
        for output in ReportFixture.figureOutputs {
            XCTAssertTrue(paper.contains("`\(output)`, sha256 `"), "\(output) missing in the appendix")
        }
        let tables = try fixture.harness.read("paper/paper.md").components(separatedBy: "**Table ").count - 1
        XCTAssertTrue(paper.contains("- [Table \(tables)](paper.html#"), "a body table links to the paper")
        XCTAssertFalse(paper.contains("- [Table \(tables + 1)]("))
        let supplementTables = try fixture.harness.read("paper/supplement.md").components(separatedBy: "**Table S").count - 1
        XCTAssertTrue(paper.contains("- [Table S\(supplementTables)](#tab-"), "a supplement table links within the supplement")
        XCTAssertFalse(paper.contains("- [Table S\(supplementTables + 1)]("))
        XCTAssertTrue(paper.contains("computed by stage `mittra-section` from `\(ReportFixture.aggregate)`"))
        XCTAssertTrue(paper.contains("`init` = `mittra2024/init` (value `987654321`)"))
        XCTAssertTrue(paper.contains("| `train-mittra` | `train-ensembles` | `learningRates.count` | 24 |"))
    }

    /// Two runs give byte-identical bundle, Markdown and HTML.
    func testOutputsAreByteIdenticalAcrossRuns() throws {
        let fixture = try ReportFixture()
        try fixture.buildPaper()
        let files = [ReportFixture.bundle] + ReportFixture.paperOutputs
        let first = try files.map { try fixture.harness.read($0) }
        try fixture.buildPaper()
        XCTAssertEqual(first, try files.map { try fixture.harness.read($0) })
    }

    /// The HTML is self-contained: every figure inlined as a data URI, a style sheet,
    /// no external resource.
    func testHTMLIsSelfContained() throws {
        let fixture = try ReportFixture()
        try fixture.buildPaper()
        let html = try fixture.harness.read("paper/paper.html")
        let supplement = try fixture.harness.read("paper/supplement.html")
        XCTAssertEqual((html + supplement).components(separatedBy: "src=\"data:image/svg+xml;base64,").count - 1, MittraFigure.allCases.count,
                       "every figure inlined once, in the body or the supplement")
        XCTAssertTrue(html.contains("<style>"))
        for external in ["src=\"http", "url(http", "src=\"../", "<link", "<script"] {
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

    /// An unknown placeholder in the section template stops the section task with the
    /// file, the line and similar names.
    func testUnknownPlaceholderInTheSectionIsAnError() throws {
        let fixture = try ReportFixture()
        XCTAssertThrowsError(try fixture.buildSection(template: "## S\n\nλ is {{e2.lambda.softplus}}.\n")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("paper/sections/mittra.md:3: unknown placeholder {{e2.lambda.softplus}}"), message)
            XCTAssertTrue(message.contains("e2.lambda.relu"), "similar names should be suggested: \(message)")
        }
    }

    /// A figure input of build-paper that no section shows is an error naming it.
    func testFigureInNoSectionIsAnError() throws {
        let fixture = try ReportFixture()
        let shown = Array(ReportFixture.figureOutputs.dropLast())
        let template = try String(contentsOfFile: ReportFixture.repositoryPath(ReportFixture.sectionTemplate), encoding: .utf8)
            .replacingOccurrences(of: "{{figure:mittra.fig5-lyapunov-vs-loss-learning}}\n", with: "")
            .replacingOccurrences(of: "{{figref:mittra.fig5-lyapunov-vs-loss-learning}}", with: "Fig. 5")
        try fixture.buildSection(template: template, figures: shown)
        try fixture.install(nil, at: ReportFixture.frame, repositoryFile: ReportFixture.frame)
        XCTAssertThrowsError(try BuildPaper.run(try fixture.paperContext())) { error in
            XCTAssertEqual(error as? PaperError, .figureInNoSection(ReportFixture.figureOutputs.last!))
            XCTAssertTrue(String(describing: error).contains("shown by no section bundle"), "\(error)")
        }
    }

    /// A frame that includes a section with no bundle among the inputs is an error listing the bundles.
    func testUnknownSectionIsAnError() throws {
        let fixture = try ReportFixture()
        try fixture.buildSection()
        let frame = "# {{title}}\n\n{{section:mittra}}\n\n{{section:fashion}}\n"
        try fixture.install(frame, at: ReportFixture.frame, repositoryFile: ReportFixture.frame)
        XCTAssertThrowsError(try BuildPaper.run(try fixture.paperContext())) { error in
            XCTAssertEqual(error as? TemplateError, .unknownSection(source: ReportFixture.frame, line: 5, name: "fashion", available: ["mittra"]))
        }
    }

    /// Neither the frame nor the section template types a number: outside placeholders,
    /// digits occur only in names of things (Fig. 4, Table 1, Eq. 4, claims 1–3, E1–E3)
    /// and in the fixed confidence level of the results (95 %).
    func testTemplatesTypeNoNumbers() throws {
        for file in [ReportFixture.frame, ReportFixture.supplementFrame, ReportFixture.sectionTemplate] {
            var prose = try String(contentsOfFile: ReportFixture.repositoryPath(file), encoding: .utf8)
            while let open = prose.range(of: "{{"), let close = prose.range(of: "}}", range: open.upperBound..<prose.endIndex) {
                prose.replaceSubrange(open.lowerBound..<close.upperBound, with: "")
            }
            let allowed = try NSRegularExpression(
                pattern: "Fig\\. [45]|Table 1|Eq\\. 4|claims 1 to 3|[Cc]laims? [123]|claim-[12] |E[123]|95 %|λ [=>] 0")
            let stripped = allowed.stringByReplacingMatches(in: prose, range: NSRange(prose.startIndex..., in: prose), withTemplate: "")
            let digits = stripped.enumerated().filter { $0.element.isNumber }
            XCTAssertTrue(digits.isEmpty, "\(file): typed numbers near: "
                + digits.prefix(3).map { String(Array(stripped)[max(0, $0.offset - 30)..<min(stripped.count, $0.offset + 10)]) }.joined(separator: " | "))
        }
    }
}
