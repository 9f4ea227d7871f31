import Statistics

/// Why an E4 analysis (docs/PROTOCOL.md §3) cannot run on its input: what is wrong and what to do.
public enum JimenezAnalysisError: Error, Equatable, CustomStringConvertible {
    /// `quantity` has no initialisations or no learning rates.
    case empty(quantity: String)
    /// Row `row` of the [initialisation][learning rate] matrix `quantity` has `actual`
    /// entries where row 0 has `expected`.
    case raggedMatrix(quantity: String, row: Int, expected: Int, actual: Int)
    /// A parameter is out of its range.
    case invalidParameter(name: String, value: String, requirement: String)
    /// A statistic failed underneath (its own message says why).
    case statistics(StatisticsError)

    public var description: String {
        switch self {
        case let .empty(quantity):
            "\(quantity) is empty: pass at least one initialisation and one learning rate."
        case let .raggedMatrix(quantity, row, expected, actual):
            "\(quantity) must be an [initialisation][learning rate] matrix, but row \(row) has \(actual) "
                + "entries and row 0 has \(expected): pass one entry per grid learning rate in every row."
        case let .invalidParameter(name, value, requirement):
            "parameter '\(name)' is \(value) but \(requirement): change it."
        case let .statistics(error):
            "\(error)"
        }
    }

    /// The column count of a non-empty rectangular matrix, or the error naming `quantity`.
    static func requireMatrix<Element>(_ matrix: [[Element]], _ quantity: String) throws(JimenezAnalysisError) -> Int {
        guard let columns = matrix.first?.count, columns > 0 else { throw .empty(quantity: quantity) }
        for (row, entries) in matrix.enumerated() where entries.count != columns {
            throw .raggedMatrix(quantity: quantity, row: row, expected: columns, actual: entries.count)
        }
        return columns
    }

    /// Throws ``invalidParameter(name:value:requirement:)`` unless `condition` holds.
    static func require(
        _ condition: Bool, _ name: String, _ value: some CustomStringConvertible, _ requirement: String
    ) throws(JimenezAnalysisError) {
        if !condition { throw .invalidParameter(name: name, value: value.description, requirement: requirement) }
    }
}

/// Runs a Statistics call, wrapping its error.
func statistics<T>(_ body: () throws(StatisticsError) -> T) throws(JimenezAnalysisError) -> T {
    do { return try body() } catch { throw .statistics(error) }
}
