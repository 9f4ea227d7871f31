import CHDF5

/// Conversions between shapes (`[Int]`, row-major, rank 0 = scalar) and HDF5
/// dataspaces.
enum Dataspace {
    /// HDF5's maximum rank (`H5S_MAX_RANK`).
    static let maximumRank = 32

    /// The number of elements of `shape`, after checking that every extent is
    /// non-negative, the rank is at most 32 and the product does not overflow.
    static func elementCount(
        of shape: [Int], _ location: ObjectLocation, _ operation: String
    ) throws -> Int {
        guard shape.count <= maximumRank else {
            throw location.error(.invalidArgument, operation, "shape \(shape) has rank \(shape.count) but HDF5 allows at most \(maximumRank) dimensions")
        }
        var count = 1
        for extent in shape {
            guard extent >= 0 else {
                throw location.error(.invalidArgument, operation, "shape \(shape) has a negative extent; extents must be >= 0")
            }
            let product = count.multipliedReportingOverflow(by: extent)
            guard !product.overflow else {
                throw location.error(.invalidArgument, operation, "shape \(shape) has more elements than Int can count")
            }
            count = product.partialValue
        }
        return count
    }

    /// Checks that `valueCount` values fill `shape` exactly.
    static func validate(
        shape: [Int], valueCount: Int, _ location: ObjectLocation, _ operation: String
    ) throws {
        let count = try elementCount(of: shape, location, operation)
        guard count == valueCount else {
            throw location.error(.invalidArgument, operation, "\(valueCount) values do not fill shape \(shape) (\(count) elements); pass values.count == product of the shape")
        }
    }

    /// A new dataspace for `shape`: scalar for rank 0, simple otherwise.
    static func create(
        shape: [Int], _ location: ObjectLocation, _ operation: String
    ) throws -> ScopedHandle {
        if shape.isEmpty {
            return try location.handle(
                H5Screate(H5S_SCALAR), closedBy: H5Sclose, operation, "could not create a scalar dataspace")
        }
        let extents = shape.map { hsize_t($0) }
        return try location.handle(
            H5Screate_simple(Int32(extents.count), extents, nil), closedBy: H5Sclose, operation,
            "could not create a dataspace of shape \(shape)")
    }

    /// What a stored dataspace holds.
    enum Extent: Equatable {
        /// A scalar (one element, shape `[]`) or an N-d array.
        case shape([Int])
        /// HDF5's null dataspace: no elements at all.
        case null
    }

    /// The extent of the dataspace `spaceID`.
    static func extent(
        of spaceID: hid_t, _ location: ObjectLocation, _ operation: String
    ) throws -> Extent {
        let spaceClass = H5Sget_simple_extent_type(spaceID)
        switch spaceClass {
        case H5S_NULL:
            return .null
        case H5S_SCALAR:
            return .shape([])
        case H5S_SIMPLE:
            let rank = H5Sget_simple_extent_ndims(spaceID)
            try location.check(rank, operation, "could not read the rank of the dataspace")
            var extents = [hsize_t](repeating: 0, count: Int(rank))
            try location.check(
                H5Sget_simple_extent_dims(spaceID, &extents, nil), operation,
                "could not read the extents of the dataspace")
            return .shape(extents.map { Int($0) })
        default:
            throw location.libraryError(.library, operation, "the dataspace has no valid extent; the file may be damaged")
        }
    }
}
