import Foundation
import Plotting

/// An experiment's figure as an SVG file that describes itself: the drawing, the stage's
/// provenance in `<metadata>`, and the caption the paper prints in `<desc>`, computed when
/// the figure is rendered (from the same numbers as the drawing) and read back by the
/// stage that writes the paper. Facts about how the figure was drawn (the options a
/// section's prose refers to) travel as `data-*` attributes of the `<desc>` element.
///
/// ```xml
/// <title>…</title>
/// <desc data-width="8" data-late-series="tangent/late">Largest Lyapunov exponent λ …</desc>
/// <metadata>{provenance JSON}</metadata>
/// ```
public enum FigureDocument {
    /// The SVG of `figure` with `caption` and `facts` in `<desc>` and `provenance`
    /// (canonical JSON) in `<metadata>`. Fact names are lower-case letters, digits and `-`.
    public static func svg(_ figure: Figure, caption: String, facts: [String: String] = [:], provenance: String) throws -> String {
        let rendered = try renderSVG(figure, metadata: provenance)
        var lines = rendered.components(separatedBy: "\n")
        guard let root = lines.firstIndex(where: { $0.hasPrefix("<svg") }) else { return rendered }
        let position = root + 1 < lines.count && lines[root + 1].hasPrefix("<title>") ? root + 2 : root + 1
        let attributes = facts.keys.sorted().map { key -> String in
            precondition(key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "fact name \(key)")
            return " data-\(key)=\"\(escape(facts[key] ?? ""))\""
        }.joined()
        lines.insert("<desc\(attributes)>\(escape(caption))</desc>", at: position)
        return lines.joined(separator: "\n")
    }

    /// The facts that carry a caption's sourced numbers: `caption-marked` (the caption with
    /// ``ValueMarkers``) and `caption-sources` (canonical JSON: marker key → ``ValueSource``
    /// in the results file at `path`); none for a caption without sourced numbers.
    public static func captionFacts(_ caption: CaptionText, path: String, sha256: String) -> [String: String] {
        guard !caption.locations.isEmpty else { return [:] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let sources = (try? encoder.encode(caption.sources(path: path, sha256: sha256))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return [markedCaptionFact: caption.marked, captionSourcesFact: sources]
    }

    /// The fact holding the caption with its value markers.
    public static let markedCaptionFact = "caption-marked"
    /// The fact holding the sources of the caption's markers.
    public static let captionSourcesFact = "caption-sources"

    /// The caption of `svg` with its value markers and their sources, keys prefixed with
    /// `keyPrefix` so that they are unique in the paper; the plain caption and no sources
    /// when the figure stores none (or they cannot be read).
    public static func sourcedCaption(inSVG svg: String, path: String, keyPrefix: String) throws -> (caption: String, sources: [String: ValueSource]) {
        let plain = try caption(inSVG: svg, path: path)
        let facts = facts(inSVG: svg)
        guard let marked = facts[markedCaptionFact], ValueMarkers.strip(marked) == plain,
            let json = facts[captionSourcesFact],
            let sources = try? JSONDecoder().decode([String: ValueSource].self, from: Data(json.utf8))
        else { return (plain, [:]) }
        return (ValueMarkers.prefixKeys(marked, with: keyPrefix),
                Dictionary(uniqueKeysWithValues: sources.map { (keyPrefix + $0.key, $0.value) }))
    }

    /// The caption stored in the `<desc>` of `svg` (read from `path`).
    public static func caption(inSVG svg: String, path: String) throws -> String {
        guard let open = svg.range(of: "<desc"), let end = svg.range(of: ">", range: open.upperBound..<svg.endIndex),
            let close = svg.range(of: "</desc>", range: end.upperBound..<svg.endIndex)
        else {
            throw FigureDocumentError.noCaption(path: path)
        }
        return unescape(String(svg[end.upperBound..<close.lowerBound]))
    }

    /// The `data-*` facts of the `<desc>` element of `svg`, by name without `data-`.
    public static func facts(inSVG svg: String) -> [String: String] {
        guard let open = svg.range(of: "<desc"), let end = svg.range(of: ">", range: open.upperBound..<svg.endIndex) else { return [:] }
        var facts: [String: String] = [:]
        var rest = svg[open.upperBound..<end.lowerBound]
        while let name = rest.range(of: " data-"), let equals = rest.range(of: "=\"", range: name.upperBound..<rest.endIndex),
            let quote = rest.range(of: "\"", range: equals.upperBound..<rest.endIndex)
        {
            facts[String(rest[name.upperBound..<equals.lowerBound])] = unescape(String(rest[equals.upperBound..<quote.lowerBound]))
            rest = rest[quote.upperBound...]
        }
        return facts
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A figure file that lacks what the paper needs from it.
public enum FigureDocumentError: Error, CustomStringConvertible, Equatable {
    /// The SVG has no `<desc>` caption.
    case noCaption(path: String)

    public var description: String {
        switch self {
        case .noCaption(let path):
            return "the figure \(path) carries no caption (<desc>); it was not drawn by an experiment's figures task. "
                + "Regenerate it with `pipeline run --force --stage <its stage>`."
        }
    }
}
