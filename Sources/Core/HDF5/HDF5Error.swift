/// A failure of the typed HDF5 layer.
///
/// Every error names the file, the object inside it (an HDF5 path such as
/// `/ensembles/loss`), the operation that failed, what is wrong and what to do
/// (`reason`), and — when libhdf5 itself refused — libhdf5's own message, read
/// from its error stack with `H5Ewalk2` (docs/PLATFORM.md, "libhdf5 from Swift").
public struct HDF5Error: Error, CustomStringConvertible, Sendable, Equatable {
    /// The category of a failure, for callers that react to some of them.
    public enum Kind: String, Sendable, Equatable {
        /// No file exists at the given path.
        case fileNotFound
        /// The file exists but carries no HDF5 signature.
        case notHDF5File
        /// The file has an HDF5 signature but libhdf5 cannot open it
        /// (truncated, damaged, or locked by another writer).
        case unreadableFile
        /// No group, dataset or attribute of that name exists.
        case objectNotFound
        /// The object exists but is of another kind (a group where a dataset was expected, …).
        case wrongObjectKind
        /// A group, dataset or link of that name exists already.
        case alreadyExists
        /// The stored element type differs from the requested one.
        case typeMismatch
        /// An argument is invalid (shape, chunk, deflate level, name, …).
        case invalidArgument
        /// The file was closed; objects obtained from it can no longer be used.
        case fileClosed
        /// A write was attempted on a file opened read-only.
        case readOnly
        /// libhdf5 could not write the file to disk (disk full, file size limit,
        /// read-only or failing file system); the file on disk is incomplete.
        case writeFailed
        /// libhdf5 refused an operation for a reason this layer does not classify.
        case library
    }

    /// The category of the failure.
    public let kind: Kind
    /// The path of the HDF5 file on disk.
    public let filePath: String
    /// The path of the object inside the file, e.g. `/ensembles/loss`.
    public let objectPath: String
    /// The operation that failed, e.g. `write dataset`.
    public let operation: String
    /// What is wrong and what to do about it.
    public let reason: String
    /// libhdf5's own error stack, innermost detail last; `nil` when this layer
    /// detected the problem before calling libhdf5.
    public let libraryMessage: String?

    /// Creates an error; the layer builds these, callers normally only read them.
    public init(
        kind: Kind, filePath: String, objectPath: String, operation: String,
        reason: String, libraryMessage: String? = nil
    ) {
        self.kind = kind
        self.filePath = filePath
        self.objectPath = objectPath
        self.operation = operation
        self.reason = reason
        self.libraryMessage = libraryMessage
    }

    /// One line: operation, object, file, reason and libhdf5's message.
    public var description: String {
        var text = "HDF5 \(operation) failed for '\(objectPath)' in file '\(filePath)': \(reason)"
        if let libraryMessage, !libraryMessage.isEmpty {
            text += " [libhdf5: \(libraryMessage)]"
        }
        return text
    }
}
