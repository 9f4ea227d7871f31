import CHDF5

/// Where an operation happens (file and object path), and the helpers that turn
/// libhdf5's negative return codes into ``HDF5Error`` values carrying that place.
struct ObjectLocation: Sendable {
    /// The HDF5 file on disk.
    let filePath: String
    /// The object inside the file, e.g. `/ensembles/loss`.
    let objectPath: String

    /// The location of the member `name` of this group.
    func child(_ name: String) -> ObjectLocation {
        ObjectLocation(
            filePath: filePath,
            objectPath: objectPath == "/" ? "/\(name)" : "\(objectPath)/\(name)")
    }

    /// An error this layer detected itself (libhdf5 was not asked).
    func error(_ kind: HDF5Error.Kind, _ operation: String, _ reason: String) -> HDF5Error {
        HDF5Error(
            kind: kind, filePath: filePath, objectPath: objectPath,
            operation: operation, reason: reason)
    }

    /// An error after libhdf5 failed; reads and clears libhdf5's error stack.
    func libraryError(_ kind: HDF5Error.Kind, _ operation: String, _ reason: String) -> HDF5Error {
        HDF5Error(
            kind: kind, filePath: filePath, objectPath: objectPath,
            operation: operation, reason: reason,
            libraryMessage: HDF5Library.takeErrorStack())
    }

    /// Throws a library error if `status` (an `herr_t`/`htri_t`) is negative.
    func check(_ status: Int32, _ operation: String, _ reason: String) throws {
        if status < 0 { throw libraryError(.library, operation, reason) }
    }

    /// Wraps a freshly obtained identifier so that it is closed at end of scope;
    /// throws a library error if libhdf5 returned a negative identifier.
    func handle(
        _ id: hid_t, closedBy close: ScopedHandle.CloseFunction,
        _ operation: String, _ reason: String
    ) throws -> ScopedHandle {
        if id < 0 { throw libraryError(.library, operation, reason) }
        return ScopedHandle(id, closedBy: close)
    }
}

/// A temporary libhdf5 identifier (dataspace, datatype, property list,
/// attribute) closed exactly once when it goes out of scope.
struct ScopedHandle: ~Copyable {
    /// A libhdf5 close function such as `H5Sclose`.
    typealias CloseFunction = @convention(c) (hid_t) -> herr_t

    /// The identifier.
    let id: hid_t
    private let close: CloseFunction

    /// Takes ownership of `id`, to be released with `close`.
    init(_ id: hid_t, closedBy close: CloseFunction) {
        self.id = id
        self.close = close
    }

    deinit { _ = close(id) }
}
