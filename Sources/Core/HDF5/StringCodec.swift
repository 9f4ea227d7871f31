import CHDF5
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing and reading UTF-8 text through libhdf5, shared by string datasets and
/// string attributes.
///
/// Text is written as variable-length, NUL-terminated UTF-8 strings (the form
/// h5py writes and reads back as `str`). Reading accepts variable-length and
/// fixed-length strings, so files written by other programs can be read too.
enum StringCodec {
    /// A new variable-length UTF-8 string datatype.
    static func variableLengthUTF8(
        _ location: ObjectLocation, _ operation: String
    ) throws -> ScopedHandle {
        let type = try location.handle(
            H5Tcopy(chdf5_T_C_S1()), closedBy: H5Tclose, operation, "could not copy the C string type")
        try location.check(
            H5Tset_size(type.id, chdf5_T_VARIABLE()), operation, "could not make the string type variable-length")
        try location.check(
            H5Tset_cset(type.id, H5T_CSET_UTF8), operation, "could not set the UTF-8 character set")
        return type
    }

    /// Calls `body` with a pointer to an array of C strings holding `strings`, as
    /// libhdf5 expects a buffer of variable-length strings. Strings containing a
    /// NUL character are refused (the C strings would be cut there).
    static func withCStringArray<Result>(
        _ strings: [String], _ location: ObjectLocation, _ operation: String,
        _ body: (UnsafeRawPointer?) throws -> Result
    ) throws -> Result {
        try requireNoNUL(strings, location, operation)
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        guard !copies.contains(where: { $0 == nil }) else {
            throw location.error(.library, operation, "out of memory while copying \(strings.count) strings")
        }
        return try copies.withUnsafeBufferPointer { try body(UnsafeRawPointer($0.baseAddress)) }
    }

    /// Refuses strings containing a NUL character: a C string ends at the first NUL.
    static func requireNoNUL(
        _ strings: [String], _ location: ObjectLocation, _ operation: String
    ) throws {
        if let index = strings.firstIndex(where: { $0.utf8.contains(0) }) {
            throw location.error(.invalidArgument, operation, "string \(index) contains a NUL character, which HDF5 variable-length strings cannot hold; remove it")
        }
    }

    /// Reads `count` strings stored with datatype `storedType` in dataspace
    /// `spaceID`; `read(memoryType, buffer)` performs the `H5Dread`/`H5Aread`.
    static func read(
        count: Int, storedType: hid_t, spaceID: hid_t,
        _ location: ObjectLocation, _ operation: String,
        read: (hid_t, UnsafeMutableRawPointer?) -> herr_t
    ) throws -> [String] {
        guard count > 0 else { return [] }
        // Reading with a copy of the stored type avoids any character-set conversion.
        let memoryType = try location.handle(
            H5Tcopy(storedType), closedBy: H5Tclose, operation, "could not copy the stored string type")
        let isVariable = H5Tis_variable_str(storedType)
        try location.check(isVariable, operation, "could not tell whether the strings are variable-length")
        if isVariable > 0 {
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            let status = pointers.withUnsafeMutableBytes { read(memoryType.id, $0.baseAddress) }
            try location.check(status, operation, "could not read the variable-length strings")
            defer {
                _ = pointers.withUnsafeMutableBytes {
                    H5Dvlen_reclaim(memoryType.id, spaceID, chdf5_P_DEFAULT(), $0.baseAddress)
                }
            }
            return try pointers.enumerated().map { index, pointer in
                guard let pointer else { return "" }
                return try decode(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), index, location, operation)
            }
        }
        let width = H5Tget_size(storedType)
        guard width > 0 else {
            throw location.libraryError(.library, operation, "the fixed-length string type has no size; the file may be damaged")
        }
        let spacePadded = H5Tget_strpad(storedType) == H5T_STR_SPACEPAD
        var bytes = [UInt8](repeating: 0, count: count * width)
        let status = bytes.withUnsafeMutableBytes { read(memoryType.id, $0.baseAddress) }
        try location.check(status, operation, "could not read the fixed-length strings")
        return try (0..<count).map { index in
            var field = bytes[(index * width)..<((index + 1) * width)]
            if let end = field.firstIndex(of: 0) { field = field[..<end] }
            if spacePadded { while field.last == 0x20 { field = field.dropLast() } }
            return try field.withUnsafeBytes { try decode($0, index, location, operation) }
        }
    }

    private static func decode(
        _ bytes: UnsafeRawBufferPointer, _ index: Int,
        _ location: ObjectLocation, _ operation: String
    ) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw location.error(.typeMismatch, operation, "string \(index) is not valid UTF-8; the writer used another encoding — read it with a tool that knows that encoding")
        }
        return text
    }
}
