import CHDF5

/// A dataset: an N-dimensional array of one element type, with attributes.
///
/// Shape, element type and layout are read when the dataset is opened. Not
/// thread-safe (see ``HDF5File``).
public final class HDF5Dataset {
    /// The file the dataset belongs to (kept alive by the dataset).
    public let file: HDF5File
    /// The dataset's path inside the file, e.g. `/ensembles/loss`.
    public var path: String { location.objectPath }
    /// The extent of each dimension (row-major); `[]` for a scalar.
    public let shape: [Int]
    /// The stored element type, or `nil` if it is none this layer reads (see
    /// ``storedTypeDescription``).
    public let elementType: HDF5ElementType?
    /// The stored element type in words, e.g. `float64` or `16-bit signed integer`.
    public let storedTypeDescription: String
    /// The chunk extents, or `nil` for a contiguous (or compact) dataset.
    public let chunkShape: [Int]?
    /// The deflate (zlib) level, or `nil` if the dataset is not deflated.
    public let deflateLevel: Int?
    let id: hid_t
    let location: ObjectLocation

    /// Takes ownership of `id` (closing it if reading its description fails).
    init(file: HDF5File, id: hid_t, location: ObjectLocation) throws {
        self.file = file
        self.id = id
        self.location = location
        let operation = "open dataset"
        do {
            let type = try location.handle(
                H5Dget_type(id), closedBy: H5Tclose, operation, "could not read the dataset's element type")
            (elementType, storedTypeDescription) = HDF5ElementType.classify(storedType: type.id)
            let space = try location.handle(
                H5Dget_space(id), closedBy: H5Sclose, operation, "could not read the dataset's dataspace")
            guard case .shape(let shape) = try Dataspace.extent(of: space.id, location, operation) else {
                throw location.error(.typeMismatch, operation, "the dataset has a null dataspace (no elements, no shape); it holds nothing to read")
            }
            self.shape = shape
            let creation = try location.handle(
                H5Dget_create_plist(id), closedBy: H5Pclose, operation, "could not read the dataset's creation properties")
            (chunkShape, deflateLevel) = try Self.layout(creation.id, rank: shape.count, location, operation)
        } catch {
            _ = H5Dclose(id)
            throw error
        }
    }

    deinit {
        // A strong close of the file has already closed this dataset. A dataset of a
        // writable file is flushed first: closing one whose flush fails would leave
        // libhdf5 a dangling identifier (see `HDF5File+WriteFailure.swift`).
        if file.flushBeforeClosing(location, "close dataset", { H5Dflush(id) }) { _ = H5Dclose(id) }
    }

    /// Reads all elements; the stored element type must be `Element`'s (no
    /// silent conversion).
    public func read<Element: HDF5Element>(as type: Element.Type = Element.self) throws -> HDF5Array<Element> {
        let operation = "read dataset as \(Element.self)"
        try file.ensureOpen(location, operation)
        let types = try Element.numericTypeIDs(location, operation)
        guard elementType == Element.hdf5ElementType else {
            throw location.error(.typeMismatch, operation, "the dataset stores \(storedTypeDescription) elements, not \(Element.hdf5ElementType); read it \(Self.readingAdvice(for: elementType))")
        }
        let count = try Dataspace.elementCount(of: shape, location, operation)
        guard count > 0 else { return HDF5Array(values: [], shape: shape) }
        var status: herr_t = 0
        let values = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            status = H5Dread(id, types.memory, chdf5_S_ALL(), chdf5_S_ALL(), chdf5_P_DEFAULT(), buffer.baseAddress)
            initialized = status < 0 ? 0 : count
        }
        try location.check(status, operation, "libhdf5 could not read the values; the file may be truncated or damaged")
        return HDF5Array(values: values, shape: shape)
    }

    /// Reads all elements of a string dataset.
    public func readStrings() throws -> HDF5Array<String> {
        let operation = "read string dataset"
        try file.ensureOpen(location, operation)
        guard elementType == .string else {
            throw location.error(.typeMismatch, operation, "the dataset stores \(storedTypeDescription) elements, not strings; read it \(Self.readingAdvice(for: elementType))")
        }
        let type = try location.handle(
            H5Dget_type(id), closedBy: H5Tclose, operation, "could not read the dataset's element type")
        let space = try location.handle(
            H5Dget_space(id), closedBy: H5Sclose, operation, "could not read the dataset's dataspace")
        let count = try Dataspace.elementCount(of: shape, location, operation)
        let values = try StringCodec.read(
            count: count, storedType: type.id, spaceID: space.id, location, operation
        ) { memoryType, buffer in
            H5Dread(id, memoryType, chdf5_S_ALL(), chdf5_S_ALL(), chdf5_P_DEFAULT(), buffer)
        }
        return HDF5Array(values: values, shape: shape)
    }

    /// Writes `value` as the dataset's attribute `name`, replacing an existing one.
    public func setAttribute(_ name: String, _ value: HDF5AttributeValue) throws {
        try attributes.set(name, value)
    }

    /// Reads the dataset's attribute `name`.
    public func attribute(_ name: String) throws -> HDF5AttributeValue {
        try attributes.get(name)
    }

    /// Whether the dataset has an attribute `name`.
    public func hasAttribute(_ name: String) throws -> Bool {
        try attributes.contains(name)
    }

    /// The names of the dataset's attributes, sorted.
    public func attributeNames() throws -> [String] {
        try attributes.names()
    }

    private var attributes: AttributeStore {
        AttributeStore(file: file, objectID: id, location: location)
    }

    /// How to read a dataset of stored type `type`, for error messages.
    private static func readingAdvice(for type: HDF5ElementType?) -> String {
        switch type {
        case .float64: "with `as: Double.self`"
        case .float32: "with `as: Float.self`"
        case .int64: "with `as: Int64.self` (or `Int.self`)"
        case .int32: "with `as: Int32.self`"
        case .uint8: "with `as: UInt8.self`"
        case .string: "with readStrings"
        case nil: "with another tool (h5py, h5dump): this layer reads only float64, float32, int64, int32, uint8 and string elements"
        }
    }

    /// Chunk extents and deflate level from a dataset creation property list.
    private static func layout(
        _ creationID: hid_t, rank: Int, _ location: ObjectLocation, _ operation: String
    ) throws -> (chunk: [Int]?, deflateLevel: Int?) {
        guard H5Pget_layout(creationID) == H5D_CHUNKED else { return (nil, nil) }
        var extents = [hsize_t](repeating: 0, count: max(rank, 1))
        try location.check(
            H5Pget_chunk(creationID, Int32(extents.count), &extents), operation, "could not read the chunk shape")
        let filterCount = H5Pget_nfilters(creationID)
        try location.check(filterCount, operation, "could not count the dataset's filters")
        var level: Int?
        for index in 0..<UInt32(filterCount) {
            var flags: UInt32 = 0
            var valueCount = 1
            var values: [UInt32] = [0]
            var configuration: UInt32 = 0
            let filter = H5Pget_filter2(creationID, index, &flags, &valueCount, &values, 0, nil, &configuration)
            if filter == H5Z_FILTER_DEFLATE { level = Int(values[0]) }
        }
        return (Array(extents.prefix(rank)).map { Int($0) }, level)
    }
}
