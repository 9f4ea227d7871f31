import HDF5
import ReportKit

/// The `/decision_boundary` group of aggregate.h5: for each panel (an optimizer row of
/// `/optimizers`; SGD at its best rate only) the typical run by ``TypicalRun`` and its
/// network's probability of class 1 on one regular grid. P panels, X × Y grid points,
/// M test points (padded with NaN inputs and label −1 when draws differ in size).
///
/// - attributes `rows` [P] (row in `/optimizers`), `rule` (how the run was chosen)
/// - `x` [X], `y` [Y]: the grid axes; `probability` [P, Y, X]
/// - `seed_index`, `data_draw` [P] (Int64), `final_test_accuracy` [P]: the run shown
/// - `test_inputs` [P, M, 2], `test_labels` [P, M]: the test set of that run's data draw
public struct DecisionBoundaryResults: Sendable {
    public var rows: [Int] = []
    public var x: [Double]
    public var y: [Double]
    public var probability: Grid<Double>
    public var seedIndex: [Int]
    public var finalAccuracy: [Double]
    public var dataDraw: [Int]
    public var testInputs: Grid<Double>
    public var testLabels: Grid<Int>

    /// The panel count P.
    public var panelCount: Int { seedIndex.count }

    /// Panel `p`'s probabilities, [Y, X] row-major.
    public func probabilities(_ p: Int) -> [Double] {
        let size = x.count * y.count
        return Array(probability.values[(p * size)..<((p + 1) * size)])
    }

    /// The test points of panel `p` of class `label` among every `stride`-th sample, as (x, y) coordinate lists.
    public func testPoints(_ p: Int, label: Int, stride: Int = 1) -> (x: [Double], y: [Double]) {
        let labels = testLabels.line(p)
        let inputs = Array(testInputs.values[(p * 2 * labels.count)..<((p + 1) * 2 * labels.count)])
        let samples = Swift.stride(from: 0, to: labels.count, by: stride).filter { labels[$0] == label }
        return (samples.map { inputs[2 * $0] }, samples.map { inputs[2 * $0 + 1] })
    }

    /// Reads the group from `file`.
    public static func read(from file: HDF5File) throws -> DecisionBoundaryResults {
        let r = try ResultsGroupReader(file: file, group: "decision_boundary")
        let x = try r.doubleGrid("x", shape: [try r.length("x")]).values, y = try r.doubleGrid("y", shape: [try r.length("y")]).values
        let p = try r.length("seed_index"), m = try r.extent("test_labels", axis: 1)
        return DecisionBoundaryResults(
            rows: try r.ints("rows"), x: x, y: y, probability: try r.doubleGrid("probability", shape: [p, y.count, x.count]),
            seedIndex: try r.intGrid("seed_index", shape: [p]).values, finalAccuracy: try r.doubleGrid("final_test_accuracy", shape: [p]).values,
            dataDraw: try r.intGrid("data_draw", shape: [p]).values, testInputs: try r.doubleGrid("test_inputs", shape: [p, m, 2]),
            testLabels: try r.intGrid("test_labels", shape: [p, m]))
    }

    /// Writes the group into `file`.
    public func write(into file: HDF5File) throws {
        let w = ResultsGroupWriter(try file.root.createGroup("decision_boundary"))
        try w.attribute("rows", .ints(rows.map(Int64.init)))
        try w.attribute("rule", .string("typical run: " + TypicalRun.rule))
        let p = panelCount
        try w.write("x", Grid(values: x, shape: [x.count]), dimensions: ["x"], meaning: "grid abscissae (first input feature)")
        try w.write("y", Grid(values: y, shape: [y.count]), dimensions: ["y"], meaning: "grid ordinates (second input feature)")
        try w.write("probability", probability, dimensions: ["panel", "y", "x"], meaning: "the typical run's network output: probability of class 1 at (x, y)")
        try w.write("seed_index", Grid(values: seedIndex, shape: [p]), dimensions: ["panel"], meaning: "seed index of the typical run")
        try w.write("final_test_accuracy", Grid(values: finalAccuracy, shape: [p]), dimensions: ["panel"], meaning: "the typical run's test accuracy at the last epoch")
        try w.write("data_draw", Grid(values: dataDraw, shape: [p]), dimensions: ["panel"], meaning: "data draw the typical run was trained and tested on")
        try w.write("test_inputs", testInputs, dimensions: ["panel", "sample", "feature"], meaning: "test inputs of that draw (NaN padding)")
        try w.write("test_labels", testLabels, dimensions: ["panel", "sample"], meaning: "test labels of that draw (−1 padding)")
    }
}
