import HDF5
import JimenezExperiment
import NumericsCore
import ReportKit
import TestSupport
import XCTest

/// The aggregation on a synthetic sweep with a known answer, the round trip of its
/// results through aggregate.h5, and the section filled from them.
final class JimenezResultsTests: XCTestCase {
    /// Four η; λ < 0 at the first two and > 0 from index 2; accuracy rises fastest at
    /// index 2 (τ = 3 steps) — so onset = argmin = 2 and the claim is reproduced. The
    /// replicas run 8 of the 12 steps.
    static func observations() -> SweepObservations {
        let rates = [0.01, 0.1, 1, 10], n = 8, steps = 12, replicaSteps = 8
        let lambda: [[Double?]] = (0..<n).map { i in rates.indices.map { j in (j < 2 ? -0.3 : 0.4) + Double(i) * 0.001 } }
        let tangent: [[Double?]] = lambda.map { $0.map { $0.map { $0 + 0.01 } } }
        let speed = [0.02, 0.05, 0.3, 0.1]
        let accuracy = (0..<n).map { i in speed.map { s in (0...steps).map { t in min(0.9, 0.1 + s * Double(t) + Double(i) * 1e-4) } } }
        let distances = (0..<n).map { _ in rates.indices.map { j in (0..<2).map { _ in (0...replicaSteps).map { t in 1e-4 * exp((j < 2 ? -0.3 : 0.4) * Double(t)) } } } }
        return SweepObservations(
            sweep: .init(dataset: "synthetic", trainingSamples: 300, testSamples: 100, initialisationCount: n, replicaCount: 2,
                         steps: steps, parameterCount: 50, learningRates: rates),
            estimates: ["fit/a": lambda, "fit/b": lambda, "fit/steep": lambda, "tangent/late": tangent],
            testAccuracy: accuracy, distances: distances)
    }

    /// The scale check's sweep: the same runs at η = 1 and 10 only, on "3000 images".
    static func scaleObservations() -> SweepObservations {
        var data = observations()
        let columns = [2, 3]
        data.sweep.learningRates = columns.map { data.sweep.learningRates[$0] }
        data.sweep.trainingSamples = 3000
        data.sweep.initialisationCount = data.testAccuracy.count
        data.estimates = data.estimates.mapValues { rows in rows.map { row in columns.map { row[$0] } } }
        data.testAccuracy = data.testAccuracy.map { row in columns.map { row[$0] } }
        data.distances = data.distances.map { row in columns.map { _ in [] } }
        return data
    }

    static func results() throws -> JimenezResults {
        try aggregation().results(observations(), scale: scaleObservations())
    }

    static func aggregation() -> JimenezAggregation {
        JimenezAggregation(
            conventions: ["fit/a", "fit/b"], primaryConvention: "fit/a", tangentSeries: ["tangent/late"], primaryTargetFraction: 0.9,
            absoluteTargets: [0.6], onsetRule: OnsetRule(resampleCount: 200), bootstrapResamples: 100, innerResamples: 50,
            key: SeedKey(7).derive("jimenez-tests"), sensitivityThresholds: [0.1, 0.5],
            amendedRule: AmendedRuleSettings(
                steepestSeries: ["fit/steep"], series: ["fit/steep", "tangent/late"], floor: 0.1, toleranceRatio: 2.5,
                sourceGrid: [0.01, 1, 10], tangentSeries: "tangent/late"))
    }

