import ReportKit

/// The aggregate.h5 input of the `section` task as the tables cite it: its declared path
/// and the SHA-256 the driver hashed, so the paper's appendix ties each table to the file.
public struct AggregateFile: Sendable, Equatable {
    /// The declared path, e.g. `data/mittra/aggregate.h5`.
    public var path: String
    /// Its SHA-256.
    public var sha256: String

    /// Creates the reference.
    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// The table source for `groups` of the file.
    public func source(_ groups: String...) -> PaperTable.Source {
        PaperTable.Source(path: path, part: groups.map { "/" + $0 }.joined(separator: ", "), sha256: sha256)
    }

    /// The dataset `name` of group `group`, for links of single table cells.
    public func dataset(_ group: String, _ name: String) -> PaperTable.Source {
        PaperTable.Source(path: path, part: "/\(group)/\(name)", sha256: sha256)
    }
}
