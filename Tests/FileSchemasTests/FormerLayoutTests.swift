import Datasets
import EnsembleReplay
@testable import ExponentStage
import FileSchemas
import Foundation
import HDF5
import Networks
import NumericsCore
import Provenance
import StageKit
import TestSupport
@testable import TrainingStage
import XCTest

/// The writers through the schemas produce the datasets the former writers produced, value
/// for value, with the same element types, shapes, chunks and compression, the same names
/// and paths and the same attributes; only `dimensions`/`meaning` attributes may be added,
/// `meaning` texts corrected, the spectrum's axis renamed (it is the exponent index, not a
/// series) and the all-NaN sharpness group of a run without sharpness left out.
/// The former writers are kept below, verbatim but for their names, as the reference.
final class FormerLayoutTests: XCTestCase {
    static let sweepParameters = """
        {"network": {"hiddenActivations": ["tanh", "relu"], "hiddenWidths": [[3]], "outputActivation": "sigmoid", "loss": "bce",
                     "initialization": "pytorch-default"},
         "optimizer": {"name": "heavy-ball", "momentum": 0.5}, "batchSize": 4, "learningRates": [0.1, 0.3], "seedCount": 2, "steps": 12,
         "record": {"evaluationInterval": 4, "parameterInterval": 3, "trainingSet": true},
         "replicas": {"count": 2, "law": "uniform-weights", "size": 1e-8},
         "neighbours": {"start": 0, "spacing": 3, "times": 2, "perTime": 2, "standardDeviation": 1e-8}}
        """

    static func exponentParameters(sharpness: Int) -> String {
        """
        {"mode": "ensembles", "data": "data.h5", "ensembles": "ensembles.h5", "windows": {"early": [0, 4], "late": [6, 12]},
         "estimators": ["tangent", "benettin", "hybrid", "divergence-fit"], "spectrumCount": 2,
         "divergenceFit": {"fitStart": 0, "minimumLength": 3, "minimumRSquared": 0.5, "saturationMargin": 6.9},
         "sharpnessIterations": \(sharpness), "lossFallingThreshold": 0.001}
        """
    }

    static func parameters(_ text: String, _ schema: ParameterSchema, _ executable: String) throws -> Parameters {
        let json = try JSONValue.parse(Data(text.utf8), source: "test")
        return Parameters(try schema.resolve(json, path: "parameters", executable: executable), path: "parameters")
    }

    func testEnsemblesAndExponentsFilesKeepTheFormerDatasets() throws {
        let directory = TemporaryDirectory("former-layout")
        let sweep = try SweepSpecification(try Self.parameters(Self.sweepParameters, SweepSpecification.schema, "train-ensembles"))
        let seeds = SeedKey(2026)
        let data = NoisyXOR(sampleCount: 16, noise: 0.1).generate(key: seeds.derive("data"))
        let training = try Dataset(data, outputCount: 1), test = try Dataset(data, outputCount: 1)
        let configurations = sweep.configurations
        let architectures = try configurations.map { try sweep.architecture(for: $0, inputCount: 2, outputCount: 1) }
        let results = try zip(configurations, architectures).map {
            try TrainEnsembles.train($0, architecture: $1, sweep: sweep, seeds: seeds, training: training, test: test)
        }
        let writer = EnsembleFileWriter(
            sweep: sweep, configurations: configurations, architectures: architectures, sweepArchitectures: architectures, seeds: seeds)
        let newEnsembles = try HDF5File.create(directory.path + "/ensembles-new.h5")
        try writer.write(results, to: newEnsembles)
        try newEnsembles.close()
        let oldEnsembles = try HDF5File.create(directory.path + "/ensembles-old.h5")
        try FormerEnsembleFileWriter(writer: writer, sweep: sweep, configurations: configurations, architectures: architectures, seeds: seeds)
            .write(results, to: oldEnsembles)
        try oldEnsembles.close()
        // Added since: /replicas@steps (T_R, the steps the replicas ran; here all T).
        try assertSameDatasets(old: directory.path + "/ensembles-old.h5", new: directory.path + "/ensembles-new.h5",
                               addedAttributes: ["/replicas": ["steps"]])
        let newFile = try HDF5File.open(directory.path + "/ensembles-new.h5")
        XCTAssertEqual(try newFile.read(EnsemblesFile.Fields.replicaSteps), Int64(sweep.steps))
        try newFile.close()

        let ensemblesFile = try HDF5File.open(directory.path + "/ensembles-new.h5")
        let runs = try EnsembleRuns(file: ensemblesFile)
        try ensemblesFile.close()
        for sharpness in [0, 4] {
            let settings = try ExponentSettings(
                try Self.parameters(Self.exponentParameters(sharpness: sharpness), ExponentSettings.schema, "estimate-exponents"))
            let rows = try configurations.indices.map {
                try ConfigurationEstimates.compute(row: $0, ensembles: runs, training: training, settings: settings, keys: seeds.derive("estimators"))
            }
            let newPath = directory.path + "/exponents-new-\(sharpness).h5", oldPath = directory.path + "/exponents-old-\(sharpness).h5"
            let newFile = try HDF5File.create(newPath)
            try ExponentFileWriter(settings: settings, ensembles: runs).contents(rows).write(to: newFile, fallingThreshold: settings.fallingThreshold)
            try newFile.close()
            let oldFile = try HDF5File.create(oldPath)
            try FormerExponentFileWriter(settings: settings, ensembles: runs).write(rows, to: oldFile)
            try oldFile.close()
            try assertSameDatasets(old: oldPath, new: newPath, omittedGroups: sharpness == 0 ? ["/sharpness"] : [])
            // The exponents reader reads what the stage's writer wrote.
            let read = try ExponentsFile(path: newPath)
            XCTAssertEqual(read.estimate.map(\.bitPattern), rows.flatMap(\.values).map(\.bitPattern))
            XCTAssertEqual(read.sharpness == nil, sharpness == 0)
        }
    }

