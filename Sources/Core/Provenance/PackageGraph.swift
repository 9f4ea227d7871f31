import Foundation

/// The targets of the Swift package and what each depends on, read from
/// `swift package dump-package` (cached by the hash of `Package.swift`, since the dump
/// takes about a second).
public struct PackageGraph: Sendable {
    /// One target: its source directory and the targets of this package it uses.
    public struct Target: Sendable, Equatable {
        public var name: String
        public var path: String
        public var dependencies: [String]
        /// The target's resolved description in `Package.swift` (type, path, dependencies
        /// on targets and on other packages' products, settings with their flags, excludes,
        /// resources) as canonical JSON: what code identity hashes instead of the whole
        /// manifest, so a comment or another target's edit does not count.
        public var manifestEntry: String

        public init(name: String, path: String, dependencies: [String], manifestEntry: String = "") {
            self.name = name
            self.path = path
            self.dependencies = dependencies
            self.manifestEntry = manifestEntry
        }
    }

    /// Targets by name.
    public var targets: [String: Target]
    /// Executable products: product name → its target.
    public var executables: [String: String]

    public init(targets: [String: Target], executables: [String: String]) {
        self.targets = targets
        self.executables = executables
    }

    /// The target of `executable` and every target of this package it depends on,
    /// directly or not, sorted by name.
    public func closure(ofExecutable executable: String) throws -> [Target] {
        guard let root = executables[executable] else {
            throw ProvenanceError.unknownExecutable(name: executable, known: executables.keys.sorted())
        }
        var seen: Set<String> = []
        var pending = [root]
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let target = targets[name] else { continue }
            pending.append(contentsOf: target.dependencies)
        }
        return seen.compactMap { targets[$0] }.sorted { $0.name < $1.name }
    }

    /// The graph of the package at `packageRoot`, using a cache under `cacheDirectory`.
    public static func load(packageRoot: String, cacheDirectory: String) throws -> PackageGraph {
        let manifestHash = try ContentHash.sha256(fileAt: packageRoot + "/Package.swift")
        let cachePath = cacheDirectory + "/package-dump-\(manifestHash.prefix(16)).json"
        let data: Data
        if let cached = FileManager.default.contents(atPath: cachePath) {
            data = cached
        } else {
            data = try dumpPackage(packageRoot: packageRoot, scratchPath: cacheDirectory + "/swiftpm")
            try? AtomicFile.write(data, to: cachePath)
        }
        return try parse(dump: data)
    }

    /// Parses the JSON printed by `swift package dump-package`.
    public static func parse(dump data: Data) throws -> PackageGraph {
        guard case .object(let root) = try JSONValue.parse(data, source: "swift package dump-package"),
            case .array(let targetList)? = root["targets"]
        else {
            throw ProvenanceError.packageDescription(reason: "the dump has no target list")
        }
        var targets: [String: Target] = [:]
        for case .object(let entry) in targetList {
            guard case .string(let name)? = entry["name"] else { continue }
            var path = "Sources/\(name)"
            if case .string(let explicit)? = entry["path"] { path = explicit }
            if case .string("test")? = entry["type"] { path = "Tests/\(name)" }
            var dependencies: [String] = []
            if case .array(let list)? = entry["dependencies"] {
                for case .object(let dependency) in list {
                    // Local targets appear as {"byName": [name, …]} or {"target": [name, …]};
                    // {"product": …} names another package's product, identified by
                    // Package.resolved rather than by source hashes.
                    for kind in ["byName", "target"] {
                        if case .array(let parts)? = dependency[kind], case .string(let target)? = parts.first {
                            dependencies.append(target)
                        }
                    }
                }
            }
            targets[name] = Target(
                name: name, path: path, dependencies: dependencies, manifestEntry: JSONValue.object(entry).canonicalText)
        }
        var executables: [String: String] = [:]
        if case .array(let products)? = root["products"] {
            for case .object(let product) in products {
                guard case .string(let name)? = product["name"], case .object(let type)? = product["type"],
                    type["executable"] != nil, case .array(let productTargets)? = product["targets"],
                    case .string(let target)? = productTargets.first
                else { continue }
                executables[name] = target
            }
        }
        // Executable targets without an explicit product are products of their own name.
        for case .object(let entry) in targetList {
            if case .string("executable")? = entry["type"], case .string(let name)? = entry["name"],
                !executables.values.contains(name)
            {
                executables[name] = name
            }
        }
        return PackageGraph(targets: targets, executables: executables)
    }

    /// Runs `swift package dump-package` with its own scratch directory: the package's
    /// `.build` is locked while `swift build` or `swift test` runs, and waiting for it
    /// from inside a test would never end.
    private static func dumpPackage(packageRoot: String, scratchPath: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--package-path", packageRoot, "--scratch-path", scratchPath, "dump-package"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ProvenanceError.packageDescription(reason: "could not start `swift`: \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ProvenanceError.packageDescription(reason: String(decoding: message, as: UTF8.self))
        }
        return data
    }
}
