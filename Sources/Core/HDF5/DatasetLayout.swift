import CHDF5

/// How a dataset is laid out on disk: contiguous, or chunked with optional
/// deflate (zlib) compression. Built and validated from the arguments of
/// ``HDF5Group/writeDataset(_:_:shape:chunk:deflateLevel:)``.
struct DatasetLayout: Sendable, Equatable {
    /// Chunk extents, one per dimension; `nil` for a contiguous dataset.
    let chunk: [Int]?
    /// Deflate level 0…9; `nil` for no compression.
    let deflateLevel: Int?

    /// HDF5 refuses chunks of 4 GiB or more (HDF5 User's Guide, "Chunking in HDF5").
    static let maximumChunkBytes = (1 << 32) - 1

    /// Checks `chunk` and `deflateLevel` against the dataset's `shape` and
    /// element size; every refusal says what to pass instead.
    init(
        shape: [Int], elementBytes: Int, chunk: [Int]?, deflateLevel: Int?,
        location: ObjectLocation, operation: String
    ) throws {
        func invalid(_ reason: String) -> HDF5Error {
            location.error(.invalidArgument, operation, reason)
        }
        if let deflateLevel {
            guard (0...9).contains(deflateLevel) else {
                throw invalid("deflate level \(deflateLevel) is outside 0...9; pass a level from 0 (store) to 9 (smallest)")
            }
            guard chunk != nil else {
                throw invalid("deflate compression needs a chunked layout; pass chunk: (e.g. the shape \(shape) itself)")
            }
            guard H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0 else {
                throw location.libraryError(.library, operation, "this libhdf5 was built without the deflate filter; write without deflateLevel")
            }
        }
        if let chunk {
            guard !shape.isEmpty else {
                throw invalid("a scalar (rank-0) dataset cannot be chunked; pass chunk: nil")
            }
            guard chunk.count == shape.count else {
                throw invalid("chunk \(chunk) has rank \(chunk.count) but the shape \(shape) has rank \(shape.count); give one chunk extent per dimension")
            }
            var chunkBytes = elementBytes
            for (dimension, (extent, size)) in zip(chunk, shape).enumerated() {
                guard size > 0 else {
                    throw invalid("dimension \(dimension) of shape \(shape) is 0 and a zero-size dataset cannot be chunked; pass chunk: nil")
                }
                guard (1...size).contains(extent) else {
                    throw invalid("chunk extent \(extent) in dimension \(dimension) must be between 1 and the dimension's size \(size)")
                }
                let product = chunkBytes.multipliedReportingOverflow(by: extent)
                guard !product.overflow, product.partialValue <= Self.maximumChunkBytes else {
                    throw invalid("chunk \(chunk) holds more than HDF5's 4 GiB chunk limit; use smaller chunk extents")
                }
                chunkBytes = product.partialValue
            }
        }
        self.chunk = chunk
        self.deflateLevel = deflateLevel
    }
}
