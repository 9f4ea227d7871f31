/// An element type a ``DatasetField`` can declare: every ``HDF5Element`` number type (`Int`
/// stored as int64) and
/// `String` (variable-length UTF-8). One protocol, so that a field of numbers and a
/// field of text (a string column) are written and read by the same code.
public protocol HDF5FieldElement: Sendable {
    /// The stored element type.
    static var storedType: HDF5ElementType { get }
    /// Writes `values` as the new dataset `name` of `group`.
    static func write(
        _ values: [Self], name: String, shape: [Int], chunk: [Int]?, deflateLevel: Int?, into group: HDF5Group
    ) throws -> HDF5Dataset
    /// All elements of `dataset`, whose stored type has been checked to be ``storedType``.
    static func read(_ dataset: HDF5Dataset) throws -> [Self]
}

extension HDF5FieldElement where Self: HDF5Element {
    /// ``HDF5Element/hdf5ElementType``.
    public static var storedType: HDF5ElementType { hdf5ElementType }

    /// ``HDF5Group/writeDataset(_:_:shape:chunk:deflateLevel:)``.
    public static func write(
        _ values: [Self], name: String, shape: [Int], chunk: [Int]?, deflateLevel: Int?, into group: HDF5Group
    ) throws -> HDF5Dataset {
        try group.writeDataset(name, values, shape: shape, chunk: chunk, deflateLevel: deflateLevel)
    }

    /// ``HDF5Dataset/read(as:)``.
    public static func read(_ dataset: HDF5Dataset) throws -> [Self] {
        try dataset.read(as: Self.self).values
    }
}

extension Double: HDF5FieldElement {}
extension Float: HDF5FieldElement {}
extension Int64: HDF5FieldElement {}
extension Int: HDF5FieldElement {}
extension Int32: HDF5FieldElement {}
extension UInt8: HDF5FieldElement {}

extension String: HDF5FieldElement {
    /// `string`.
    public static var storedType: HDF5ElementType { .string }

    /// ``HDF5Group/writeStrings(_:_:shape:)``; text is never chunked, so a chunk is refused.
    public static func write(
        _ values: [String], name: String, shape: [Int], chunk: [Int]?, deflateLevel: Int?, into group: HDF5Group
    ) throws -> HDF5Dataset {
        guard chunk == nil, deflateLevel == nil else {
            throw group.location.child(name).error(
                .invalidArgument, "write string dataset", "string datasets are stored contiguous; declare the field with storage .contiguous")
        }
        return try group.writeStrings(name, values, shape: shape)
    }

    /// ``HDF5Dataset/readStrings()``.
    public static func read(_ dataset: HDF5Dataset) throws -> [String] {
        try dataset.readStrings().values
    }
}
