/// The figure and table numbers of the paper and its supplement, in order of placement,
/// and the order in which the references are first cited.
///
/// The body's figures and tables are "Figure 1", "Table 1", …; the supplement's (placed by
/// the supplement frame) "Figure S1", "Table S1", …, numbered on their own.
public struct Numbering: Equatable, Sendable {
    /// No figures or tables yet.
    public init() {}

    /// Figure names (without `figure:`) placed in the body, figure 1 first.
    public var figures: [String] = []
    /// Table names (without `table:`) placed in the body, table 1 first.
    public var tables: [String] = []
    /// Figure names placed in the supplement, figure S1 first.
    public var supplementFigures: [String] = []
    /// Table names placed in the supplement, table S1 first.
    public var supplementTables: [String] = []
    /// Reference keys (`{{cite:KEY}}`) in order of first citation, body first; reference 1 first.
    public var citations: [String] = []

    /// "Figure k" for a figure placed in the body, "Figure Sk" for one in the supplement.
    public func figure(_ name: String) -> String? {
        Self.label("Figure", name, body: figures, supplement: supplementFigures)
    }

    /// "Table k" for a table placed in the body, "Table Sk" for one in the supplement.
    public func table(_ name: String) -> String? {
        Self.label("Table", name, body: tables, supplement: supplementTables)
    }

    /// What a placed name is: figures and tables have names of their own, and a figure and
    /// a table may share one (`mittra.edge-of-stability`).
    public enum Kind: Sendable {
        case figure, table
    }

    /// Whether the figure or table `name` is placed in the supplement.
    public func isInSupplement(_ kind: Kind, _ name: String) -> Bool {
        switch kind {
        case .figure: supplementFigures.contains(name)
        case .table: supplementTables.contains(name)
        }
    }

    /// The number of the reference `key`, once cited.
    public func citation(_ key: String) -> Int? {
        citations.firstIndex(of: key).map { $0 + 1 }
    }

    private static func label(_ kind: String, _ name: String, body: [String], supplement: [String]) -> String? {
        if let index = body.firstIndex(of: name) { return "\(kind) \(index + 1)" }
        return supplement.firstIndex(of: name).map { "\(kind) S\($0 + 1)" }
    }
}
