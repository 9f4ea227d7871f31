import CHDF5

/// Writing and reading datasets, the N-dimensional arrays of a group.
extension HDF5Group {
    /// Writes `values` (row-major) as a new dataset `name` of the given `shape`.
    ///
    /// - Parameters:
    ///   - shape: the extent of each dimension; `[]` for a scalar. Extents of 0
    ///     are allowed (an empty dataset) unless the dataset is chunked.
    ///   - chunk: chunk extents, one per dimension, each between 1 and the
    ///     dimension's size; `nil` for a contiguous dataset.
    ///   - deflateLevel: zlib level 0…9; needs `chunk`.
    @discardableResult
    public func writeDataset<Element: HDF5Element>(
        _ name: String, _ values: [Element], shape: [Int],
        chunk: [Int]? = nil, deflateLevel: Int? = nil
    ) throws -> HDF5Dataset {
        let operation = "write \(Element.hdf5ElementType) dataset"
        let child = location.child(name)
        let types = try Element.numericTypeIDs(child, operation)
        try Dataspace.validate(shape: shape, valueCount: values.count, child, operation)
        let layout = try DatasetLayout(
            shape: shape, elementBytes: MemoryLayout<Element>.size, chunk: chunk,
            deflateLevel: deflateLevel, location: child, operation: operation)
        let dataset = try create(name, fileType: types.file, shape: shape, layout: layout, operation)
        if !values.isEmpty {
            let status = values.withUnsafeBytes {
                H5Dwrite(dataset.id, types.memory, chdf5_S_ALL(), chdf5_S_ALL(), chdf5_P_DEFAULT(), $0.baseAddress)
            }
            try file.checkWrite(status, child, operation, "libhdf5 could not write the values")
        }
        return dataset
    }

    /// Reads dataset `name`, whose stored element type must be `Element`'s.
    public func readDataset<Element: HDF5Element>(
        _ name: String, as type: Element.Type = Element.self
    ) throws -> HDF5Array<Element> {
        try dataset(name).read(as: type)
    }

    /// Writes `values` as a new dataset `name` of variable-length UTF-8 strings,
    /// one-dimensional unless `shape` says otherwise.
    @discardableResult
    public func writeStrings(_ name: String, _ values: [String], shape: [Int]? = nil) throws -> HDF5Dataset {
        let operation = "write string dataset"
        let child = location.child(name)
        let shape = shape ?? [values.count]
        try Dataspace.validate(shape: shape, valueCount: values.count, child, operation)
        let type = try StringCodec.variableLengthUTF8(child, operation)
        return try StringCodec.withCStringArray(values, child, operation) { buffer in
            let layout = try DatasetLayout(
                shape: shape, elementBytes: 1, chunk: nil, deflateLevel: nil, location: child, operation: operation)
            let dataset = try create(name, fileType: type.id, shape: shape, layout: layout, operation)
            if !values.isEmpty {
                let status = H5Dwrite(dataset.id, type.id, chdf5_S_ALL(), chdf5_S_ALL(), chdf5_P_DEFAULT(), buffer)
                try file.checkWrite(status, child, operation, "libhdf5 could not write the strings")
            }
            return dataset
        }
    }

    /// Reads the string dataset `name`.
    public func readStrings(_ name: String) throws -> HDF5Array<String> {
        try dataset(name).readStrings()
    }

    private func create(
        _ name: String, fileType: hid_t, shape: [Int], layout: DatasetLayout, _ operation: String
    ) throws -> HDF5Dataset {
        let child = location.child(name)
        try file.ensureWritable(child, operation)
        try Self.validate(name, child, operation)
        try requireAbsent(name, operation)
        let space = try Dataspace.create(shape: shape, child, operation)
        let linkCreation = try PropertyLists.linkCreation(child)
        let datasetCreation = try PropertyLists.datasetCreation(layout, child)
        let datasetID = H5Dcreate2(
            id, name, fileType, space.id, linkCreation.id, datasetCreation.id, chdf5_P_DEFAULT())
        guard datasetID >= 0 else {
            throw child.libraryError(.library, operation, "libhdf5 could not create the dataset")
        }
        return try HDF5Dataset(file: file, id: datasetID, location: child)
    }
}