    /// The first rule on the source grid's η (0.01, 1, 10: index 1 is η = 1) and the amended
    /// rule on both grids all find onset = argmin = η = 1; the comparison and the scale check
    /// see the known offsets.
    func testAmendedRulesBesideTheFirst() throws {
        let results = try Self.results()
        let v = results.amended.verdicts
        XCTAssertEqual(v.rules, ["first rule"] + Array(repeating: "amended rule", count: 4))
        XCTAssertEqual(v.series, ["fit/a", "fit/steep", "tangent/late", "fit/steep", "tangent/late"])
        XCTAssertEqual(v.grids, ["source grid", "refined grid", "refined grid", "source grid", "source grid"])
        XCTAssertEqual(v.sourceGrid, [0.01, 1, 10])
        XCTAssertEqual(v.floors, [0, 0.1, 0.1, 0.1, 0.1])
        XCTAssertEqual(v.distanceUnits, ["grid steps", "ln η", "ln η", "ln η", "ln η"])
        XCTAssertEqual(v.onset, [1, 1, 1, 1, 1])
        XCTAssertEqual(v.argmin, [1, 1, 1, 1, 1])
        XCTAssertEqual(v.distance, [0, 0, 0, 0, 0])
        XCTAssertEqual(v.verdict, Array(repeating: "reproduced", count: 5))
        let c = results.amended.comparison
        XCTAssertEqual(c.fitSeries, ["fit/a", "fit/b", "fit/steep"])
        XCTAssertEqual(c.medianDifference[2, 3], -0.01, accuracy: 1e-12)
        XCTAssertEqual(c.pairedCount[0, 0], 8)
        XCTAssertEqual(results.exponents.series, ["fit/a", "fit/b", "tangent/late", "fit/steep"])
        let scale = try XCTUnwrap(results.amended.scale)
        XCTAssertEqual(scale.learningRates, [1, 10])
        XCTAssertEqual(scale.trainingSamples, [300, 3000])
        XCTAssertEqual(scale.onset, [1, 1])
        XCTAssertEqual(scale.argmin, [1, 1])
        XCTAssertEqual(scale.tauMedian[1, 0], 3)
    }

    func testAggregationFindsTheKnownOnsetAndArgmin() throws {
        let results = try Self.aggregation().results(Self.observations())
        XCTAssertEqual(results.exponents.series, ["fit/a", "fit/b", "tangent/late", "fit/steep"])
        XCTAssertEqual(results.exponents.onsetIndex, [2, 2])
        XCTAssertEqual(results.trainingTimes.argminIndex, [2, 2])
        XCTAssertEqual(results.trainingTimes.targets, ["0.9 × best accuracy", "accuracy 0.6"])
        XCTAssertEqual(results.trainingTimes.threshold[0], 0.81, accuracy: 1e-12)
        // τ at index 2: 0.1 + 0.3 t ≥ 0.81 first at t = 3 for every initialisation.
        XCTAssertEqual(results.trainingTimes.median[0, 2], 3)
        XCTAssertEqual(results.bootstrap.verdict.values, Array(repeating: "reproduced", count: 4))
        XCTAssertEqual(results.exponents.agreementMedianAbsoluteDifference[0, 0], 0.01, accuracy: 1e-12)
        XCTAssertEqual(results.curves.meanLogDivergence[3, 8], 3.2, accuracy: 1e-12, "0.4 × 8 at the replicas' last step")
        XCTAssertEqual(results.exponents.median[0, 0], -0.3 + 0.0035, accuracy: 1e-12)
        // Sensitivity: λ ≈ 0.4 clears δ = 0.1 at the same onset; nothing clears δ = 0.5.
        XCTAssertEqual(results.sensitivity.thresholds, [0.1, 0.5])
        XCTAssertEqual(results.sensitivity.onsetIndex, [2, -1])
        XCTAssertEqual(results.sensitivity.verdict, ["reproduced", "inconclusive (no onset on the grid)"])
        XCTAssertEqual(results.sensitivity.convention, "fit/a")
        XCTAssertEqual(Array(results.sensitivity.differenceInterval.values.prefix(2)), [0, 0])
        XCTAssertTrue(results.sensitivity.onsetInterval.values.suffix(2).allSatisfy(\.isNaN))
    }

