import CHDF5

extension HDF5Group {
    /// Whether member `name` is a dataset (false for a group); a missing member is an error.
    public func isDataset(_ name: String) throws -> Bool {
        let operation = "look up member kind"
        let child = location.child(name)
        guard try contains(name) else {
            throw child.error(.objectNotFound, operation, "'\(path)' has no member '\(name)'; check the name, or run the step that writes it")
        }
        var info = H5O_info_t()
        try child.check(
            H5Oget_info_by_name2(id, name, &info, UInt32(H5O_INFO_BASIC), chdf5_P_DEFAULT()), operation,
            "could not read the member's object type")
        return info.type == H5O_TYPE_DATASET
    }
}
