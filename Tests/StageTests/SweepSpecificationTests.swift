import EnsembleReplay
import Foundation
import Provenance
import StageKit
import NumericsCore
import TrainingStage
import XCTest

final class SweepSpecificationTests: XCTestCase {
    static let base = #"""
        {"network": {"hiddenActivations": ["sigmoid", "relu"], "hiddenWidths": [[4], [8]], "outputActivation": "sigmoid",
                     "loss": "mse", "initialization": "pytorch-default"},
         "optimizer": {"name": "gd"}, "learningRates": {"logGrid": {"from": 0.01, "to": 100, "count": 5}},
         "seedCount": 3, "steps": 100, "record": {"evaluationInterval": 10, "parameterInterval": 10},
         "replicas": {"count": 2, "law": "gaussian", "size": 1e-6}
        """#

    /// Resolves the parameters against the declaration, as `pipeline run` does, then reads them.
    func sweep(_ extra: String = "", base: String = SweepSpecificationTests.base) throws -> SweepSpecification {
        let raw = try JSONValue.parse(Data((base + extra + "}").utf8), source: "t")
        let resolved = try SweepSpecification.schema.resolve(raw, path: "stages.t.parameters", executable: "train-ensembles")
        return try SweepSpecification(Parameters(resolved, path: "stages.t.parameters"))
    }

    func testUnknownAndMistypedParametersAreRefusedWithTheirPath() {
        let misspelt = Self.base.replacingOccurrences(of: #"{"name": "gd"}"#, with: #"{"name": "heavy-ball", "momentun": 0.9}"#)
        XCTAssertThrowsError(try sweep(base: misspelt)) { error in
            XCTAssertTrue("\(error)".contains("stages.t.parameters.optimizer.momentun is not a parameter of train-ensembles"), "\(error)")
            XCTAssertTrue("\(error)".contains("known here:"), "\(error)")
        }
        XCTAssertThrowsError(try sweep(base: Self.base.replacingOccurrences(of: #""steps": 100"#, with: #""steps": "many""#))) { error in
            XCTAssertTrue("\(error)".contains("must be an integer"), "\(error)")
        }
    }

    func testDefaultsAreWrittenIntoTheResolvedParameters() throws {
        let raw = try JSONValue.parse(Data((Self.base + "}").utf8), source: "t")
        let resolved = try SweepSpecification.schema.resolve(raw, path: "p", executable: "train-ensembles")
        XCTAssertEqual(resolved["divergenceBound"], .double(1e6))
        XCTAssertEqual(resolved["batchSize"], .int(0))
        XCTAssertEqual(resolved["record"]?["trainingSet"], .bool(false))
        XCTAssertNil(resolved["neighbours"], "an optional key without a default stays absent")
    }

    func testDeepNetworksAndKeysOfOneHiddenLayerStayAsBefore() throws {
        let deep = try sweep().configurations[0]
        XCTAssertEqual(deep.hiddenWidths, [4])
        // One hidden layer: the key is label/width/w/seed/s, as before generic layer lists.
        let seeds = SeedKey(42)
        XCTAssertEqual(deep.key(seeds, "init"),
                       seeds.derive("init").derive("width", 4).derive("seed", deep.seedIndex))
        let architecture = try sweep().architecture(
            for: SweepConfiguration(index: 0, activation: .tanh, hiddenWidths: [64], learningRate: 1, seedIndex: 0),
            inputCount: 784, outputCount: 10)
        XCTAssertEqual(architecture.parameterCount, 50_890, "784·64 + 64 + 64·10 + 10")
    }

    /// A seed offset o trains seeds o…o+n−1 with the same keys as a sweep over all seeds,
    /// and numbers its configurations from o·2^24, so the two sweeps' files merge by index.
    /// Offset 0 (the default) leaves every index as it was.
    func testSeedOffsetExtendsASweepWithoutIndexCollisions() throws {
        let first = try sweep().configurations
        XCTAssertEqual(first.map(\.index), Array(0..<first.count), "offset 0: the position in the sweep")
        XCTAssertEqual(try sweep(#", "seedOffset": 0"#).configurations.map(\.index), first.map(\.index))
        func partOfGrid(_ floor: Int) -> String {
            Self.base.replacingOccurrences(of: #""count": 5}}"#, with: #""count": 5, "atLeast": \#(floor)}}"#)
        }
        let more = try sweep(#", "seedOffset": 3"#, base: partOfGrid(10))
        XCTAssertEqual(more.learningRates, Array(try sweep().learningRates.suffix(2)), "the same doubles as the whole grid")
        let second = more.configurations
        XCTAssertEqual(second.count, 2 * 2 * 2 * 3)
        XCTAssertEqual(Set(second.map(\.seedIndex)), [3, 4, 5])
        XCTAssertEqual(second.first?.index, 3 * SweepSpecification.indexStride)
        XCTAssertTrue(Set(first.map(\.index)).isDisjoint(with: second.map(\.index)))
        // Seed s has the same keys in both sweeps: the extension is paired with the base.
        let seeds = SeedKey(7)
        let extended = try sweep(base: Self.base.replacingOccurrences(of: #""seedCount": 3"#, with: #""seedCount": 6"#)).configurations.first { $0.seedIndex == 3 }!
        XCTAssertEqual(second[0].key(seeds, "init"), extended.key(seeds, "init"))
        XCTAssertThrowsError(try sweep(base: partOfGrid(1000)))
    }

    func testLogGridIsExactDecades() throws {
        let rates = try sweep().learningRates
        for (rate, expected) in zip(rates, [0.01, 0.1, 1, 10, 100]) {
            XCTAssertEqual(rate, expected, accuracy: 1e-12 * expected)
        }
    }

    func testConfigurationOrderAndShardsPartitionTheSweep() throws {
        let all = try sweep().configurations
        XCTAssertEqual(all.count, 2 * 2 * 5 * 3)
        XCTAssertEqual(all.map(\.index), Array(0..<60))
        XCTAssertEqual(all[0].activation.rawValue, "sigmoid")
        XCTAssertEqual(all[3].learningRate, all[0].learningRate * 10, accuracy: 1e-12, "seed varies fastest, then η")
        var union: [Int] = []
        for shard in 0..<3 {
            let part = try sweep(#", "shard": {"index": \#(shard), "count": 3}"#).configurations
            XCTAssertTrue(part.allSatisfy { $0.index % 3 == shard })
            union += part.map(\.index)
        }
        XCTAssertEqual(union.sorted(), Array(0..<60), "shards are disjoint and cover the sweep")
    }

    func testBadParametersNameTheirPath() {
        XCTAssertThrowsError(try sweep(#", "neighbours": {"start": 0, "spacing": 30, "times": 4, "perTime": 2, "standardDeviation": 1e-4}"#)) { error in
            XCTAssertTrue("\(error)".contains("stages.t.parameters.neighbours"), "\(error)")
        }
        XCTAssertThrowsError(try sweep(#", "shard": {"index": 3, "count": 3}"#))
    }

    /// `replicas.steps` (default T) and `neighbours.within` are read, and refused with
    /// their path when they cannot hold: replicas longer than the reference, a range [a, b]
    /// with a > b or not a pair.
    func testReplicaStepsAndNeighbourRanges() throws {
        XCTAssertEqual(try sweep().replicaSteps, 100, "default: as long as the reference")
        let short = Self.base.replacingOccurrences(of: #""size": 1e-6}"#, with: #""size": 1e-6, "steps": 40}"#)
        XCTAssertEqual(try sweep(base: short).replicaSteps, 40)
        let long = Self.base.replacingOccurrences(of: #""size": 1e-6}"#, with: #""size": 1e-6, "steps": 101}"#)
        XCTAssertThrowsError(try sweep(base: long)) { error in
            XCTAssertTrue("\(error)".contains("stages.t.parameters.replicas.steps"), "\(error)")
        }
        let plan = #", "neighbours": {"start": 0, "spacing": 10, "times": 9, "perTime": 2, "standardDeviation": 1e-4"#
        XCTAssertEqual(try sweep(plan + "}").neighbours?.within, [])
        XCTAssertEqual(try sweep(plan + #", "within": [[0, 30], [70, 100]]}"#).neighbours?.within, [0...30, 70...100])
        for bad in [#"[[30, 0]]"#, #"[[0, 10, 20]]"#] {
            XCTAssertThrowsError(try sweep(plan + #", "within": "# + bad + "}")) { error in
                XCTAssertTrue("\(error)".contains("stages.t.parameters.neighbours.within[0]"), "\(error)")
            }
        }
    }
}
