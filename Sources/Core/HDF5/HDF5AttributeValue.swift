/// The value of an HDF5 attribute: a string, an integer or a float, single or
/// as a one-dimensional array.
///
/// Stored as: strings → variable-length UTF-8 (h5py reads them as `str`),
/// integers → little-endian int64, floats → little-endian float64. Single values
/// use a scalar dataspace, arrays a one-dimensional one, so `.int(3)` and
/// `.ints([3])` stay distinct. Reading converts any stored integer type to
/// `Int64` and any float type to `Double`, and flattens attributes of rank > 1
/// written by other programs.
public enum HDF5AttributeValue: Equatable, Sendable {
    /// One UTF-8 string.
    case string(String)
    /// A one-dimensional array of UTF-8 strings.
    case strings([String])
    /// One integer.
    case int(Int64)
    /// A one-dimensional array of integers.
    case ints([Int64])
    /// One float.
    case double(Double)
    /// A one-dimensional array of floats.
    case doubles([Double])
}
