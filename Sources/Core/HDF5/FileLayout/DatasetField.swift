/// One dataset of a file layout, declared once and used by the writer and the reader
/// alike: where it lives (a path relative to the group it is written into, e.g.
/// `reference/training_loss`), its element type, the name of each axis (`dimensions`),
/// what the numbers are (`meaning`) and how it is stored.
///
/// Writing through a field (``HDF5Group/write(_:_:shape:)``) stores the values and the
/// `dimensions` and `meaning` attributes; reading (``HDF5Group/read(_:)``) checks that
/// the stored element type and rank are the declared ones. Like an option of
/// swift-argument-parser, the declaration is the one place that names the dataset.
public struct DatasetField<Element: HDF5FieldElement>: DeclaredField, Sendable {
    /// The path relative to the group the field is used with, components separated by `/`.
    public let path: String
    /// One name per axis, slowest-varying first (`[]` for a scalar).
    public let dimensions: [String]
    /// What the values are, with their unit; stored as the `meaning` attribute.
    public let meaning: String
    /// Contiguous, or chunked and deflated by a rule of the shape.
    public let storage: DatasetStorage

    /// Declares the dataset at `path` holding `Element` values.
    public init(
        _ path: String, of type: Element.Type = Element.self, dimensions: [String], meaning: String,
        storage: DatasetStorage = .contiguous
    ) {
        self.path = path
        self.dimensions = dimensions
        self.meaning = meaning
        self.storage = storage
    }

    /// The stored element type.
    public var elementType: HDF5ElementType { Element.storedType }

    /// The same field with another `meaning` (for texts that quote a setting of the run).
    public func meaning(_ text: String) -> DatasetField {
        DatasetField(path, dimensions: dimensions, meaning: text, storage: storage)
    }
}

/// What every declared dataset says about itself, whatever its element type: the list a
/// schema gives for its documentation and for checking a written file against it.
public protocol DeclaredField: Sendable {
    /// The path relative to the group the field is used with.
    var path: String { get }
    /// One name per axis.
    var dimensions: [String] { get }
    /// What the values are.
    var meaning: String { get }
    /// The stored element type.
    var elementType: HDF5ElementType { get }
}

extension DeclaredField {
    /// One line of a layout description: `path [dimension, …] type: meaning`.
    public var summary: String {
        "\(path) [\(dimensions.joined(separator: ", "))] \(elementType): \(meaning)"
    }
}

/// How a declared dataset is stored: contiguous, or chunked (the chunk a rule of the
/// shape, `nil` meaning contiguous, e.g. for a zero extent) and deflated.
public struct DatasetStorage: Sendable {
    let chunkRule: (@Sendable ([Int]) -> [Int]?)?
    let deflateLevel: Int?

    /// One contiguous block, uncompressed.
    public static let contiguous = DatasetStorage(chunkRule: nil, deflateLevel: nil)

    /// Chunks given by `chunk(shape)`, deflated at `deflateLevel` (contiguous and
    /// uncompressed whenever `chunk` returns nil).
    public static func chunked(deflateLevel: Int, chunk: @escaping @Sendable ([Int]) -> [Int]?) -> DatasetStorage {
        DatasetStorage(chunkRule: chunk, deflateLevel: deflateLevel)
    }

    /// The chunk and deflate level of a dataset of `shape`.
    public func layout(for shape: [Int]) -> (chunk: [Int]?, deflateLevel: Int?) {
        guard let chunk = chunkRule?(shape) else { return (nil, nil) }
        return (chunk, deflateLevel)
    }
}
