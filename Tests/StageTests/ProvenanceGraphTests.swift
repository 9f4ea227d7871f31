import Foundation
import HDF5
import Pipeline
import Provenance
import StageKit
import TestSupport
import XCTest

/// Provenance as a graph on a synthetic chain of 21 stages (`s00` reads a source file,
/// each later stage the previous stage's file), each run in process through
/// ``StageContext`` as a stage executable would, and recorded in `pipeline.lock` as the
/// runner records it. Each file carries only its own record; `pipeline provenance` walks
/// the files, or the lock where a file is absent or differs.
final class ProvenanceGraphTests: XCTestCase {
    static let depth = 21
    static let source = "source/start.txt"
    static let seed = SeedRecord(path: "e/chain", value: 42)

    var project: TemporaryDirectory!

    static func stage(_ index: Int) -> String { String(format: "s%02d", index) }
    static func output(_ index: Int) -> String { "data/\(stage(index)).h5" }

    var layout: ProjectLayout {
        ProjectLayout(projectRoot: project.path, packageRoot: TestLocations.packageRoot, binDirectory: TestLocations.binDirectory)
    }

    override func setUpWithError() throws {
        project = TemporaryDirectory("chain")
        var stages: [String: JSONValue] = [:]
        for index in 0..<Self.depth {
            stages[Self.stage(index)] = .object([
                "executable": .string("generate-data"),
                "inputs": .array([.string(index == 0 ? Self.source : Self.output(index - 1))]),
                "outputs": .array([.string(Self.output(index))]),
                "parameters": .object(["link": .int(Int64(index))]),
                "seeds": .object(index == 0 ? ["data": .string(Self.seed.path)] : [:]),
            ])
        }
        let spec: JSONValue = .object([
            "formatVersion": .int(1), "profiles": .object(["default": .object(["root": .string(".")])]),
            "experiments": .object(["e": .object(["rootSeed": .int(7)])]), "stages": .object(stages),
        ])
        try project.write("pipeline.json", spec.prettyText)
        try project.write(Self.source, "the chain starts here\n")
        var manifest = Manifest(profile: "default")
        for index in 0..<Self.depth {
            manifest.stages[Self.stage(index)] = try run(index)
        }
        try manifest.save(to: project.path + "/pipeline.lock")
    }

    /// Runs stage `index` in process (its file holds only the root attributes a stage
    /// stamps) and returns its manifest record.
    func run(_ index: Int) throws -> StageRecord {
        let input = index == 0 ? Self.source : Self.output(index - 1)
        let inputHash = try ContentHash.sha256(fileAt: project.path + "/" + input)
        let output = Self.output(index)
        let code = CodeIdentity(sha256: String(repeating: "c", count: 64), targets: ["DataStage"], fileCount: 1)
        let seeds = index == 0 ? ["data": Self.seed] : [:]
        let invocation = StageInvocation(
            stage: Self.stage(index), executable: "generate-data", profile: "default", parameters: .object(["link": .int(Int64(index))]),
            seeds: seeds, inputs: [.init(declaredPath: input, path: project.path + "/" + input, sha256: inputHash)],
            outputs: [.init(declaredPath: output, path: project.path + "/" + output, temporaryPath: project.path + "/" + output + ".tmp")],
            code: code, threads: 1, quiet: true, reportPath: project.path + "/report.json")
        try FileManager.default.createDirectory(atPath: project.path + "/data", withIntermediateDirectories: true)
        try StageContext(invocation: invocation).createOutputFile(output).close()
        try AtomicFile.move(project.path + "/" + output + ".tmp", to: project.path + "/" + output)
        return StageRecord(
            executable: "generate-data", parameters: invocation.parameters, seeds: seeds, inputs: [input: inputHash],
            outputs: [output: try ContentHash.sha256(fileAt: project.path + "/" + output)], code: code,
            git: GitState(commit: String(repeating: "0", count: 40), dirty: false), environment: [:])
    }

    func lineage() throws -> Lineage {
        try Lineage.of(path: project.path + "/" + Self.output(Self.depth - 1), layout: layout, readRecord: EmbeddedProvenance.record(path:))
    }

