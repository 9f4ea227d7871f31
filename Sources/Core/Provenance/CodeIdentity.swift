import Foundation

/// The identity of the code that made an output: a SHA-256 over what the stage
/// executable is really built from — for its target and every package target it depends
/// on, directly or not, the target's resolved entry in `Package.swift` (dependencies,
/// settings and compiler flags as `swift package dump-package` evaluates them) and every
/// source file. Editing another experiment's module, adding a target, or a comment in
/// `Package.swift` therefore leaves a stage up to date; editing a module it links makes
/// it stale. Other packages' products enter by name (their versions are pinned by
/// Package.resolved, outside the repository). The git commit (with a dirty flag) is
/// recorded beside it, for humans.
public struct CodeIdentity: Codable, Hashable, Sendable {
    /// SHA-256 over the sorted list of `relative path NUL file hash` lines.
    public var sha256: String
    /// The targets whose sources are included, sorted.
    public var targets: [String]
    /// How many files were hashed.
    public var fileCount: Int

    public init(sha256: String, targets: [String], fileCount: Int) {
        self.sha256 = sha256
        self.targets = targets
        self.fileCount = fileCount
    }

    /// The identity of `executable` in the package at `packageRoot`.
    public static func of(
        executable: String, graph: PackageGraph, packageRoot: String, hashes: HashCache
    ) throws -> CodeIdentity {
        let targets = try graph.closure(ofExecutable: executable)
        var lines: [String] = []
        for target in targets {
            lines.append("Package.swift:" + target.name + "\u{0}" + ContentHash.sha256(target.manifestEntry))
            for file in try sourceFiles(under: target.path, packageRoot: packageRoot) {
                lines.append(file + "\u{0}" + (try hashes.sha256(of: packageRoot + "/" + file)))
            }
        }
        lines.sort()
        return CodeIdentity(
            sha256: ContentHash.sha256(lines.joined(separator: "\n")),
            targets: targets.map(\.name), fileCount: lines.count)
    }

    /// Regular files under `directory` (relative to `packageRoot`), as sorted relative paths.
    static func sourceFiles(under directory: String, packageRoot: String) throws -> [String] {
        let base = packageRoot + "/" + directory
        guard let walker = FileManager.default.enumerator(atPath: base) else {
            throw ProvenanceError.unreadable(path: base, reason: "the target's source directory is missing")
        }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = base + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            {
                files.append(directory + "/" + relative)
            }
        }
        return files.sorted()
    }
}
