/// The figure and table numbers of the paper, in order of placement in the template.
public struct Numbering: Equatable, Sendable {
    /// No figures or tables yet.
    public init() {}

    /// Figure names (without `figure:`), figure 1 first.
    public var figures: [String] = []
    /// Table names (without `table:`), table 1 first.
    public var tables: [String] = []

    /// "Figure k" for a placed figure.
    public func figure(_ name: String) -> String? {
        figures.firstIndex(of: name).map { "Figure \($0 + 1)" }
    }

    /// "Table k" for a placed table.
    public func table(_ name: String) -> String? {
        tables.firstIndex(of: name).map { "Table \($0 + 1)" }
    }
}
