import Provenance
import StageKit

/// The source paper's own numbers, quoted as such (docs/PROTOCOL.md §2), from the `mittra-section`
/// parameter `sourceValues`:
///
/// ```json
/// "sourceValues": {
///   "table1":   {"sigmoid": {"lambda": -0.000055, "loss": 0.2659}, "linear": {…}, "relu": {…}},
///   "fig5Code": {"r": 0.22, "p": 0.12},
///   "draft":    {"activations": {"sigmoid": {"lambda": -7.46, "loss": 0.249}, "tanh": {…}, "relu": {…}}, …},
///   …any further facts the template quotes, e.g. "code": {"learningRate": 0.01, …}
/// }
/// ```
///
/// Every scalar leaf is also available to the template as `{{source.<path>}}`.
public struct SourceValues: Sendable {
    /// λ and final loss that a source reports for one activation.
    public struct Reported: Sendable, Equatable {
        /// The reported λ (unit as the source prints it).
        public var lambda: Double
        /// The reported final loss.
        public var loss: Double
    }

    /// The arXiv paper's Table 1 by activation name, sorted by name.
    public let table1: [(activation: String, reported: Reported)]
    /// The correlation the source's public code reported for Fig. 5.
    public let fig5Code: (r: Double, p: Double)
    /// The earlier draft's table by activation name, sorted by name.
    public let draft: [(activation: String, reported: Reported)]
    /// The whole parameter, for `{{source.<path>}}`.
    public let raw: JSONValue

    /// Reads `parameters` (the object at `stages.mittra-section.parameters.sourceValues`).
    public init(_ parameters: Parameters) throws {
        raw = parameters.value
        table1 = try Self.reported(try parameters.object("table1"))
        let fig5 = try parameters.object("fig5Code")
        fig5Code = (try fig5.double("r"), try fig5.double("p"))
        draft = try Self.reported(try parameters.object("draft").object("activations"))
    }

    /// The reported value for `activation` in `table`, if any.
    public static func value(_ table: [(activation: String, reported: Reported)], _ activation: String) -> Reported? {
        table.first { $0.activation == activation }?.reported
    }

    private static func reported(_ table: Parameters) throws -> [(activation: String, reported: Reported)] {
        guard case .object(let members) = table.value, !members.isEmpty else {
            throw StageError.parameter(path: table.path, message: "must be a non-empty object {activation: {\"lambda\": …, \"loss\": …}}")
        }
        return try members.keys.sorted().map { name in
            let entry = try table.object(name)
            return (name, Reported(lambda: try entry.double("lambda"), loss: try entry.double("loss")))
        }
    }
}
