import CHDF5

/// The attributes of one group or dataset; ``HDF5Group`` and ``HDF5Dataset``
/// forward their attribute methods here so that both share one implementation.
struct AttributeStore {
    /// The file, checked to be open before every operation.
    let file: HDF5File
    /// The group or dataset identifier the attributes belong to.
    let objectID: hid_t
    /// The object's place, for errors.
    let location: ObjectLocation

    /// Writes `value` as attribute `name`, replacing an existing attribute of that name.
    func set(_ name: String, _ value: HDF5AttributeValue) throws {
        let operation = "write attribute '\(name)'"
        try file.ensureWritable(location, operation)
        try validate(name, operation)
        switch value {
        case .string(let text): try StringCodec.requireNoNUL([text], location, operation)
        case .strings(let texts): try StringCodec.requireNoNUL(texts, location, operation)
        case .int, .ints, .double, .doubles: break
        }
        let exists = H5Aexists(objectID, name)
        try location.check(exists, operation, "could not check whether the attribute exists")
        if exists > 0 {
            try location.check(
                H5Adelete(objectID, name), operation, "could not delete the existing attribute to overwrite it")
        }
        switch value {
        case .string(let text): try writeStrings(name, [text], shape: [], operation)
        case .strings(let texts): try writeStrings(name, texts, shape: [texts.count], operation)
        case .int(let number): try writeNumbers(name, [number], shape: [], operation)
        case .ints(let numbers): try writeNumbers(name, numbers, shape: [numbers.count], operation)
        case .double(let number): try writeNumbers(name, [number], shape: [], operation)
        case .doubles(let numbers): try writeNumbers(name, numbers, shape: [numbers.count], operation)
        }
    }

    /// Reads attribute `name`.
    func get(_ name: String) throws -> HDF5AttributeValue {
        let operation = "read attribute '\(name)'"
        try file.ensureOpen(location, operation)
        guard try contains(name) else {
            let present = try names()
            throw location.error(.objectNotFound, operation, "there is no attribute '\(name)' (attributes here: \(present.isEmpty ? "none" : present.joined(separator: ", "))); check the name or write it first")
        }
        let attribute = try location.handle(
            H5Aopen(objectID, name, chdf5_P_DEFAULT()), closedBy: H5Aclose, operation, "could not open the attribute")
        let type = try location.handle(
            H5Aget_type(attribute.id), closedBy: H5Tclose, operation, "could not read the attribute's type")
        let space = try location.handle(
            H5Aget_space(attribute.id), closedBy: H5Sclose, operation, "could not read the attribute's dataspace")
        let isSingle: Bool
        let count: Int
        switch try Dataspace.extent(of: space.id, location, operation) {
        case .null: (isSingle, count) = (false, 0)
        case .shape(let shape): (isSingle, count) = (shape.isEmpty, try Dataspace.elementCount(of: shape, location, operation))
        }
        let read = { (memoryType: hid_t, buffer: UnsafeMutableRawPointer?) in H5Aread(attribute.id, memoryType, buffer) }
        switch H5Tget_class(type.id) {
        case H5T_STRING:
            let texts = try StringCodec.read(count: count, storedType: type.id, spaceID: space.id, location, operation, read: read)
            return isSingle ? .string(texts[0]) : .strings(texts)
        case H5T_INTEGER:
            let numbers: [Int64] = try readNumbers(count, operation, read)
            return isSingle ? .int(numbers[0]) : .ints(numbers)
        case H5T_FLOAT:
            let numbers: [Double] = try readNumbers(count, operation, read)
            return isSingle ? .double(numbers[0]) : .doubles(numbers)
        default:
            let stored = HDF5ElementType.classify(storedType: type.id).description
            throw location.error(.typeMismatch, operation, "the attribute stores \(stored) values; only strings, integers and floats can be read as HDF5AttributeValue")
        }
    }

    /// Whether attribute `name` exists.
    func contains(_ name: String) throws -> Bool {
        let operation = "look up attribute '\(name)'"
        try file.ensureOpen(location, operation)
        try validate(name, operation)
        let exists = H5Aexists(objectID, name)
        try location.check(exists, operation, "could not check whether the attribute exists")
        return exists > 0
    }

    /// The names of all attributes, sorted.
    func names() throws -> [String] {
        let operation = "list attributes"
        try file.ensureOpen(location, operation)
        var info = H5O_info_t()
        try location.check(
            H5Oget_info2(objectID, &info, UInt32(H5O_INFO_NUM_ATTRS)), operation, "could not count the attributes")
        return try (0..<info.num_attrs).map { index in
            let length = H5Aget_name_by_idx(objectID, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, chdf5_P_DEFAULT())
            guard length >= 0 else {
                throw location.libraryError(.library, operation, "could not read the name of attribute \(index)")
            }
            var buffer = [CChar](repeating: 0, count: length + 1)
            guard H5Aget_name_by_idx(objectID, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, length + 1, chdf5_P_DEFAULT()) >= 0 else {
                throw location.libraryError(.library, operation, "could not read the name of attribute \(index)")
            }
            return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }.sorted()
    }

    private func validate(_ name: String, _ operation: String) throws {
        guard !name.isEmpty, !name.utf8.contains(0) else {
            throw location.error(.invalidArgument, operation, "attribute names must be non-empty and contain no NUL character")
        }
    }

    private func create(
        _ name: String, type: hid_t, shape: [Int], _ operation: String
    ) throws -> ScopedHandle {
        let space = try Dataspace.create(shape: shape, location, operation)
        let creation = try PropertyLists.attributeCreation(location)
        return try location.handle(
            H5Acreate2(objectID, name, type, space.id, creation.id, chdf5_P_DEFAULT()), closedBy: H5Aclose,
            operation, "could not create the attribute")
    }

    private func writeStrings(_ name: String, _ texts: [String], shape: [Int], _ operation: String) throws {
        let type = try StringCodec.variableLengthUTF8(location, operation)
        try StringCodec.withCStringArray(texts, location, operation) { buffer in
            let attribute = try create(name, type: type.id, shape: shape, operation)
            try location.check(H5Awrite(attribute.id, type.id, buffer), operation, "could not write the strings")
        }
    }

    private func writeNumbers<Number: HDF5Element>(
        _ name: String, _ numbers: [Number], shape: [Int], _ operation: String
    ) throws {
        let types = try Number.numericTypeIDs(location, operation)
        let attribute = try create(name, type: types.file, shape: shape, operation)
        let status = numbers.withUnsafeBytes { H5Awrite(attribute.id, types.memory, $0.baseAddress) }
        try location.check(status, operation, "could not write the values")
    }

    private func readNumbers<Number: HDF5Element>(
        _ count: Int, _ operation: String, _ read: (hid_t, UnsafeMutableRawPointer?) -> herr_t
    ) throws -> [Number] {
        guard count > 0 else { return [] }
        let types = try Number.numericTypeIDs(location, operation)
        var status: herr_t = 0
        let numbers = [Number](unsafeUninitializedCapacity: count) { buffer, initialized in
            status = read(types.memory, UnsafeMutableRawPointer(buffer.baseAddress))
            initialized = status < 0 ? 0 : count
        }
        try location.check(status, operation, "could not read the values as \(Number.self)")
        return numbers
    }
}
