import Foundation
import Provenance
import TestSupport
import XCTest

/// Code identity covers what an executable is built from — its targets' entries in the
/// package description and their sources — and nothing else (issue "experiments as
/// modules", item 4). Both directions are tested on a small synthetic package.
final class CodeIdentityTests: XCTestCase {
    var package: TemporaryDirectory!

    override func setUpWithError() throws {
        package = TemporaryDirectory("identity")
        for (target, file) in [("Engine", "Engine.swift"), ("Mittra", "Mittra.swift"), ("Other", "Other.swift"),
                               ("MittraCLI", "main.swift"), ("OtherCLI", "main.swift")] {
            try package.write("Sources/\(target)/\(file)", "// \(target)\n")
        }
    }

    /// A dump in the shape `swift package dump-package` prints.
    func graph(mittraFlags: [String] = [], extraTarget: Bool = false, comment: String = "") throws -> PackageGraph {
        func target(_ name: String, _ type: String, _ dependencies: [String], flags: [String] = []) -> String {
            let deps = dependencies.map { #"{"byName": ["\#($0)", null]}"# }.joined(separator: ",")
            let settings = flags.isEmpty ? "[]" : #"[{"tool": "swift", "kind": {"unsafeFlags": {"_0": [\#(flags.map { "\"\($0)\"" }.joined(separator: ","))]}}}]"#
            return #"{"name": "\#(name)", "type": "\#(type)", "dependencies": [\#(deps)], "settings": \#(settings)}"#
        }
        var targets = [
            target("Engine", "regular", []), target("Mittra", "regular", ["Engine"], flags: mittraFlags),
            target("Other", "regular", ["Engine"]), target("MittraCLI", "executable", ["Mittra"]),
            target("OtherCLI", "executable", ["Other"]),
        ]
        if extraTarget { targets.append(target("Third", "regular", ["Engine"])) }
        let dump = #"{"name": "P\#(comment)", "targets": [\#(targets.joined(separator: ","))], "products": []}"#
        return try PackageGraph.parse(dump: Data(dump.utf8))
    }

    func identity(_ graph: PackageGraph) throws -> String { try identity("MittraCLI", graph) }

    func identity(_ executable: String, _ graph: PackageGraph) throws -> String {
        try CodeIdentity.of(executable: executable, graph: graph, packageRoot: package.path, hashes: HashCache(cachePath: nil)).sha256
    }

    func testAnotherExperimentsEditsAndNewTargetsLeaveAStageUpToDate() throws {
        let before = try identity(try graph())
        try package.write("Sources/Other/Other.swift", "// edited\n")
        try package.write("Sources/Third/Third.swift", "// new experiment\n")
        XCTAssertEqual(try identity(try graph(extraTarget: true, comment: " with a comment")), before)
        try package.write("Package.swift", "// a comment that changes the manifest file\n")
        XCTAssertEqual(try identity(try graph()), before, "the manifest file's bytes do not enter")
    }

    func testEditsToWhatAStageLinksMakeItStale() throws {
        let before = try identity(try graph())
        let other = try identity("OtherCLI", try graph())
        try package.write("Sources/Engine/Engine.swift", "// engine edited\n")
        let engineEdited = try identity(try graph())
        XCTAssertNotEqual(engineEdited, before, "the shared engine")
        XCTAssertNotEqual(try identity("OtherCLI", try graph()), other, "is shared by both experiments")
        try package.write("Sources/Mittra/Mittra.swift", "// mittra edited\n")
        XCTAssertNotEqual(try identity(try graph()), engineEdited, "the experiment's own module")
        let flagged = try identity(try graph(mittraFlags: ["-Ounchecked"]))
        XCTAssertNotEqual(flagged, try identity(try graph()), "a compiler flag of a linked target")
    }
}
