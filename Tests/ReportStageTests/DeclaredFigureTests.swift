import MittraExperiment
import ReportKit
import XCTest

/// Every experiment finds its figures from the paths pipeline.json declares, one way.
final class DeclaredFigureTests: XCTestCase {
    func testADeclaredPathNamesItsFigureAndItsPlaceholder() throws {
        let figure = try MittraFigure(declaredPath: "figures/mittra-fig4-lyapunov-vs-lr.svg")
        XCTAssertEqual(figure, .lyapunovVsLearningRate)
        XCTAssertEqual(figure.placeholderName, "mittra.fig4-lyapunov-vs-lr")
    }

    func testAnUnknownPathSaysWhatTheTaskMakesAndWhatToFix() {
        XCTAssertThrowsError(try MittraFigure(declaredPath: "figures/mittra-nothing.svg")) { error in
            guard let unknown = error as? UnknownFigure else { return XCTFail("\(error)") }
            XCTAssertEqual(unknown.experiment, "mittra")
            XCTAssertEqual(unknown.known.count, MittraFigure.allCases.count)
            XCTAssertTrue(unknown.description.contains("figures/mittra-estimators.svg"))
            XCTAssertTrue(unknown.description.contains("stages.mittra-figures"))
        }
        XCTAssertThrowsError(try MittraFigure(declaredPath: "figures/mittra-estimators.png"), "the .svg suffix is required")
    }
}
