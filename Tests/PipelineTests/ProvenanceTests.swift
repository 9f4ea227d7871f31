import Foundation
import Provenance
import TestSupport
import XCTest

final class ProvenanceTests: XCTestCase {
    func testCanonicalJSONSortsKeysAndIsStable() throws {
        let value = try JSONValue.parse(Data(#"{"b": [1, 2.5, "x\n"], "a": {"d": null, "c": true}}"#.utf8), source: "t")
        XCTAssertEqual(value.canonicalText, #"{"a":{"c":true,"d":null},"b":[1,2.5,"x\n"]}"#)
        XCTAssertEqual(try JSONValue.parse(Data(value.canonicalText.utf8), source: "t"), value)
    }

    func testManifestKeyOrderIsPinned() throws {
        var manifest = Manifest(profile: "default")
        manifest.stages["z-stage"] = StageRecord(
            executable: "x", parameters: .object(["b": .int(1), "a": .double(0.5)]),
            seeds: ["s": SeedRecord(path: "e/s", value: 7)], inputs: ["in.h5": "11"], outputs: ["out.h5": "22"],
            code: CodeIdentity(sha256: "33", targets: ["T"], fileCount: 2), git: GitState(commit: "c", dirty: false),
            environment: ["os": "Debian"])
        let text = String(decoding: try manifest.encoded(), as: UTF8.self)
        XCTAssertFalse(text.contains("runLog"), "times live in the run log file, never in the lock")
        let keys = ["\"formatVersion\"", "\"profile\"", "\"stages\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted(), "top-level keys in sorted order")
        XCTAssertTrue(text.contains("\"a\" : 0.5"), text)
        XCTAssertLessThan(text.range(of: "\"code\"")!.lowerBound, text.range(of: "\"environment\"")!.lowerBound)
        XCTAssertTrue(text.hasSuffix("}\n"))
        let directory = TemporaryDirectory("manifest")
        try manifest.save(to: directory.path + "/pipeline.lock")
        XCTAssertEqual(try Manifest.load(from: directory.path + "/pipeline.lock", profile: "default"), manifest)
    }

    func testMalformedManifestSaysHowToRecover() throws {
        let directory = TemporaryDirectory("manifest")
        try directory.write("pipeline.lock", "{\"formatVersion\": 99, \"profile\": \"x\", \"stages\": {}, \"runLog\": {}}")
        XCTAssertThrowsError(try Manifest.load(from: directory.path + "/pipeline.lock", profile: "x")) { error in
            XCTAssertTrue("\(error)".contains("format version 99"), "\(error)")
            XCTAssertTrue("\(error)".contains("git checkout"), "\(error)")
        }
    }

    func testSHA256OfKnownText() throws {
        XCTAssertEqual(ContentHash.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let directory = TemporaryDirectory("hash")
        try directory.write("f.txt", "abc")
        XCTAssertEqual(try ContentHash.sha256(fileAt: directory.path + "/f.txt"), ContentHash.sha256("abc"))
        let cache = HashCache(cachePath: directory.path + "/cache.json")
        XCTAssertEqual(try cache.sha256(of: directory.path + "/f.txt"), ContentHash.sha256("abc"))
        try directory.write("f.txt", "abcd")
        XCTAssertEqual(try cache.sha256(of: directory.path + "/f.txt"), ContentHash.sha256("abcd"), "a changed file is re-hashed")
    }

    /// Code identity covers the executable's target, its package dependencies and
    /// Package.swift, and nothing else.
    func testCodeIdentityFollowsTheTargetGraph() throws {
        let directory = TemporaryDirectory("code")
        for file in ["Package.swift", "Sources/Train/a.swift", "Sources/Numerics/b.swift", "Sources/Plot/c.swift", "Sources/TrainCLI/main.swift"] {
            try directory.write(file, "// \(file)\n")
        }
        let graph = PackageGraph(
            targets: [
                "TrainCLI": .init(name: "TrainCLI", path: "Sources/TrainCLI", dependencies: ["Train"]),
                "Train": .init(name: "Train", path: "Sources/Train", dependencies: ["Numerics"]),
                "Numerics": .init(name: "Numerics", path: "Sources/Numerics", dependencies: []),
                "Plot": .init(name: "Plot", path: "Sources/Plot", dependencies: []),
            ], executables: ["train": "TrainCLI"])
        func identity() throws -> CodeIdentity {
            try CodeIdentity.of(executable: "train", graph: graph, packageRoot: directory.path, hashes: HashCache(cachePath: nil))
        }
        let original = try identity()
        XCTAssertEqual(original.targets, ["Numerics", "Train", "TrainCLI"])
        XCTAssertEqual(original.fileCount, 6, "three sources and three target entries of the package description")
        try directory.write("Sources/Plot/c.swift", "// changed plotting\n")
        XCTAssertEqual(try identity(), original, "plotting is not part of training's code")
        try directory.write("Sources/Numerics/b.swift", "// changed numerics\n")
        let afterNumerics = try identity()
        XCTAssertNotEqual(afterNumerics, original, "a dependency's change changes the identity")
        try directory.write("Package.swift", "// changed manifest\n")
        XCTAssertEqual(try identity(), afterNumerics, "the manifest file's bytes do not enter (CodeIdentityTests)")
        XCTAssertThrowsError(try CodeIdentity.of(executable: "nope", graph: graph, packageRoot: directory.path, hashes: HashCache(cachePath: nil)))
    }

    func testPackageDumpParsing() throws {
        let dump = #"""
            {"targets": [
              {"name": "CLI", "type": "executable", "dependencies": [{"target": ["Lib", null]}, {"product": ["ArgumentParser", "swift-argument-parser", null, null]}]},
              {"name": "Lib", "type": "regular", "dependencies": [{"byName": ["Core", null]}]},
              {"name": "Core", "type": "regular", "path": "Sources/CoreDir", "dependencies": []},
              {"name": "LibTests", "type": "test", "dependencies": [{"byName": ["Lib", null]}]}],
             "products": [{"name": "tool", "type": {"executable": null}, "targets": ["CLI"]}]}
            """#
        let graph = try PackageGraph.parse(dump: Data(dump.utf8))
        XCTAssertEqual(graph.executables, ["tool": "CLI"])
        XCTAssertEqual(try graph.closure(ofExecutable: "tool").map(\.name), ["CLI", "Core", "Lib"])
        XCTAssertEqual(graph.targets["Core"]?.path, "Sources/CoreDir")
    }

    func testAtomicWriteReplacesWholeFiles() throws {
        let directory = TemporaryDirectory("atomic")
        let path = directory.path + "/nested/file.txt"
        try AtomicFile.write(Data("one".utf8), to: path)
        try AtomicFile.write(Data("two".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/nested")
        XCTAssertEqual(leftovers, ["file.txt"], "no temporary file left behind")
    }
}
