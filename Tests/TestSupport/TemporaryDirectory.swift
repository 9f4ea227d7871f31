import Foundation

/// A fresh directory under /tmp, removed when the value is released.
public final class TemporaryDirectory {
    public let path: String

    public init(_ label: String = "test") {
        path = NSTemporaryDirectory() + "chaos-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `relative` inside the directory, creating parents.
    public func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}

/// Where the package and the built executables are, seen from the test binary.
public enum TestLocations {
    /// The package root (holding Package.swift).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The directory of the test bundle, where SwiftPM also puts the executables of
    /// the same build configuration (on Linux the bundle is the executable
    /// `<bin>/<Package>PackageTests.xctest`).
    public static let binDirectory: String = {
        let bundle = CommandLine.arguments.first { $0.hasSuffix(".xctest") } ?? CommandLine.arguments[0]
        let candidate = URL(fileURLWithPath: bundle).deletingLastPathComponent().path
        if FileManager.default.isExecutableFile(atPath: candidate + "/generate-data") { return candidate }
        return packageRoot + "/.build/release"
    }()
}
