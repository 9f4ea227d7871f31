import CHDF5

/// A group in an HDF5 file: a folder of named groups and datasets, with attributes.
///
/// Member names are single path components (no `/`); open nested groups one
/// level at a time. Not thread-safe (see ``HDF5File``).
public final class HDF5Group {
    /// The file the group belongs to (kept alive by the group).
    public let file: HDF5File
    /// The group's path inside the file, e.g. `/ensembles`.
    public var path: String { location.objectPath }
    let id: hid_t
    let location: ObjectLocation

    init(file: HDF5File, id: hid_t, location: ObjectLocation) {
        self.file = file
        self.id = id
        self.location = location
    }

    deinit {
        // A strong close of the file has already closed this group.
        if file.isOpen { _ = H5Gclose(id) }
    }

    /// Creates the subgroup `name`; throws if a member of that name exists.
    @discardableResult
    public func createGroup(_ name: String) throws -> HDF5Group {
        let operation = "create group"
        let child = location.child(name)
        try file.ensureWritable(child, operation)
        try requireAbsent(name, operation)
        let linkCreation = try PropertyLists.linkCreation(child)
        let groupCreation = try PropertyLists.groupCreation(child)
        let groupID = H5Gcreate2(id, name, linkCreation.id, groupCreation.id, chdf5_P_DEFAULT())
        guard groupID >= 0 else {
            throw child.libraryError(.library, operation, "libhdf5 could not create the group")
        }
        return HDF5Group(file: file, id: groupID, location: child)
    }

    /// Opens the existing subgroup `name`.
    public func openGroup(_ name: String) throws -> HDF5Group {
        let operation = "open group"
        let child = try requireMember(name, H5O_TYPE_GROUP, operation)
        let groupID = H5Gopen2(id, name, chdf5_P_DEFAULT())
        guard groupID >= 0 else {
            throw child.libraryError(.library, operation, "libhdf5 could not open the group")
        }
        return HDF5Group(file: file, id: groupID, location: child)
    }

    /// Opens the existing dataset `name`, e.g. to read its shape, element type or attributes.
    public func dataset(_ name: String) throws -> HDF5Dataset {
        let operation = "open dataset"
        let child = try requireMember(name, H5O_TYPE_DATASET, operation)
        let datasetID = H5Dopen2(id, name, chdf5_P_DEFAULT())
        guard datasetID >= 0 else {
            throw child.libraryError(.library, operation, "libhdf5 could not open the dataset")
        }
        return try HDF5Dataset(file: file, id: datasetID, location: child)
    }

    /// The names of the group's members (groups and datasets), sorted.
    public func memberNames() throws -> [String] {
        let operation = "list members"
        try file.ensureOpen(location, operation)
        var info = H5G_info_t()
        try location.check(H5Gget_info(id, &info), operation, "could not count the group's members")
        return try (0..<info.nlinks).map { index in
            let length = H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, chdf5_P_DEFAULT())
            guard length >= 0 else {
                throw location.libraryError(.library, operation, "could not read the name of member \(index)")
            }
            var buffer = [CChar](repeating: 0, count: length + 1)
            guard H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, length + 1, chdf5_P_DEFAULT()) >= 0 else {
                throw location.libraryError(.library, operation, "could not read the name of member \(index)")
            }
            return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }.sorted()
    }

    /// Whether a member (group or dataset) named `name` exists.
    public func contains(_ name: String) throws -> Bool {
        let operation = "look up member"
        let child = location.child(name)
        try file.ensureOpen(child, operation)
        try Self.validate(name, child, operation)
        let exists = H5Lexists(id, name, chdf5_P_DEFAULT())
        try child.check(exists, operation, "could not check whether the member exists")
        return exists > 0
    }

    /// Writes `value` as the group's attribute `name`, replacing an existing one.
    public func setAttribute(_ name: String, _ value: HDF5AttributeValue) throws {
        try attributes.set(name, value)
    }

    /// Reads the group's attribute `name`.
    public func attribute(_ name: String) throws -> HDF5AttributeValue {
        try attributes.get(name)
    }

    /// Whether the group has an attribute `name`.
    public func hasAttribute(_ name: String) throws -> Bool {
        try attributes.contains(name)
    }

    /// The names of the group's attributes, sorted.
    public func attributeNames() throws -> [String] {
        try attributes.names()
    }

    private var attributes: AttributeStore {
        AttributeStore(file: file, objectID: id, location: location)
    }

    /// Refuses empty names, names with `/` or NUL, and `.`.
    static func validate(_ name: String, _ location: ObjectLocation, _ operation: String) throws {
        guard !name.isEmpty, name != ".", !name.contains("/"), !name.utf8.contains(0) else {
            throw location.error(.invalidArgument, operation, "'\(name)' is not a valid member name; use a non-empty name without '/' (open nested groups one level at a time)")
        }
    }

    /// Throws ``HDF5Error/Kind/alreadyExists`` if member `name` exists.
    func requireAbsent(_ name: String, _ operation: String) throws {
        if try contains(name) {
            throw location.child(name).error(.alreadyExists, operation, "a member named '\(name)' already exists in '\(path)'; choose another name, or write into a new file (HDF5File.create replaces the file)")
        }
    }

    /// The location of member `name` after checking that it exists and is of `type`.
    private func requireMember(_ name: String, _ type: H5O_type_t, _ operation: String) throws -> ObjectLocation {
        let child = location.child(name)
        guard try contains(name) else {
            let present = try memberNames()
            throw child.error(.objectNotFound, operation, "'\(path)' has no member '\(name)' (members: \(present.isEmpty ? "none" : present.joined(separator: ", "))); check the name, or run the step that writes it")
        }
        var info = H5O_info_t()
        try child.check(
            H5Oget_info_by_name2(id, name, &info, UInt32(H5O_INFO_BASIC), chdf5_P_DEFAULT()), operation,
            "could not read the member's object type")
        guard info.type == type else {
            let found = info.type == H5O_TYPE_GROUP ? "a group" : info.type == H5O_TYPE_DATASET ? "a dataset" : "another kind of object"
            let wanted = type == H5O_TYPE_GROUP ? "a group (use dataset(_:) for datasets)" : "a dataset (use openGroup(_:) for groups)"
            throw child.error(.wrongObjectKind, operation, "'\(name)' is \(found), not \(wanted)")
        }
        return child
    }
}
