import Foundation
import HDF5
import Provenance

/// The files a paper check reads, each hashed, parsed or opened once.
struct FileCache {
    /// The directory declared paths are relative to.
    let root: String
    private var hashes: [String: String?] = [:]
    private var documents: [String: JSONValue?] = [:]
    private var hdf5Files: [String: HDF5File] = [:]

    init(root: String) {
        self.root = root
    }

    /// The file's absolute path.
    func path(_ declared: String) -> String {
        declared.hasPrefix("/") ? declared : (root as NSString).appendingPathComponent(declared)
    }

    /// The SHA-256 of `declared`, nil when it does not exist.
    mutating func sha256(of declared: String) -> String? {
        if let known = hashes[declared] { return known }
        let hash = try? ContentHash.sha256(fileAt: path(declared))
        hashes[declared] = hash
        return hash
    }

    /// `declared` parsed as JSON, nil when it is not.
    mutating func json(_ declared: String) -> JSONValue? {
        if let known = documents[declared] { return known }
        let document = FileManager.default.contents(atPath: path(declared)).flatMap { try? JSONValue.parse($0, source: declared) }
        documents[declared] = document
        return document
    }

    /// The object at `objectPath` of the HDF5 file `declared`.
    mutating func hdf5Object(_ declared: String, path objectPath: String) throws -> HDF5Lookup.Object {
        let file: HDF5File
        if let open = hdf5Files[declared] {
            file = open
        } else {
            file = try HDF5File.open(path(declared))
            hdf5Files[declared] = file
        }
        return try HDF5Lookup.object(file, path: objectPath)
    }

    /// Closes the HDF5 files opened.
    mutating func close() {
        for file in hdf5Files.values { try? file.close() }
        hdf5Files = [:]
    }
}
