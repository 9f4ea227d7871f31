@testable import Pipeline
import Provenance
import XCTest

/// `${…}` in pipeline.json strings: typed substitution, splicing into text, integer
/// arithmetic, and an error for each way an expression can be wrong.
final class InterpolationTests: XCTestCase {
    let scope: [String: JSONValue] = [
        "e5": .object(["steps": .int(80000), "window": .int(2000), "rate": .double(0.25), "name": .string("sgd")]),
        "key": .string("adam"),
        "item": .object(["optimizer": .object(["name": .string("adam")]), "rates": .array([.double(0.005)])]),
    ]

    func substitute(_ text: String) throws -> JSONValue {
        try Interpolation.substitute(text, in: scope)
    }

    func message(_ text: String) -> String {
        do {
            let value = try substitute(text)
            XCTFail("'\(text)' gave \(value.canonicalText) instead of an error")
            return ""
        } catch let error as InterpolationError {
            return error.message
        } catch {
            XCTFail("unexpected \(error)")
            return ""
        }
    }

    func testAWholeStringTakesTheValuesType() throws {
        XCTAssertEqual(try substitute("${e5.steps}"), .int(80000))
        XCTAssertEqual(try substitute("${e5.rate}"), .double(0.25))
        XCTAssertEqual(try substitute("${item.optimizer}"), .object(["name": .string("adam")]))
        XCTAssertEqual(try substitute("${item.rates}"), .array([.double(0.005)]))
        XCTAssertEqual(try substitute("${ key }"), .string("adam"), "spaces around a name are allowed")
    }

    func testInsideTextValuesAreSpliced() throws {
        XCTAssertEqual(try substitute("data/${key}-ensembles.h5"), .string("data/adam-ensembles.h5"))
        XCTAssertEqual(try substitute("${e5.steps} steps at ${e5.rate}"), .string("80000 steps at 0.25"))
        XCTAssertEqual(try substitute("no interpolation"), .string("no interpolation"))
        XCTAssertEqual(try substitute("${key}${key}"), .string("adamadam"), "two expressions make text, not a value")
    }

    func testIntegerArithmeticWithPrecedenceAndParentheses() throws {
        XCTAssertEqual(try substitute("${e5.steps - e5.window}"), .int(78000))
        XCTAssertEqual(try substitute("${e5.steps - 2000}"), .int(78000))
        XCTAssertEqual(try substitute("${2 + 3 * 4}"), .int(14))
        XCTAssertEqual(try substitute("${(2 + 3) * 4}"), .int(20))
        XCTAssertEqual(try substitute("${e5.steps * 30 / 100}"), .int(24000))
        XCTAssertEqual(try substitute("${10 - 2 - 3}"), .int(5), "left to right")
        XCTAssertEqual(try substitute("${-e5.window}"), .int(-2000))
        XCTAssertEqual(try substitute("late: ${e5.steps - e5.window}"), .string("late: 78000"))
    }

    func testUnknownVariableAndField() {
        XCTAssertTrue(message("${e6.steps}").contains("'e6' is not a variable (known here: e5, item, key)"), message("${e6.steps}"))
        XCTAssertTrue(message("${e5.stepz}").contains("'e5' has no field 'stepz' (fields: name, rate, steps, window)"))
        XCTAssertTrue(message("${item.rate}").contains("the item of key 'adam' has no field 'rate'"), message("${item.rate}"))
        XCTAssertTrue(message("${e5.steps.x}").contains("'e5.steps' is an integer, so it has no field 'x'"))
    }

    func testArithmeticTakesIntegersOnly() {
        XCTAssertTrue(message("${e5.rate * 2}").contains("arithmetic takes integers, found a number (0.25)"), message("${e5.rate * 2}"))
        XCTAssertTrue(message("${key + 1}").contains("found a string"))
        XCTAssertTrue(message("${e5.steps / 3}").contains("80000 / 3 is not an integer"))
        XCTAssertTrue(message("${1 / 0}").contains("divides by zero"))
        XCTAssertTrue(message("${9223372036854775807 + 1}").contains("overflows"))
    }

    func testMalformedExpressions() {
        XCTAssertTrue(message("${e5.steps").contains("without its closing '}'"))
        XCTAssertTrue(message("${}").contains("is empty"))
        XCTAssertTrue(message("${e5.steps % 2}").contains("'%' is not allowed"))
        XCTAssertTrue(message("${(1 + 2}").contains("'(' is not closed"))
        XCTAssertTrue(message("${1 +}").contains("ends where a name or an integer is expected"))
        XCTAssertTrue(message("${1 2}").contains("unexpected integer 2"))
        XCTAssertTrue(message("a ${item.optimizer} b").contains("splices an object into a longer string"))
    }
}
