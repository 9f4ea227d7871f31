import Foundation
import FoundationXML
@testable import MittraExperiment
import Provenance
import ReportKit
import StageKit
import XCTest

/// The `figures` task of `mittra` on synthetic results (written through ``MittraResults``).
final class FiguresTaskTests: XCTestCase {
    /// Every figure is well-formed XML and carries its stage's own record (the aggregate
    /// file by path, hash and writing stage, no record nested inside), and the walk over
    /// the files from that record reaches the seeds stored upstream of the aggregate file.
    func testEveryFigureIsXMLWithProvenanceBackToTheSeeds() throws {
        let fixture = try ReportFixture()
        let inputs = try fixture.figuresContext().invocation.inputs
        for output in ReportFixture.figureOutputs {
            let svg = try fixture.harness.read(output)
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(parser.parse(), "\(output) is not well-formed XML: \(String(describing: parser.parserError))")
            let record = try XCTUnwrap(try EmbeddedProvenance.record(path: fixture.harness.root + "/" + output), output)
            XCTAssertEqual(record.stage, "mittra-figures")
            XCTAssertEqual(record.inputs.map(\.path), [ReportFixture.aggregate])
            XCTAssertEqual(record.inputs.first?.stage, "aggregate", "\(output) does not name the aggregate file's stage")
            let chain = try ProvenanceChain.walk(from: record, inputs: inputs)
            XCTAssertEqual(chain.graph.stages.map(\.stage), ["train-mittra", "aggregate"])
            XCTAssertEqual(chain.graph.node("train-mittra")?.record?.seeds["init"]?.value, "987654321")
            XCTAssertEqual(chain.graph.node("train-mittra")?.origin, .embedded(file: "data/mittra/exponents.h5"))
        }
    }

    /// Two runs on the same inputs give the same bytes.
    func testRenderingTwiceIsByteIdentical() throws {
        let fixture = try ReportFixture()
        let first = try ReportFixture.figureOutputs.map { try fixture.harness.read($0) }
        try fixture.harness.run(try fixture.figuresContext(), ExperimentStage<Mittra>.run)
        let second = try ReportFixture.figureOutputs.map { try fixture.harness.read($0) }
        XCTAssertEqual(first, second)
    }

    /// A declared output that names no figure stops the stage with a message listing
    /// the figures it can make.
    func testUnknownOutputIsAnError() throws {
        let fixture = try ReportFixture()
        let context = try fixture.figuresContext(outputs: ["figures/mittra-fig9.svg"])
        XCTAssertThrowsError(try ExperimentStage<Mittra>.run(context)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("figures/mittra-fig9.svg"), message)
            XCTAssertTrue(message.contains("figures/mittra-fig4-lyapunov-vs-lr.svg"), message)
        }
    }

    /// A width that E1 did not run is named in the error.
    func testMissingWidthIsAnError() throws {
        let fixture = try ReportFixture()
        let context = try fixture.figuresContext(parameters: .object(["task": .string("figures"), "width": .int(32)]))
        XCTAssertThrowsError(try ExperimentStage<Mittra>.run(context)) { error in
            XCTAssertEqual(error as? ResultsError, .missingWidth(32, available: [4, 8, 16]))
        }
    }

    /// Only the declared figures are written.
    func testOnlyDeclaredFiguresAreWritten() throws {
        let fixture = try ReportFixture()
        let harness = StageHarness("render-one")
        try SyntheticMittraResults().write(aggregatePath: try harness.path(ReportFixture.aggregate))
        let output = "figures/mittra-estimators.svg"
        let context = try harness.context(
            stage: "mittra-figures", executable: "mittra", parameters: .object(["task": .string("figures")]),
            inputs: [ReportFixture.aggregate], outputs: [output])
        try harness.run(context, ExperimentStage<Mittra>.run)
        let written = try FileManager.default.contentsOfDirectory(atPath: harness.root + "/figures")
        XCTAssertEqual(written, ["mittra-estimators.svg"])
        XCTAssertEqual(try harness.read(output).count > 0, true)
        _ = fixture
    }

    /// Each figure stores the caption computed from the same results when it was drawn,
    /// and the options it was drawn with.
    func testCaptionAndOptionsAreStoredInTheFigure() throws {
        let fixture = try ReportFixture()
        let results = fixture.results.results
        let options = FigureOptions(width: 8)
        for figure in MittraFigure.allCases {
            let output = "figures/\(figure.rawValue).svg"
            let svg = try fixture.harness.read(output)
            XCTAssertEqual(try FigureDocument.caption(inSVG: svg, path: output), try figure.caption(results, options).plain)
            XCTAssertEqual(try FigureOptions(facts: FigureDocument.facts(inSVG: svg), path: output), options)
        }
    }

    /// The figure of the λ = 0 crossing marks the late-window onset η stored in the file with
    /// a diamond and no value text (the text would lie on the seeds' points).
    func testOnsetMarkerSitsAtTheStoredOnset() throws {
        let fixture = try ReportFixture()
        let sweep = fixture.results.results.sweep
        let late = try sweep.seriesIndex(FigureOptions().lateSeries)
        let width = try sweep.widthIndex(FigureOptions().width)
        // Sigmoid's late λ crosses zero at η = 2 (width 8 scales λ, not the crossing).
        let marker = try XCTUnwrap(LyapunovVsLearningRateFigure.onsetMarker(sweep, series: late, activation: 0, width: width))
        XCTAssertEqual(marker.x, 2, accuracy: 1e-12)
        XCTAssertEqual(marker.y, 0)
        XCTAssertNil(marker.caption)
        let svg = try fixture.harness.read("figures/mittra-fig4-lyapunov-vs-lr.svg")
        XCTAssertFalse(svg.contains("η ≈"), "no value text on the data")
    }

    /// rsvg-convert (installed by `make test`) renders every figure. Set
    /// REPORT_FIGURE_DIR to keep the SVG and PNG files for looking at them.
    func testRsvgConvertRendersEveryFigure() throws {
        let converter = "/usr/bin/rsvg-convert"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: converter), "rsvg-convert is missing: apt-get install librsvg2-bin")
        let fixture = try ReportFixture()
        let keep = ProcessInfo.processInfo.environment["REPORT_FIGURE_DIR"]
        for output in ReportFixture.figureOutputs {
            let svg = fixture.harness.root + "/" + output
            let png = (keep.map { $0 + "/" } ?? fixture.harness.root + "/") + URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent + ".png"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: converter)
            process.arguments = ["-o", png, svg]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "rsvg-convert failed on \(output)")
            let size = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 1000, "\(png) is (nearly) empty")
        }
    }
}
