import FileSchemas
import NetworkInference
import ReportKit

/// The classifier a trained network draws on the plane (docs/PROTOCOL.md §4, the "smoother
/// classifiers" claim): its output probability on a regular grid over the test points,
/// evaluated with the training engine's forward pass arithmetic
/// (``NetworkInference/FeedForwardNetwork``, without linking the engine).
public enum DecisionBoundary {
    /// One run to draw: its network, final parameters and the test set it was scored on.
    public struct Run: Sendable {
        /// The network with its final parameters.
        public var network: FeedForwardNetwork
        /// The test points, sample-major (two features each), and their labels.
        public var test: DataFile.Split
        /// The seed index of the run and its final test accuracy.
        public var seedIndex: Int
        public var finalAccuracy: Double
        /// The data draw the run was trained and tested on.
        public var dataDraw: Int

        /// Creates a run.
        public init(network: FeedForwardNetwork, test: DataFile.Split, seedIndex: Int, finalAccuracy: Double, dataDraw: Int) {
            (self.network, self.test) = (network, test)
            (self.seedIndex, self.finalAccuracy, self.dataDraw) = (seedIndex, finalAccuracy, dataDraw)
        }
    }

    /// `count` equally spaced values from the smallest to the largest of `values`, widened
    /// on both sides by `margin` × their range.
    public static func axis(covering values: [Double], margin: Double, count: Int) -> [Double] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), count >= 2 else { return [] }
        let pad = margin * max(high - low, 1e-12)
        let (a, b) = (low - pad, high + pad)
        return (0..<count).map { a + (b - a) * Double($0) / Double(count - 1) }
    }

    /// The probability of class 1 at every grid point (x[j], y[i]), row-major [y, x]:
    /// the sigmoid output for one output unit, the second softmax output for several.
    public static func probabilities(of run: Run, x: [Double], y: [Double]) -> [Double] {
        let row = run.network.outputCount == 1 ? 0 : 1
        return y.flatMap { b in x.map { a in run.network.outputs([a, b][...])[row] } }
    }

    /// The accuracy of the run's network on its test set (the check that the parameters and
    /// the data draw belong together: it must equal the accuracy recorded at the last step).
    public static func testAccuracy(of run: Run) -> Double {
        run.network.accuracy(inputs: run.test.inputs, labels: run.test.labels)
    }

    /// The panels of `runs` on one grid of `gridPoints` × `gridPoints` covering every run's
    /// test points widened by `margin` × their range on each side.
    public static func results(_ runs: [Run], gridPoints: Int, margin: Double) throws -> DecisionBoundaryResults {
        let points = runs.map(\.test)
        let x = axis(covering: points.flatMap { $0.inputs.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) }, margin: margin, count: gridPoints)
        let y = axis(covering: points.flatMap { $0.inputs.enumerated().filter { $0.offset % 2 == 1 }.map(\.element) }, margin: margin, count: gridPoints)
        let sampleCount = points.map(\.count).max() ?? 0
        var probability: [Double] = [], inputs: [Double] = [], labels: [Int] = []
        for run in runs {
            guard run.test.featureCount == 2, run.network.inputCount == 2 else {
                throw InferenceError.invalidLayerSizes(run.network.layerSizes)
            }
            probability += probabilities(of: run, x: x, y: y)
            let padding = sampleCount - run.test.count
            inputs += run.test.inputs + [Double](repeating: .nan, count: 2 * padding)
            labels += run.test.labels + [Int](repeating: -1, count: padding)
        }
        let o = runs.count
        return DecisionBoundaryResults(
            x: x, y: y, probability: Grid(values: probability, shape: [o, y.count, x.count]),
            seedIndex: runs.map(\.seedIndex), finalAccuracy: runs.map(\.finalAccuracy), dataDraw: runs.map(\.dataDraw),
            testInputs: Grid(values: inputs, shape: [o, sampleCount, 2]), testLabels: Grid(values: labels, shape: [o, sampleCount]))
    }
}
