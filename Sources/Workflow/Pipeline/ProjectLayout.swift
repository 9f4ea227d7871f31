import Foundation
import Provenance

/// Where things are: the project (pipeline.json, outputs), the Swift package whose
/// sources define code identity, and the built executables.
public struct ProjectLayout: Sendable {
    /// Directory holding `pipeline.json`; profile roots are relative to it.
    public var projectRoot: String
    /// Directory holding `Package.swift` (usually the project root).
    public var packageRoot: String
    /// Directory holding the stage executables (`<package>/.build/release`).
    public var binDirectory: String

    public init(projectRoot: String, packageRoot: String? = nil, binDirectory: String? = nil) {
        let project = URL(fileURLWithPath: projectRoot).standardizedFileURL.path
        self.projectRoot = project
        self.packageRoot = packageRoot.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? project
        self.binDirectory = binDirectory ?? (self.packageRoot + "/.build/release")
    }

    public var specPath: String { projectRoot + "/pipeline.json" }
    /// Caches that only speed things up (file hashes, the package description).
    public var cacheDirectory: String { projectRoot + "/.pipeline-cache" }

    /// The absolute root directory of `profile`.
    public func root(of profile: PipelineSpec.Profile) -> String {
        profile.root == "." ? projectRoot : projectRoot + "/" + profile.root
    }

    /// The manifest path of `profile`.
    public func manifestPath(of profile: PipelineSpec.Profile) -> String {
        root(of: profile) + "/pipeline.lock"
    }

    /// Where a declared path lives for `profile`: stage outputs under the profile root,
    /// project files under the project root, absolute paths as they are.
    public func resolve(_ declared: String, profile: PipelineSpec.Profile, spec: PipelineSpec) -> String {
        if declared.hasPrefix("/") { return declared }
        if spec.producer(of: declared) != nil { return root(of: profile) + "/" + declared }
        return projectRoot + "/" + declared
    }

    /// A path as a user would type it: relative to the project root when inside it.
    public func display(_ path: String) -> String {
        path.hasPrefix(projectRoot + "/") ? String(path.dropFirst(projectRoot.count + 1)) : path
    }

    /// The nearest directory at or above `start` holding `pipeline.json`; `start` itself
    /// when there is none (the missing-file error then names it).
    public static func discoverProjectRoot(from start: String) -> String {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("pipeline.json").path) {
                return directory.path
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return start }
            directory = parent
        }
    }
}
