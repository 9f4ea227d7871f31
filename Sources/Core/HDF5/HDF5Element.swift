import CHDF5

/// The element types a dataset of this layer can hold.
///
/// Numbers are stored little-endian whatever the host (`H5T_IEEE_F64LE`, …);
/// strings are variable-length UTF-8 (fixed-length strings written by other
/// programs are read too).
public enum HDF5ElementType: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// IEEE 754 binary64 (`Double`).
    case float64
    /// IEEE 754 binary32 (`Float`).
    case float32
    /// Two's-complement 64-bit signed integer (`Int64`, `Int`).
    case int64
    /// Two's-complement 32-bit signed integer (`Int32`).
    case int32
    /// 8-bit unsigned integer (`UInt8`).
    case uint8
    /// UTF-8 text (`String`).
    case string

    /// The name, e.g. `float64`.
    public var description: String { rawValue }

    /// The number of bytes of one element in memory; `nil` for strings.
    var byteCount: Int? {
        switch self {
        case .float64, .int64: 8
        case .float32, .int32: 4
        case .uint8: 1
        case .string: nil
        }
    }

    /// The in-memory type and the on-disk type for a number type; `nil` for strings.
    var numericTypeIDs: (memory: hid_t, file: hid_t)? {
        switch self {
        case .float64: (chdf5_T_NATIVE_DOUBLE(), chdf5_T_IEEE_F64LE())
        case .float32: (chdf5_T_NATIVE_FLOAT(), chdf5_T_IEEE_F32LE())
        case .int64: (chdf5_T_NATIVE_INT64(), chdf5_T_STD_I64LE())
        case .int32: (chdf5_T_NATIVE_INT32(), chdf5_T_STD_I32LE())
        case .uint8: (chdf5_T_NATIVE_UINT8(), chdf5_T_STD_U8LE())
        case .string: nil
        }
    }

    /// Classifies a stored HDF5 datatype: the element type it matches (any byte
    /// order) or `nil`, and a readable description of it for error messages.
    static func classify(storedType typeID: hid_t) -> (type: HDF5ElementType?, description: String) {
        let bits = H5Tget_size(typeID) * 8
        switch H5Tget_class(typeID) {
        case H5T_FLOAT:
            switch bits {
            case 64: return (.float64, "float64")
            case 32: return (.float32, "float32")
            default: return (nil, "\(bits)-bit float")
            }
        case H5T_INTEGER:
            let signed = H5Tget_sign(typeID) == H5T_SGN_2
            switch (bits, signed) {
            case (64, true): return (.int64, "int64")
            case (32, true): return (.int32, "int32")
            case (8, false): return (.uint8, "uint8")
            default: return (nil, "\(bits)-bit \(signed ? "signed" : "unsigned") integer")
            }
        case H5T_STRING: return (.string, "string")
        case H5T_COMPOUND: return (nil, "compound (struct)")
        case H5T_ENUM: return (nil, "enumeration")
        case H5T_ARRAY: return (nil, "array")
        case H5T_VLEN: return (nil, "variable-length sequence")
        case H5T_BITFIELD: return (nil, "bitfield")
        case H5T_OPAQUE: return (nil, "opaque")
        case H5T_REFERENCE: return (nil, "reference")
        default: return (nil, "unknown type class")
        }
    }
}

/// A Swift number type that can be stored as dataset elements.
///
/// One generic dataset implementation serves every conforming type
/// (one generic `Dataset`, not a class per type). Conformances
/// exist for `Double`, `Float`, `Int64`, `Int32`, `UInt8` and `Int` (stored as
/// `int64`). A conforming type must have exactly the memory layout of its
/// ``hdf5ElementType``; the layer checks the size and refuses otherwise.
public protocol HDF5Element: BitwiseCopyable, Sendable {
    /// The HDF5 element type this Swift type is stored as.
    static var hdf5ElementType: HDF5ElementType { get }
}

extension Double: HDF5Element {
    /// `float64`.
    public static var hdf5ElementType: HDF5ElementType { .float64 }
}

extension Float: HDF5Element {
    /// `float32`.
    public static var hdf5ElementType: HDF5ElementType { .float32 }
}

extension Int64: HDF5Element {
    /// `int64`.
    public static var hdf5ElementType: HDF5ElementType { .int64 }
}

extension Int32: HDF5Element {
    /// `int32`.
    public static var hdf5ElementType: HDF5ElementType { .int32 }
}

extension UInt8: HDF5Element {
    /// `uint8`.
    public static var hdf5ElementType: HDF5ElementType { .uint8 }
}

extension Int: HDF5Element {
    /// `int64` (Int is 64 bits wide on every platform Swift on Linux supports).
    public static var hdf5ElementType: HDF5ElementType { .int64 }
}

extension HDF5Element {
    /// The in-memory and on-disk type identifiers of `Self`, after checking that
    /// the conformance is usable (a number type whose size matches).
    static func numericTypeIDs(
        _ location: ObjectLocation, _ operation: String
    ) throws -> (memory: hid_t, file: hid_t) {
        let type = hdf5ElementType
        guard let ids = type.numericTypeIDs, type.byteCount == MemoryLayout<Self>.size else {
            throw location.error(.invalidArgument, operation, "\(Self.self) declares element type \(type) but has \(MemoryLayout<Self>.size) bytes; only number types of matching size can be stored this way (use writeStrings for text)")
        }
        return ids
    }
}
