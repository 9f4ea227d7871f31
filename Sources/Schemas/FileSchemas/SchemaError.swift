/// A file that has every declared dataset but whose contents do not fit together
/// (columns of different lengths, an axis that does not match another): the file, the
/// object and what is wrong. Missing fields and wrong types are ``HDF5/HDF5Error``s.
public struct SchemaError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file's path.
    public var file: String
    /// The object inside it, e.g. `/reference/training_loss`.
    public var object: String
    /// What is wrong and what to do.
    public var reason: String

    /// An error about `object` of `file`.
    public init(file: String, object: String, reason: String) {
        (self.file, self.object, self.reason) = (file, object, reason)
    }

    /// One line: file, object, reason.
    public var description: String { "\(file) \(object): \(reason)" }
}
