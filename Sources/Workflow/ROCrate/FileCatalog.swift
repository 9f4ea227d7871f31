import Foundation
import Provenance

/// Every file the manifest mentions, with the `@id` it gets in the crate. A path has one
/// current version (the hash its producer recorded, else the first consumer's by stage
/// name); an input read with another hash (the stage is stale) is a separate version
/// `#<path>@<first 12 hex digits>`, so each action points at the bytes it really used.
struct FileCatalog {
    struct File {
        var path: String
        var sha256: String
        var id: String
        /// In the crate's payload (copied or already there, hash checked).
        var included: Bool
        /// Where the file is on this machine, if it exists.
        var source: String?
        var size: Int64?
        /// Why it is not in the payload, or which stage read this older version.
        var note: String?
    }

    private(set) var files: [String: File] = [:]
    private(set) var olderVersions: [String: File] = [:]

    init(workflow: CrateWorkflow, records: [(String, StageRecord)], policy: CrateFilePolicy) throws {
        var current: [String: String] = [:]
        for (_, record) in records {
            for (path, hash) in record.outputs { current[path] = hash }
        }
        for (_, record) in records {
            for path in record.inputs.keys.sorted() where current[path] == nil { current[path] = record.inputs[path] }
        }
        for (path, hash) in current {
            files[path] = try FileCatalog.describe(
                path: path, sha256: hash, workflow: workflow, policy: policy)
        }
        for (stage, record) in records {
            for (path, hash) in record.inputs where hash != current[path] {
                let id = FileCatalog.localID(path) + "@" + hash.prefix(12)
                olderVersions[id] = File(
                    path: path, sha256: hash, id: id, included: false, source: nil, size: nil,
                    note: "an earlier version of \(path), as read by stage \(stage) (the stage is stale)")
            }
        }
    }

    /// The `@id` of the version of `path` with `sha256`.
    func id(of path: String, sha256: String) -> String {
        if let file = files[path], file.sha256 == sha256 { return file.id }
        return FileCatalog.localID(path) + "@" + sha256.prefix(12)
    }

    /// Percent-encoded relative URI of a payload file.
    static func payloadID(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "#?%"))) ?? path
    }

    /// A local identifier for a file outside the payload (RO-Crate: then not a data entity).
    static func localID(_ path: String) -> String { "#" + payloadID(path) }

    private static func describe(
        path: String, sha256: String, workflow: CrateWorkflow, policy: CrateFilePolicy
    ) throws -> File {
        let source = workflow.location(of: path)
        var attributes = try? FileManager.default.attributesOfItem(atPath: source)
        if attributes?[.type] as? FileAttributeType != .typeRegular { attributes = nil }
        let size = (attributes?[.size] as? NSNumber)?.int64Value
        var file = File(
            path: path, sha256: sha256, id: localID(path), included: false, source: attributes == nil ? nil : source,
            size: size, note: nil)
        guard case .includeSmallFiles(let maxBytes) = policy else {
            file.note = "not copied into this crate (export without --include-files)"
            return file
        }
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            file.note = "not copied: an absolute path outside the project"
        } else if size == nil {
            file.note = "not copied: the file is missing"
        } else if size! > maxBytes {
            file.note = "not copied: \(size!) bytes, over the limit of \(maxBytes)"
        } else if try hash(source) != sha256 {
            file.note = "not copied: the file differs from the manifest's hash (run `pipeline run`)"
        } else {
            file.id = payloadID(path)
            file.included = true
        }
        return file
    }

    static func hash(_ path: String) throws -> String {
        do { return try ContentHash.sha256(fileAt: path) } catch { throw RunCrateError.io(path: path, reason: "\(error)") }
    }

    /// A media type for common extensions, nil when unknown.
    static func encodingFormat(of path: String) -> String? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "h5", "hdf5": return "application/x-hdf5"
        case "svg": return "image/svg+xml"
        case "md": return "text/markdown"
        case "html": return "text/html"
        case "json", "lock": return "application/json"
        case "gz": return "application/gzip"
        case "csv": return "text/csv"
        case "txt": return "text/plain"
        case "pdf": return "application/pdf"
        default: return nil
        }
    }
}