    /// What is written is what is read, with `dimensions` and `meaning` on every dataset.
    func testResultsRoundTripThroughHDF5() throws {
        let results = try Self.results()
        let directory = TemporaryDirectory("jimenez-results")
        let path = directory.path + "/aggregate.h5"
        let file = try HDF5File.create(path)
        try results.write(into: file)
        try file.close()
        let read = try JimenezResults.read(path: path)
        XCTAssertEqual(read.sweep, results.sweep)
        XCTAssertEqual(read.exponents.series, results.exponents.series)
        XCTAssertEqual(read.exponents.onsetIndex, results.exponents.onsetIndex)
        XCTAssertEqual(read.exponents.median.values, results.exponents.median.values)
        XCTAssertEqual(read.exponents.accepted.values, results.exponents.accepted.values)
        XCTAssertEqual(read.trainingTimes.targets, results.trainingTimes.targets)
        XCTAssertEqual(read.trainingTimes.median.values, results.trainingTimes.median.values)
        XCTAssertEqual(read.trainingTimes.censored.values, results.trainingTimes.censored.values)
        XCTAssertEqual(read.bootstrap.verdict.values, results.bootstrap.verdict.values)
        XCTAssertEqual(read.bootstrap.differenceInterval.values, results.bootstrap.differenceInterval.values)
        XCTAssertEqual(read.curves.medianTestAccuracy.values, results.curves.medianTestAccuracy.values)
        // Each curve over its own steps, unpadded: the replicas' 0…8, the reference's 0…12.
        XCTAssertEqual(results.curves.meanLogDivergence.shape, [4, 9])
        XCTAssertEqual(results.curves.medianTestAccuracy.shape, [4, 13])
        XCTAssertFalse(results.curves.meanLogDivergence.values.contains(where: \.isNaN))
        XCTAssertEqual(read.curves.meanLogDivergence.values.map(\.bitPattern), results.curves.meanLogDivergence.values.map(\.bitPattern))
        XCTAssertEqual(read.curves.meanLogDivergence.shape, [4, 9])
        XCTAssertEqual(read.sensitivity.thresholds, results.sensitivity.thresholds)
        XCTAssertEqual(read.sensitivity.onsetIndex, results.sensitivity.onsetIndex)
        XCTAssertEqual(read.sensitivity.verdict, results.sensitivity.verdict)
        XCTAssertEqual(read.sensitivity.target, results.sensitivity.target)
        XCTAssertEqual(read.sensitivity.differenceInterval.values.map(\.bitPattern), results.sensitivity.differenceInterval.values.map(\.bitPattern))
        XCTAssertEqual(read.amended.verdicts.verdict, results.amended.verdicts.verdict)
        XCTAssertEqual(read.amended.verdicts.series, results.amended.verdicts.series)
        XCTAssertEqual(read.amended.verdicts.toleranceValues, results.amended.verdicts.toleranceValues)
        XCTAssertEqual(read.amended.verdicts.distanceInterval.values.map(\.bitPattern), results.amended.verdicts.distanceInterval.values.map(\.bitPattern))
        XCTAssertEqual(read.amended.comparison.medianDifference.values.map(\.bitPattern), results.amended.comparison.medianDifference.values.map(\.bitPattern))
        XCTAssertEqual(read.amended.scale?.onset, results.amended.scale?.onset)
        XCTAssertEqual(read.amended.scale?.tauMedian.values, results.amended.scale?.tauMedian.values)
        let check = try HDF5File.open(path)
        defer { try? check.close() }
        for (group, names) in [
            ("exponents", ["median", "q25", "q75", "accepted", "onset_median", "onset_index", "agreement_count"]),
            ("training_time", ["threshold", "median", "censored", "argmin_index"]),
            ("bootstrap", ["onset_interval", "difference_interval", "undefined_fraction", "verdict"]),
            ("curves", ["mean_log_divergence", "median_test_accuracy"]),
            ("sensitivity", ["onset_index", "onset_interval", "difference_interval", "verdict"]),
            ("comparison", ["median_difference", "paired_count"]),
            ("verdicts", ["onset", "onset_interval", "argmin", "argmin_interval", "distance", "distance_interval", "verdict"]),
            ("scale", ["training_samples", "initialisations", "threshold", "tau_median", "lambda_median", "onset", "argmin"]),
        ] {
            for name in names {
                let dataset = try check.root.openGroup(group).dataset(name)
                XCTAssertTrue(try dataset.hasAttribute("dimensions") && dataset.hasAttribute("meaning"), "/\(group)/\(name)")
            }
        }
    }

