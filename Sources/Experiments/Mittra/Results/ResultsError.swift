/// Mittra's results lack something a figure or the paper asks for by name.
public enum ResultsError: Error, CustomStringConvertible, Equatable {
    /// A λ series (e.g. `"tangent/late"`) that the group does not hold.
    case missingSeries(String, group: String, available: [String])
    /// A network width that the learning-rate sweep did not run.
    case missingWidth(Int, available: [Int])

    public var description: String {
        switch self {
        case .missingSeries(let name, let group, let available):
            return "the results group \(group) has no λ series '\(name)' (it has: \(available.joined(separator: ", "))); "
                + "add it to the estimators of the exponents stage or choose one of these"
        case .missingWidth(let width, let available):
            return "the learning-rate sweep has no width \(width) (it has: \(available.map(String.init).joined(separator: ", "))); "
                + "set the parameter `width` of stages.mittra-figures to one of these"
        }
    }
}
