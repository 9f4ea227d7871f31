import FileSchemas
import Foundation
import HDF5
import Provenance
import TestSupport
import XCTest

/// Replicas that stop early (`replicas.steps`) and neighbours spawned only inside stated
/// ranges (`neighbours.within`) on the real executables: the ensembles file says what ran,
/// and an exponents stage whose fit or window needs what did not run stops with a message
/// that names the parameter to change.
final class ReplicaAndNeighbourRangeTests: XCTestCase {
    let real = try! RealPipeline()

    /// generate-xor, then E2/E3 learning-regime ensembles at smoke size (200 steps,
    /// neighbours within [0, 50] and [150, 200]) with replicas run for 40 steps, then an
    /// exponents stage with `exponentChanges`.
    func project(_ label: String, exponentChanges: JSONValue) throws -> TemporaryDirectory {
        var stages: [String: JSONValue] = [:]
        stages["xor"] = real.stage("generate-xor", inputs: [], outputs: ["data/xor.h5"])
        stages["ensembles"] = real.stage(
            "mittra-e23-learning-ensembles", inputs: ["data/xor.h5"], outputs: ["ensembles.h5"],
            changes: .object([
                "network": .object(["hiddenActivations": .array([.string("sigmoid")])]), "seedCount": .int(2),
                "replicas": .object(["steps": .int(40)]),
            ]))
        stages["exponents"] = real.stage(
            "mittra-e23-learning-exponents", inputs: ["data/xor.h5", "ensembles.h5"], outputs: ["exponents.h5"],
            changes: JSONValue.merged(.object(["ensembles": .string("ensembles.h5")]), exponentChanges))
        return try real.run(stages, label: label)
    }

    static let windowedFit = JSONValue.object([
        "estimators": .array([.string("hybrid"), .string("divergence-fit")]),
        "divergenceFit": .object([
            "fitStart": .int(1), "minimumLength": .int(3), "selection": .string("best-r-squared"), "maximumLength": .int(20),
        ]),
    ])

    func testShortReplicasAndRangedNeighboursAreRecordedAndEstimated() throws {
        let directory = try project("replica-ranges", exponentChanges: Self.windowedFit)
        defer { withExtendedLifetime(directory) {} }
        let root = directory.path
        let ensembles = try HDF5File.open(root + "/ensembles.h5")
        XCTAssertEqual(try ensembles.read(EnsemblesFile.Fields.replicaSteps), 40)
        XCTAssertEqual(try ensembles.read(EnsemblesFile.Fields.distanceL1).shape, [2, 4, 41])
        XCTAssertEqual(try ensembles.read(EnsemblesFile.Fields.trainingLoss).shape, [2, 201], "the reference ran all 200 steps")
        XCTAssertEqual(try ensembles.read(EnsemblesFile.Fields.neighbourSteps).values, [0, 25, 150, 175])
        let exponents = try ExponentsFile(path: root + "/exponents.h5")
        XCTAssertEqual(exponents.series, ["hybrid/early", "hybrid/late", "divergence-fit/auto"])
        XCTAssertTrue(exponents.estimate.allSatisfy(\.isFinite), "\(exponents.estimate)")
    }

    func testAFitThatReadsPastTheReplicasIsRefusedNamingTheParameter() throws {
        // The default selection (longest below saturation) reads the whole run.
        let changes = JSONValue.object(["estimators": .array([.string("divergence-fit")])])
        XCTAssertThrowsError(try project("replica-too-short", exponentChanges: changes)) { error in
            XCTAssertTrue("\(error)".contains("ran only 40 of its 200 steps"), "\(error)")
            XCTAssertTrue("\(error)".contains("raise replicas.steps"), "\(error)")
        }
    }

    func testAHybridWindowOutsideTheNeighbourRangesIsRefusedNamingTheParameter() throws {
        let changes = JSONValue.merged(Self.windowedFit, .object([
            "windows": .object(["early": .array([.int(0), .int(50)]), "late": .array([.int(100), .int(150)])]),
        ]))
        XCTAssertThrowsError(try project("neighbours-outside", exponentChanges: changes)) { error in
            XCTAssertTrue("\(error)".contains("window [100, 150) is not covered"), "\(error)")
            XCTAssertTrue("\(error)".contains("widen neighbours.within"), "\(error)")
        }
    }
}