    /// The repository's section template fills without a missing placeholder, and types no number.
    func testSectionFillsTheRepositoryTemplate() throws {
        let results = try Self.results()
        let templatePath = TestLocations.packageRoot + "/paper/sections/jimenez.md"
        let benchmark = "bench/results/fashion-ensemble.json"
        let text = try String(contentsOfFile: templatePath, encoding: .utf8)
        let source = try SourceFacts(.init(.object([
            "citation": .string("Source (2025)"),
            "code": .object(["repository": .string("a/b"), "script": .string("s.py"), "earlierRepository": .string("c/d"), "minimumRSquared": .double(0.9)]),
            "protocol": .object(["trainingImages": .int(60000), "initialisations": .int(50), "replicas": .int(5), "learningRates": .int(16), "steps": .int(201)]),
        ]), path: "sourceValues"))
        let bundle = try JimenezSection.bundle(
            .init(
                template: try PaperTemplate(text: text, source: templatePath), results: results,
                aggregate: .init(path: "data/jimenez/aggregate.h5", part: "/", sha256: "0"),
                figures: JimenezFigure.allCases.map { ($0, "figures/\($0.rawValue).svg") }, source: source,
                benchmark: SectionBenchmark(
                    record: try BenchmarkRecord.read(path: TestLocations.packageRoot + "/" + benchmark, declared: benchmark),
                    source: .init(path: benchmark, part: "/", sha256: "1"))),
            stage: "jimenez-section", provenance: nil)
        XCTAssertEqual(bundle.verdicts, ["jimenez.claim1": "reproduced"])
        XCTAssertNotNil(bundle.tables["jimenez.speed"])
        // The speed lives in its table (placed in the supplement), whose cells link to the record;
        // the section only points at it.
        XCTAssertEqual(bundle.tables["jimenez.speed"]?.sources.map(\.path), [benchmark], "the speed table reads its record")
        XCTAssertTrue(bundle.markdown.contains("{{tableref:jimenez.speed}} of the supplement"), bundle.markdown)
        XCTAssertFalse(bundle.markdown.contains("sample-steps per second"), "no speed figures in the section's text")
        XCTAssertTrue(bundle.markdown.contains("0.500 %"), "300 of 60000 training images")
        let replicaSentence = ValueMarkers.strip(bundle.markdown).components(separatedBy: "of which the replicas run the first ").dropFirst().first ?? ""
        XCTAssertTrue(replicaSentence.hasPrefix("8"), "read from the curves: \(replicaSentence.prefix(80))")
        XCTAssertNotNil(bundle.tables["jimenez.lambda"])
        XCTAssertNotNil(bundle.tables["jimenez.training-time"])
        XCTAssertEqual(bundle.tables["jimenez.verdicts"]?.table.rows.count, 5)
        XCTAssertEqual(bundle.tables["jimenez.scale"]?.table.rows.count, 2)
        XCTAssertEqual(bundle.tables["jimenez.sensitivity"]?.table.rows.count, 2)
        XCTAssertEqual(bundle.claims, [ClaimRow(
            id: "jimenez.claim1", source: "Jiménez-González, Soriano & Lacasa (2025)",
            claim: "Training time is minimal where the largest Lyapunov exponent λ turns positive (the onset of transient chaos).",
            regime: "synthetic analogue, 300 training images, 4 learning rates", verdict: "reproduced", firstRuleVerdict: "reproduced",
            evidence: "tableref:jimenez.verdicts")])
        // Readable series names only: the code names stay in the tables' source lines.
        XCTAssertFalse(bundle.markdown.contains("tangent/late"), bundle.markdown)
        XCTAssertTrue(bundle.markdown.contains("does not move"))
        XCTAssertTrue(bundle.markdown.contains("becomes *inconclusive (no onset on the grid)* at δ = 0.5"), bundle.markdown)
        var prose = text
        while let open = prose.range(of: "{{"), let close = prose.range(of: "}}", range: open.upperBound..<prose.endIndex) {
            prose.replaceSubrange(open.lowerBound..<close.upperBound, with: "")
        }
        prose = prose.replacingOccurrences(of: "λ = 0", with: "").replacingOccurrences(of: "λ > 0", with: "")
        XCTAssertFalse(prose.contains { $0.isNumber }, "paper/sections/jimenez.md types a number")
    }

    /// Both figures render from the results with their captions.
    func testFiguresRender() throws {
        let results = try Self.results()
        for figure in JimenezFigure.allCases {
            let svg = try FigureDrawing(try figure.figure(results), caption: try figure.caption(results)).svg(provenance: "{}", resultsPath: "data/aggregate.h5", resultsSHA256: "0")
            XCTAssertTrue(try FigureDocument.caption(inSVG: svg, path: figure.rawValue).count > 100)
            // The caption's computed numbers carry their place in the results file.
            let (marked, sources) = try FigureDocument.sourcedCaption(inSVG: svg, path: figure.rawValue, keyPrefix: "figure:x/")
            XCTAssertEqual(ValueMarkers.strip(marked), try FigureDocument.caption(inSVG: svg, path: figure.rawValue))
            XCTAssertGreaterThanOrEqual(sources.count, 1, figure.rawValue)
            for (key, source) in sources {
                XCTAssertTrue(key.hasPrefix("figure:x//"), key)
                XCTAssertEqual(source.file, "data/aggregate.h5")
                XCTAssertEqual(source.sha256, "0")
                XCTAssertTrue(["/sweep", "/curves", "/training_time/threshold"].contains(source.part), source.part)
            }
        }
    }
}
