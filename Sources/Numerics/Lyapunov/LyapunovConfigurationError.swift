import Dynamics

/// A misuse of an estimator: what is wrong and what to do.
public enum LyapunovConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The initial state's length differs from the map's dimension.
    case dimensionMismatch(expected: Int, actual: Int)
    /// A parameter is out of its range.
    case invalidParameter(name: String, value: String, requirement: String)

    /// A sentence saying what is wrong and what to do.
    public var description: String {
        switch self {
        case let .dimensionMismatch(expected, actual):
            "The initial state has \(actual) coordinates but the map has dimension \(expected): "
                + "pass a state of length \(expected)."
        case let .invalidParameter(name, value, requirement):
            "Parameter '\(name)' is \(value) but \(requirement): change it."
        }
    }

    /// Throws ``invalidParameter(name:value:requirement:)`` unless `condition` holds.
    static func require(
        _ condition: Bool, _ name: String, _ value: some CustomStringConvertible, _ requirement: String
    ) throws(LyapunovConfigurationError) {
        if !condition {
            throw .invalidParameter(name: name, value: value.description, requirement: requirement)
        }
    }

    /// Throws ``dimensionMismatch(expected:actual:)`` unless `state` fits `map`.
    static func requireDimension(_ state: [Double], of map: some DynamicalMap)
        throws(LyapunovConfigurationError)
    {
        if state.count != map.dimension {
            throw .dimensionMismatch(expected: map.dimension, actual: state.count)
        }
    }
}
