import Foundation
import Lyapunov
import NumericsCore
import XCTest

final class ValidationSuiteTests: XCTestCase {
    /// The theory rule (``ValidationSuite``) on every check: the target is t·SE + u_ref + 10⁻⁶
    /// (10⁻⁶ alone on the linear map), the hybrid estimator on maps of dimension ≥ 2 is biased
    /// by construction, every other check is passed or failed by its target; tangent, Benettin
    /// and the divergence fit pass. The first rule's fixed tolerances are all met (the values
    /// they were set from). The table is printed.
    func testTheoryRuleAndFirstRule() throws {
        let rows = try ValidationSuite().run()
        XCTAssertEqual(rows.count, 4 + 5 + 6 + 4 + 4)
        let t = ValidationSuite.criticalValue(checkCount: rows.count)
        XCTAssertEqual(t, 3.54, accuracy: 0.01, "Student t, 19 df, two-sided 0.05/23")
        for row in rows {
            print("| \(row.system) | \(row.estimator) | \(row.index) | \(row.estimate ?? .nan) | \(row.reference) | "
                + "\(row.standardError) | \(row.target) | \(row.outcome.rawValue) | \(row.firstRuleTolerance) |")
            XCTAssertTrue(row.firstRulePassed, "\(row.system) \(row.estimator) λ\(row.index)")
            let linear = row.system.hasPrefix("GD on ")
            let biased = row.estimator == .hybridWolfKantz && !row.system.hasPrefix("logistic")
            if biased {
                XCTAssertEqual(row.outcome, .biasedByConstruction)
            } else if linear {
                XCTAssertEqual(row.target, ValidationSuite.roundOffAllowance)
            } else {
                XCTAssertEqual(row.target, t * row.standardError + row.referenceUncertainty + ValidationSuite.roundOffAllowance)
            }
            if !biased {
                let within = row.status == .ok && abs(row.error ?? .infinity) <= row.target
                XCTAssertEqual(row.outcome, within ? .passed : .failed)
            }
            if row.estimator != .hybridWolfKantz {
                XCTAssertEqual(row.outcome, .passed, "\(row.system) \(row.estimator) λ\(row.index): \(row)")
            }
        }
    }

    /// On the linear map theory predicts the hybrid estimator's bias, (1/τ) ln c with
    /// c ≈ 0.375 in five dimensions; the measured error is within 15 % of it.
    func testHybridBiasOnTheLinearMapIsPredicted() throws {
        let hybrid = try ValidationSuite().run().filter { $0.system.hasPrefix("GD on ") && $0.estimator == .hybridWolfKantz }
        XCTAssertEqual(hybrid.count, 2)
        XCTAssertEqual(hybrid[0].predictedBias, -0.981 / 200, accuracy: 1e-5)
        XCTAssertEqual(hybrid[1].predictedBias, -0.981 / 35, accuracy: 1e-4)
        for row in hybrid {
            XCTAssertEqual(row.error!, row.predictedBias, accuracy: 0.15 * abs(row.predictedBias))
        }
    }

    /// The suite is deterministic: a second run gives identical rows, bit for bit (compared as
    /// text, since rows without a standard error hold NaN, which is unequal to itself).
    func testDeterministic() throws {
        XCTAssertEqual("\(try ValidationSuite(key: SeedKey(3)).run())", "\(try ValidationSuite(key: SeedKey(3)).run())")
    }
}
