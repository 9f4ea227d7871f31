import XCTest
@testable import Statistics

/// Asserts |actual − expected| ≤ relative · |expected| + absolute.
func assertClose(
    _ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0,
    _ message: String = "", file: StaticString = #filePath, line: UInt = #line
) {
    let bound = relative * abs(expected) + absolute
    XCTAssert(
        abs(actual - expected) <= bound,
        "\(actual) differs from \(expected) by \(abs(actual - expected)) > \(bound). \(message)",
        file: file, line: line)
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<T>(
    _ expected: StatisticsErrorMatcher, file: StaticString = #filePath, line: UInt = #line,
    _ body: () throws -> T
) {
    do {
        _ = try body()
        XCTFail("expected an error \(expected) but the call succeeded", file: file, line: line)
    } catch {
        XCTAssert(expected.matches(error), "unexpected error \(error)", file: file, line: line)
    }
}

/// A predicate over thrown errors, so tests can match a case without spelling its payload.
struct StatisticsErrorMatcher: CustomStringConvertible, Sendable {
    let description: String
    let matches: @Sendable (Error) -> Bool
}

extension StatisticsErrorMatcher {
    private static func matching(_ name: String, _ test: @escaping @Sendable (StatisticsError) -> Bool) -> Self {
        StatisticsErrorMatcher(description: name) { error in
            guard let error = error as? StatisticsError else { return false }
            return test(error)
        }
    }
    static let tooFewValues = matching("tooFewValues") { if case .tooFewValues = $0 { true } else { false } }
    static let nonFiniteValue = matching("nonFiniteValue") { if case .nonFiniteValue = $0 { true } else { false } }
    static let lengthMismatch = matching("lengthMismatch") { if case .lengthMismatch = $0 { true } else { false } }
    static let probabilityOutOfRange = matching("probabilityOutOfRange") {
        if case .probabilityOutOfRange = $0 { true } else { false }
    }
    static let confidenceLevelOutOfRange = matching("confidenceLevelOutOfRange") {
        if case .confidenceLevelOutOfRange = $0 { true } else { false }
    }
    static let invalidParameter = matching("invalidParameter") { if case .invalidParameter = $0 { true } else { false } }
    static let zeroVariance = matching("zeroVariance") { if case .zeroVariance = $0 { true } else { false } }
    static let gridNotIncreasing = matching("gridNotIncreasing") {
        if case .gridNotIncreasing = $0 { true } else { false }
    }
    static let invalidResampleCount = matching("invalidResampleCount") {
        if case .invalidResampleCount = $0 { true } else { false }
    }
    static let undefinedStatistic = matching("undefinedStatistic") {
        if case .undefinedStatistic = $0 { true } else { false }
    }
}
