import HDF5

/// An experiment's results file (aggregate.h5) as one type that both writes and reads it,
/// so that its layout is stated once (in the type's documentation).
public protocol ExperimentResults {
    /// The results stored in the file at `path`.
    static func read(path: String) throws -> Self

    /// Writes the results into `file` (whose root already carries the provenance).
    func write(into file: HDF5File) throws
}
