import Foundation
import HDF5
import Plotting
import ReportKit
import StageKit

/// A throw-away fourth experiment, all of it: what a new experiment's folder holds besides
/// its analysis. Its results are a line through the `points` parameter; its one figure
/// draws the line; its section prints the slope, the figure and one table, and its claim
/// is "the line falls".
enum Toy: Experiment {
    static let name = "toy"

    static let parameters = TaskParameters(
        aggregate: [ParameterField("points", .array(.number), "the y values of the line at x = 0, 1, …")],
        figures: [ParameterField("lineWidth", .number, default: .double(2), "stroke width of the line")],
        section: [ParameterField("sourceValues", .json, "what the toy source states (printed as quoted)")])

    static func aggregate(_ context: StageContext) throws -> ToyResults {
        ToyResults(points: try context.parameters.doubles("points"))
    }

    static func draw(_ figure: ToyFigure, from results: ToyResults, settings: Parameters) throws -> FigureDrawing {
        let x = results.points.indices.map(Double.init)
        let width = try settings.double("lineWidth", default: 2)
        return FigureDrawing(
            PanelGrid.figure(title: "toy", panels: [Panel(xAxis: Axis(label: "x"), yAxis: Axis(label: "y"), layers: [.line(LineSeries(x: x, y: results.points, width: width))])]),
            caption: "A falling line, drawn from \(ReportNumber.count(results.points.count), part: "/line/points") points.", facts: ["line-width": String(width)])
    }

    static func section(_ inputs: SectionInputs<Toy>) throws -> SectionBundle {
        let table = PaperTable(
            caption: "Toy numbers.",
            table: MarkdownTable(header: ["x", "y"], rows: inputs.results.points.enumerated().map { [String($0.offset), ReportNumber.exact($0.element)] }),
            sources: [inputs.aggregate], computedBy: inputs.stage)
        let figures = try inputs.figurePaths()
        let (markdown, sources) = try SectionFiller.fill(
            inputs.template, values: ["toy.slope": ReportNumber.significant(inputs.results.slope)],
            blocks: Set(figures.keys).union(["toy.numbers"]), section: name, sources: { _ in .computed(inputs.aggregate) })
        return SectionBundle(
            section: name, markdown: markdown, tables: ["toy.numbers": table], figures: figures,
            verdicts: ["toy.claim1": inputs.results.slope < 0 ? "reproduced" : "not reproduced"], provenance: inputs.provenance,
            valueSources: sources)
    }
}

/// The toy's aggregate.h5: `/line/points`.
struct ToyResults: ExperimentResults {
    var points: [Double]

    /// End minus start over the span (NaN below two points).
    var slope: Double {
        guard let first = points.first, let last = points.last, points.count > 1 else { return .nan }
        return (last - first) / Double(points.count - 1)
    }

    static func read(path: String) throws -> ToyResults {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        let line = try ResultsGroupReader(file: file, group: "line")
        return ToyResults(points: try line.doubleGrid("points", shape: [try line.length("points")]).values)
    }

    func write(into file: HDF5File) throws {
        try ResultsGroupWriter(try file.root.createGroup("line"))
            .write("points", points, shape: [points.count], dimensions: ["x"], meaning: "y of the line")
    }
}

/// The toy's one figure.
enum ToyFigure: String, DeclaredFigure {
    static let experiment = "toy"
    case line = "toy-line"
}
