/// Where a rate chosen from a grid lies in it (docs/PROTOCOL.md §4.7: a best rate at an end of its
/// grid may not be the best rate at all, so the grid must be widened past it).
public enum GridPosition: String, Sendable, Equatable, CaseIterable {
    /// Strictly between the smallest and the largest rate of the grid.
    case interior
    /// The smallest rate of a grid of several.
    case lowerEnd = "lower end"
    /// The largest rate of a grid of several.
    case upperEnd = "upper end"
    /// The grid has one rate: no end is tested.
    case onlyRate = "only rate"
    /// No best rate (no finite accuracy).
    case none

    /// The position of `rate` among `rates` (any order; duplicates count once).
    public static func of(_ rate: Double, in rates: [Double]) -> GridPosition {
        let distinct = Set(rates.filter(\.isFinite))
        guard rate.isFinite, let low = distinct.min(), let high = distinct.max() else { return .none }
        if distinct.count == 1 { return .onlyRate }
        return rate <= low ? .lowerEnd : rate >= high ? .upperEnd : .interior
    }

    /// Whether the best rate can be trusted to be the grid's best: it lies inside the grid.
    public var isInterior: Bool { self == .interior }

    /// A plain phrase for the paper: where the rate lies and, at an end, what that means.
    public var sentence: String {
        switch self {
        case .interior: "inside its grid, as the rule requires"
        case .lowerEnd: "at the lower end of its grid, so a smaller rate might do better: the grid does not show the best rate"
        case .upperEnd: "at the upper end of its grid, so a larger rate might do better: the grid does not show the best rate"
        case .onlyRate: "the only rate of its grid, so no other rate was tried"
        case .none: "not defined: no rate has a finite accuracy"
        }
    }
}
