/// A figure caption whose computed numbers say where in the figure's results file they
/// come from, so that the paper can link each of them like a number of the text
/// (``ValueSource``). Written like a string; a sourced number is an interpolation with
/// its part (a dataset or group of the results file) and, for one element of a
/// dataset, its index:
///
/// ```swift
/// let caption: CaptionText = "median over \(ReportNumber.count(n), part: "/sweep") initialisations, "
///     + "from η = \(ReportNumber.exact(rates[0]), part: "/sweep/learning_rates", index: [0])"
/// ```
///
/// Each sourced number is wrapped in ``ValueMarkers`` under the key `part[index]`; the
/// figures task resolves the keys against its one results file (path and SHA-256) and
/// stores them with the caption (``FigureDocument``). ``plain`` is the caption without
/// markers, as the SVG's `<desc>` holds it.
public struct CaptionText: Equatable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// Where one number lies in the results file.
    public struct Location: Equatable, Codable, Sendable {
        /// The dataset or group, e.g. `/sweep/learning_rates` or `/sweep`.
        public var part: String
        /// The element of the dataset `part`; nil: the number describes the whole part.
        public var index: [Int]?

        /// The marker key: the part and its index, e.g. `/sweep/learning_rates[0]`.
        var key: String {
            part + (index.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" } ?? "")
        }
    }

    /// The caption with every sourced number wrapped in ``ValueMarkers``.
    public private(set) var marked: String
    /// The location of every marker key of ``marked``.
    public private(set) var locations: [String: Location]

    /// A caption without sourced numbers.
    public init(_ text: String) {
        (marked, locations) = (text, [:])
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: StringInterpolation) {
        (marked, locations) = (stringInterpolation.marked, stringInterpolation.locations)
    }

    /// The caption as printed, without markers.
    public var plain: String { ValueMarkers.strip(marked) }

    public var description: String { plain }

    /// `left` followed by `right`.
    public static func + (left: CaptionText, right: CaptionText) -> CaptionText {
        var joined = left
        joined.marked += right.marked
        joined.locations.merge(right.locations) { first, _ in first }
        return joined
    }

    /// `left` followed by the plain text `right`.
    public static func + (left: CaptionText, right: String) -> CaptionText {
        left + CaptionText(right)
    }

    /// The value sources of the markers, for the results file at `path` with `sha256`.
    public func sources(path: String, sha256: String) -> [String: ValueSource] {
        locations.mapValues { location in
            ValueSource(kind: .computed, file: path, part: location.part, sha256: sha256, citation: nil, index: location.index)
        }
    }

    /// Building a caption from a literal with interpolations.
    public struct StringInterpolation: StringInterpolationProtocol {
        var marked = ""
        var locations: [String: Location] = [:]

        public init(literalCapacity: Int, interpolationCount: Int) {
            marked.reserveCapacity(literalCapacity)
        }

        public mutating func appendLiteral(_ literal: String) {
            marked += literal
        }

        /// Text that is not a sourced number (a name, a unit, a quoted or given value).
        public mutating func appendInterpolation(_ text: String) {
            marked += text
        }

        /// A computed number and where it lies in the results file.
        public mutating func appendInterpolation(_ value: String, part: String, index: [Int]? = nil) {
            let location = Location(part: part, index: index)
            locations[location.key] = location
            marked += ValueMarkers.wrap(value, key: location.key)
        }

        /// Another caption, its sourced numbers kept.
        public mutating func appendInterpolation(_ caption: CaptionText) {
            marked += caption.marked
            locations.merge(caption.locations) { first, _ in first }
        }
    }
}
