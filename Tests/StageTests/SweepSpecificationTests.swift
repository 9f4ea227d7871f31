import Foundation
import Provenance
import StageKit
import TrainingStage
import XCTest

final class SweepSpecificationTests: XCTestCase {
    func sweep(_ extra: String = "") throws -> SweepSpecification {
        let text = #"""
            {"network": {"inputs": 2, "hiddenActivations": ["sigmoid", "relu"], "widths": [4, 8], "outputActivation": "sigmoid",
                         "loss": "mse", "initialization": "pytorch-default"},
             "optimizer": {"kind": "full-batch-gd"}, "learningRates": {"logGrid": {"from": 0.01, "to": 100, "count": 5}},
             "seedCount": 3, "steps": 100, "recordInterval": 10, "replicas": {"count": 2, "law": "gaussian", "size": 1e-6}
            """# + extra + "}"
        return try SweepSpecification(Parameters(try JSONValue.parse(Data(text.utf8), source: "t"), path: "stages.t.parameters"))
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
}
