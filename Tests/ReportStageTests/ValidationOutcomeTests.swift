@testable import PaperStage
import XCTest

/// The paper's side of the estimator checks (docs/PROTOCOL.md §1.8): it shows the outcome that
/// `validate-estimators` stored, never re-judges it, and refuses a file it cannot read.
final class ValidationOutcomeTests: XCTestCase {
    func row(outcome: ValidationOutcome, predictedBias: Double = .nan, error: Double = 0.0049) -> EstimatorValidation.Row {
        EstimatorValidation.Row(
            system: "GD on ½wᵀAw, a=(0.25,1,2,3,4), η=0.3", estimator: "hybrid", index: 1,
            estimate: -0.0779615 - error, reference: -0.0779615, unit: "nats/step", status: "ok",
            standardError: .nan, target: .nan, predictedBias: predictedBias, outcome: outcome,
            firstRuleTolerance: 0.00981, firstRulePassed: true)
    }

    /// A biased check shows its predicted bias and its signed error, or says the size is not derived.
    func testBiasedCheckShowsPredictionAndError() {
        XCTAssertEqual(
            ValidationTable.outcomeText(row(outcome: .biasedByConstruction, predictedBias: -0.004905)),
            "biased by construction (predicted bias −0.004905, error −0.004900)")
        XCTAssertEqual(ValidationTable.outcomeText(row(outcome: .biasedByConstruction)), "biased by construction (size not derived)")
        XCTAssertEqual(ValidationTable.outcomeText(row(outcome: .failed)), "failed")
        var stopped = row(outcome: .failed)
        stopped.status = "no-linear-window"
        XCTAssertEqual(ValidationTable.outcomeText(stopped), "failed (status no-linear-window)")
    }

    /// The stored outcomes are read as stored (the synthetic file has one of each), with the
    /// first rule's outcome beside them.
    func testReadsStoredOutcomes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validation-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/validation.h5"
        try SyntheticMittraResults().writeValidation(path: path)
        let validation = try EstimatorValidation.read(path: path)
        XCTAssertEqual(validation.rows.map(\.outcome), [.passed, .passed, .passed, .passed, .biasedByConstruction, .failed])
        XCTAssertEqual(validation.rows.map(\.firstRulePassed), [true, true, true, true, false, false])
        XCTAssertEqual(validation.criticalValue, 3.5427)
        XCTAssertEqual(validation.rows[4].predictedBias, -0.0049)
    }

    /// An outcome the paper does not know is an error that names the dataset and the fix.
    func testUnknownOutcomeIsRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("validation-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/validation.h5"
        try SyntheticMittraResults().writeValidation(
            path: path, outcomes: ["passed", "passed", "passed", "passed", "passed", "maybe"])
        XCTAssertThrowsError(try EstimatorValidation.read(path: path)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("outcome") && message.contains("maybe") && message.contains("validate-estimators"), message)
        }
    }
}
