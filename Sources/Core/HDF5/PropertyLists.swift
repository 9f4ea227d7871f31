import CHDF5

/// The property lists every file, group, dataset and attribute is created with.
///
/// They make files reproducible byte for byte: object time tracking is off on the
/// file creation list (the root group's times) and on every group and dataset
/// creation list — with only the dataset switch off, two writes of the same
/// content differ in 8 bytes (docs/PLATFORM.md, "libhdf5 from Swift") — and the
/// library-version bounds are pinned to the HDF5 1.8 file format (`V18…V18`), so
/// the bytes do not change with the libhdf5 version and any reader since
/// HDF5 1.8 (h5py, h5dump, MATLAB, …) can open the file.
enum PropertyLists {
    /// File creation: no object times on the root group.
    static func fileCreation(_ location: ObjectLocation) throws -> ScopedHandle {
        let list = try create(chdf5_P_FILE_CREATE(), location)
        try location.check(
            H5Pset_obj_track_times(list.id, false), "create file",
            "could not switch off object time tracking on the file creation property list")
        return list
    }

    /// File access: format pinned to HDF5 1.8, and a strong close degree so that
    /// closing the file also closes every group and dataset still open in it.
    static func fileAccess(_ location: ObjectLocation) throws -> ScopedHandle {
        let list = try create(chdf5_P_FILE_ACCESS(), location)
        try location.check(
            H5Pset_libver_bounds(list.id, H5F_LIBVER_V18, H5F_LIBVER_V18), "open file",
            "could not pin the library-version bounds to V18")
        try location.check(
            H5Pset_fclose_degree(list.id, H5F_CLOSE_STRONG), "open file",
            "could not set the strong file close degree")
        return list
    }

    /// Link creation: link names are stored as UTF-8.
    static func linkCreation(_ location: ObjectLocation) throws -> ScopedHandle {
        let list = try create(chdf5_P_LINK_CREATE(), location)
        try location.check(
            H5Pset_char_encoding(list.id, H5T_CSET_UTF8), "create link",
            "could not set UTF-8 link names")
        return list
    }

    /// Attribute creation: attribute names are stored as UTF-8.
    static func attributeCreation(_ location: ObjectLocation) throws -> ScopedHandle {
        let list = try create(chdf5_P_ATTRIBUTE_CREATE(), location)
        try location.check(
            H5Pset_char_encoding(list.id, H5T_CSET_UTF8), "create attribute",
            "could not set UTF-8 attribute names")
        return list
    }

    /// Group creation: no object times.
    static func groupCreation(_ location: ObjectLocation) throws -> ScopedHandle {
        let list = try create(chdf5_P_GROUP_CREATE(), location)
        try location.check(
            H5Pset_obj_track_times(list.id, false), "create group",
            "could not switch off object time tracking on the group creation property list")
        return list
    }

    /// Dataset creation: no object times; chunked and deflated when `layout` says so.
    static func datasetCreation(
        _ layout: DatasetLayout, _ location: ObjectLocation
    ) throws -> ScopedHandle {
        let operation = "create dataset"
        let list = try create(chdf5_P_DATASET_CREATE(), location)
        try location.check(
            H5Pset_obj_track_times(list.id, false), operation,
            "could not switch off object time tracking on the dataset creation property list")
        if let chunk = layout.chunk {
            let extents = chunk.map { hsize_t($0) }
            try location.check(
                H5Pset_chunk(list.id, Int32(extents.count), extents), operation,
                "could not set the chunk shape \(chunk)")
        }
        if let level = layout.deflateLevel {
            try location.check(
                H5Pset_deflate(list.id, UInt32(level)), operation,
                "could not enable deflate compression at level \(level)")
        }
        return list
    }

    private static func create(_ listClass: hid_t, _ location: ObjectLocation) throws -> ScopedHandle {
        try location.handle(
            H5Pcreate(listClass), closedBy: H5Pclose, "create property list",
            "libhdf5 could not create a property list; is the library initialised?")
    }
}
