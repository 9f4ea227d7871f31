import CHDF5
import Foundation

/// An open HDF5 file.
///
/// Files written by this layer are reproducible byte for byte: writing the same
/// content twice gives identical files (see ``PropertyLists``). The file is
/// closed by ``close()`` or, at the latest, when the last reference to it — the
/// file object or any group or dataset obtained from it — goes away. Closing the
/// file also closes its groups and datasets; using them afterwards throws
/// ``HDF5Error/Kind/fileClosed``.
///
/// Not thread-safe: use a file and everything obtained from it from one thread
/// at a time (libhdf5 holds global state; this layer adds no locking).
public final class HDF5File {
    /// The path the file was created or opened with.
    public let path: String
    /// Whether the file was opened for writing.
    public let isWritable: Bool
    /// Whether the file is still open.
    public private(set) var isOpen: Bool
    /// The first failure to write the file to disk, if any (kind
    /// ``HDF5Error/Kind/writeFailed``): from then on every operation on the file, and
    /// ``close()``, throws it (see `HDF5File+WriteFailure.swift`).
    public internal(set) var writeFailure: HDF5Error?
    /// After a write failure pointed the file's descriptor at memory: the original
    /// descriptor, closed with the file (see `HDF5File+WriteFailure.swift`).
    var replacedDescriptor: Int32?
    let id: hid_t

    private init(path: String, id: hid_t, isWritable: Bool) {
        self.path = path
        self.id = id
        self.isWritable = isWritable
        self.isOpen = true
    }

    /// Creates a new, empty file at `path`, replacing any existing file there.
    public static func create(_ path: String) throws -> HDF5File {
        HDF5Library.silenceAutomaticErrorPrinting()
        let location = ObjectLocation(filePath: path, objectPath: "/")
        let creation = try PropertyLists.fileCreation(location)
        let access = try PropertyLists.fileAccess(location)
        let id = H5Fcreate(path, chdf5_F_ACC_TRUNC(), creation.id, access.id)
        guard id >= 0 else {
            throw location.libraryError(.library, "create file", "could not create the file; check that the directory exists and is writable and that the file is not open elsewhere")
        }
        return HDF5File(path: path, id: id, isWritable: true)
    }

    /// Opens the existing file at `path`, read-only unless `writable` is true.
    ///
    /// Throws ``HDF5Error/Kind/fileNotFound`` if there is no file,
    /// ``HDF5Error/Kind/notHDF5File`` if the file is not HDF5, and
    /// ``HDF5Error/Kind/unreadableFile`` if it is truncated or damaged.
    public static func open(_ path: String, writable: Bool = false) throws -> HDF5File {
        HDF5Library.silenceAutomaticErrorPrinting()
        let location = ObjectLocation(filePath: path, objectPath: "/")
        let operation = writable ? "open file for writing" : "open file"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw location.error(.fileNotFound, operation, "no file exists at this path; check the path, or run the step that writes the file first")
        }
        guard !isDirectory.boolValue else {
            throw location.error(.invalidArgument, operation, "the path is a directory; pass the path of an HDF5 file")
        }
        let signature = H5Fis_hdf5(path)
        guard signature >= 0 else {
            throw location.libraryError(.unreadableFile, operation, "the file could not be read; check its permissions")
        }
        guard signature > 0 else {
            throw location.error(.notHDF5File, operation, "the file has no HDF5 signature: it is not an HDF5 file, or it was cut off before its first bytes were written; pass an HDF5 file or re-create this one")
        }
        let access = try PropertyLists.fileAccess(location)
        let flags = writable ? chdf5_F_ACC_RDWR() : chdf5_F_ACC_RDONLY()
        let id = H5Fopen(path, flags, access.id)
        guard id >= 0 else {
            throw location.libraryError(.unreadableFile, operation, "the file starts like an HDF5 file but libhdf5 cannot open it (see its message): either it is truncated or damaged, e.g. its writer was interrupted (delete and re-create it), or it is open elsewhere, read-only in this process or for writing by another process (close it there first)")
        }
        return HDF5File(path: path, id: id, isWritable: writable)
    }

    /// The root group `/`.
    public var root: HDF5Group {
        get throws {
            let location = ObjectLocation(filePath: path, objectPath: "/")
            try ensureOpen(location, "open root group")
            let groupID = H5Gopen2(id, "/", chdf5_P_DEFAULT())
            guard groupID >= 0 else {
                throw location.libraryError(.library, "open root group", "could not open the root group; the file may be damaged")
            }
            return HDF5Group(file: self, id: groupID, location: location)
        }
    }

    /// Flushes and closes the file, and with it every group and dataset still
    /// open in it. Closing a closed file does nothing.
    ///
    /// Throws ``HDF5Error/Kind/writeFailed`` if the file could not be written to disk
    /// (now or by an earlier operation); the file is closed all the same and what is on
    /// disk is incomplete.
    public func close() throws {
        guard isOpen else { return }
        HDF5Library.silenceAutomaticErrorPrinting()
        release()
        if let writeFailure { throw writeFailure }
    }

    deinit {
        if isOpen { release() }
    }

    /// Flushes (see `HDF5File+WriteFailure.swift`) and closes the file; records a
    /// failure instead of throwing it.
    private func release() {
        let location = ObjectLocation(filePath: path, objectPath: "/")
        guard flushBeforeClosing(location, "close file", { H5Fflush(id, H5F_SCOPE_LOCAL) }) else { return }
        if H5Fclose(id) < 0 {
            recordWriteFailure(location.writeError("close file", "could not flush and close the file"))
        } else if let replacedDescriptor {
            Glibc.close(replacedDescriptor)
        }
        isOpen = false
    }

    /// Gives the file up without closing it: libhdf5 could not write it even into
    /// memory, and closing it would crash libhdf5 (see `HDF5File+WriteFailure.swift`).
    func abandon() {
        isOpen = false
    }

    /// Throws the file's ``writeFailure``, or ``HDF5Error/Kind/fileClosed`` if the
    /// file was closed; silences libhdf5's stderr dump on the calling thread. Every
    /// operation starts here.
    func ensureOpen(_ location: ObjectLocation, _ operation: String) throws {
        HDF5Library.silenceAutomaticErrorPrinting()
        if let writeFailure { throw writeFailure }
        guard isOpen else {
            throw location.error(.fileClosed, operation, "the file was closed; open it again with HDF5File.open and use the new file's groups and datasets")
        }
    }

    /// Like ``ensureOpen(_:_:)``, and throws ``HDF5Error/Kind/readOnly`` unless
    /// the file was opened for writing.
    func ensureWritable(_ location: ObjectLocation, _ operation: String) throws {
        try ensureOpen(location, operation)
        guard isWritable else {
            throw location.error(.readOnly, operation, "the file was opened read-only; open it with HDF5File.open(path, writable: true)")
        }
    }
}