    /// The embedded record of the last file is as small as the second's (only the
    /// parameter's digit count differs), yet the walk reaches the first stage's seed and
    /// the source file, each stage once, upstream first, every record read from its file.
    func testEmbeddedRecordIsBoundedWhileTheWalkReachesTheSeeds() throws {
        let sizes = try (0..<Self.depth).map { index -> Int in
            let file = try HDF5File.open(project.path + "/" + Self.output(index))
            defer { try? file.close() }
            guard case .string(let text) = try file.root.attribute("provenance") else {
                XCTFail("\(Self.output(index)) has no provenance attribute")
                return 0
            }
            return text.utf8.count
        }
        let later = sizes.dropFirst()
        XCTAssertLessThanOrEqual(later.max()! - later.min()!, 1, "record sizes grow with depth: \(sizes)")
        XCTAssertLessThan(sizes.last!, 1_000)
        let record = try XCTUnwrap(try EmbeddedProvenance.record(path: project.path + "/" + Self.output(Self.depth - 1)))
        XCTAssertEqual(record.inputs, [.init(path: Self.output(Self.depth - 2), sha256: record.inputs.first?.sha256 ?? "", stage: Self.stage(Self.depth - 2))])

        let lineage = try lineage()
        XCTAssertEqual(lineage.stage, Self.stage(Self.depth - 1))
        XCTAssertEqual(lineage.graph.stages.map(\.stage), (0..<Self.depth).map(Self.stage))
        for (index, node) in lineage.graph.stages.enumerated() {
            XCTAssertEqual(node.origin, .embedded(file: Self.output(index)))
        }
        XCTAssertEqual(lineage.graph.stages.first?.record?.seeds["data"], Self.seed)
        let sourceHash = try ContentHash.sha256(fileAt: project.path + "/" + Self.source)
        XCTAssertEqual(lineage.graph.sources, [.init(path: Self.source, sha256: sourceHash, stage: nil)])
        let text = lineage.text()
        XCTAssertTrue(text.contains("seed data = 42 (derived: e/chain)"), text)
        XCTAssertEqual(text.components(separatedBy: "\nstage 's00'").count - 1, 1, text)
        let json = lineage.json()
        guard case .array(let nodes)? = json["nodes"], case .array(let edges)? = json["edges"] else { return XCTFail("no nodes or edges") }
        XCTAssertEqual(nodes.count, Self.depth + 1, "each stage and the source file")
        XCTAssertEqual(edges.count, Self.depth + 1, "each file once, the last to the file asked about")
        XCTAssertTrue(edges.contains(.object([
            "from": .string("file:" + Self.source), "to": .string("stage:s00"), "path": .string(Self.source), "sha256": .string(sourceHash),
        ])))
    }

    /// A deleted file's stage is read from pipeline.lock, and the walk goes on upstream
    /// through the files; a file that differs from what its reader read falls back too.
    func testDeletedOrModifiedFileIsReadFromTheLock() throws {
        try FileManager.default.removeItem(atPath: project.path + "/" + Self.output(10))
        try project.write(Self.output(5), "not the file s06 read")
        let lineage = try lineage()
        XCTAssertEqual(lineage.graph.stages.map(\.stage), (0..<Self.depth).map(Self.stage))
        XCTAssertEqual(lineage.graph.node("s10")?.origin, .lock(reason: "data/s10.h5 is absent"))
        guard case .lock(let reason)? = lineage.graph.node("s05")?.origin else { return XCTFail("s05 not from the lock") }
        XCTAssertTrue(reason.hasPrefix("data/s05.h5 differs from the file that was read"), reason)
        XCTAssertEqual(lineage.graph.node("s09")?.origin, .embedded(file: "data/s09.h5"))
        XCTAssertEqual(lineage.graph.node("s00")?.record?.seeds["data"], Self.seed)
        let text = lineage.text()
        XCTAssertTrue(text.contains("stage 's10'  [from pipeline.lock (data/s10.h5 is absent)]"), text)
        XCTAssertTrue(text.contains("stage 's09'  [embedded in the file data/s09.h5]"), text)
    }

    /// A source file edited since the chain read it is flagged, with its hash now.
    func testModifiedSourceFileIsFlagged() throws {
        try project.write(Self.source, "edited\n")
        let now = try ContentHash.sha256(fileAt: project.path + "/" + Self.source)
        let lineage = try lineage()
        XCTAssertEqual(lineage.currentSourceSHA256[Self.source], now)
        XCTAssertTrue(lineage.text().contains("\(Self.source)  sha256 \(lineage.graph.sources[0].sha256)  (MODIFIED since recorded: now \(now.prefix(12))…)"), lineage.text())
    }

    /// Without the file and without its stage in the lock, the stage is reported missing
    /// and the walk stops there.
    func testFileAbsentFromDiskAndLockIsMissing() throws {
        try FileManager.default.removeItem(atPath: project.path + "/" + Self.output(10))
        var manifest = try Manifest.load(from: project.path + "/pipeline.lock", profile: "default")
        manifest.stages["s10"] = nil
        try manifest.save(to: project.path + "/pipeline.lock")
        let lineage = try lineage()
        XCTAssertEqual(lineage.graph.stages.map(\.stage), (10..<Self.depth).map(Self.stage))
        XCTAssertEqual(
            lineage.graph.node("s10")?.origin,
            .missing(reason: "data/s10.h5 is absent, and pipeline.lock names no stage that writes it"))
        XCTAssertTrue(lineage.text().contains("stage 's10'  [missing: data/s10.h5 is absent"), lineage.text())
    }
}