    /// Every dataset of `old` is in `new` with the same type, shape, storage and values
    /// (bit for bit), and the same attributes but for `dimensions`/`meaning` (added or
    /// corrected); `new` has no other dataset or attribute but the group attributes named in
    /// `addedAttributes` (group path → names). Datasets under `omittedGroups` must be all
    /// NaN in `old` and absent from `new`.
    func assertSameDatasets(
        old: String, new: String, omittedGroups: [String] = [], addedAttributes: [String: Set<String>] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let a = try HDF5File.open(old), b = try HDF5File.open(new)
        defer { try? a.close(); try? b.close() }
        let annotations: Set<String> = ["dimensions", "meaning"]
        func compare(_ x: HDF5Group, _ y: HDF5Group) throws {
            let xAttributes = try x.attributeNames()
            let yAttributes = try y.attributeNames().filter { !(addedAttributes[y.path] ?? []).contains($0) }
            XCTAssertEqual(xAttributes, yAttributes, "attributes of \(x.path)", file: file, line: line)
            for name in xAttributes where yAttributes.contains(name) {
                XCTAssertEqual(try x.attribute(name), try y.attribute(name), "\(x.path)@\(name)", file: file, line: line)
            }
            let members = try x.memberNames().filter { !omittedGroups.contains(x.path == "/" ? "/" + $0 : x.path + "/" + $0) }
            XCTAssertEqual(members, try y.memberNames(), "members of \(x.path)", file: file, line: line)
            for name in members {
                guard try x.isDataset(name) else {
                    try compare(try x.openGroup(name), try y.openGroup(name))
                    continue
                }
                let d = try x.dataset(name)
                let e = try y.dataset(name)
                XCTAssertEqual(d.elementType, e.elementType, d.path, file: file, line: line)
                XCTAssertEqual(d.shape, e.shape, d.path, file: file, line: line)
                XCTAssertEqual(d.chunkShape, e.chunkShape, d.path, file: file, line: line)
                XCTAssertEqual(d.deflateLevel, e.deflateLevel, d.path, file: file, line: line)
                switch d.elementType {
                case .float64?: XCTAssertEqual(try d.read(as: Double.self).values.map(\.bitPattern), try e.read(as: Double.self).values.map(\.bitPattern), d.path, file: file, line: line)
                case .int64?: XCTAssertEqual(try d.read(as: Int64.self).values, try e.read(as: Int64.self).values, d.path, file: file, line: line)
                case .string?: XCTAssertEqual(try d.readStrings().values, try e.readStrings().values, d.path, file: file, line: line)
                default: XCTFail("\(d.path) has type \(d.storedTypeDescription)", file: file, line: line)
                }
                let dAttributes = try d.attributeNames(), eAttributes = try e.attributeNames()
                XCTAssertEqual(Set(dAttributes).subtracting(annotations), Set(eAttributes).subtracting(annotations), d.path, file: file, line: line)
                XCTAssertTrue(annotations.isSubset(of: Set(eAttributes)), "\(d.path) lacks dimensions or meaning", file: file, line: line)
                for name in dAttributes where name != "meaning" {
                    // The one relabelled axis: the spectrum's columns are exponents, not series.
                    let expected = d.path == "/spectrum/tangent_late" && name == "dimensions" ? .strings(["configuration", "exponent"]) : try d.attribute(name)
                    XCTAssertEqual(try e.attribute(name), expected, "\(d.path)@\(name)", file: file, line: line)
                }
            }
        }
        try compare(try a.root, try b.root)
        for path in omittedGroups {
            let group = try a.root.openGroup(String(path.dropFirst()))
            for name in try group.memberNames() where try group.dataset(name).elementType == .float64 {
                XCTAssertTrue(try group.readDataset(name, as: Double.self).values.allSatisfy(\.isNaN), "\(path)/\(name) held numbers", file: file, line: line)
            }
        }
    }
}
