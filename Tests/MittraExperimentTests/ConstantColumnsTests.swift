import ReportKit
import XCTest

@testable import MittraExperiment

/// A column with one value in every row leaves the table and is stated once in the caption.
final class ConstantColumnsTests: XCTestCase {
    func testConstantCandidateColumnsMoveToTheCaption() {
        let table = MarkdownTable(
            header: ["activation", "cells", "onset", "seeds"],
            rows: [["sigmoid", "0", "—", "19/30"], ["relu", "0", "—", "18/30"], ["tanh", "0", "2.5", "14/30"]])
        let folded = ConstantColumns.fold(table, candidates: [1, 2, 3])
        XCTAssertEqual(folded.table.header, ["activation", "onset", "seeds"], "only 'cells' is the same in every row")
        XCTAssertEqual(folded.table.rows[2], ["tanh", "2.5", "14/30"])
        XCTAssertEqual(folded.sentence, " The same in every row, so not a column: cells: 0.")
        // A constant column that is not a candidate stays; a one-row table keeps every column.
        XCTAssertEqual(ConstantColumns.fold(table, candidates: [3]).table.header, table.header)
        let one = MarkdownTable(header: ["a", "b"], rows: [["x", "y"]])
        XCTAssertEqual(ConstantColumns.fold(one, candidates: [0, 1]).table.header, ["a", "b"])
        XCTAssertEqual(ConstantColumns.fold(one, candidates: [0, 1]).sentence, "")
    }
}
