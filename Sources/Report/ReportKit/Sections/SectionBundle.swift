import Foundation
import Provenance

/// What one experiment contributes to the paper, written by the experiment's `section`
/// task (e.g. `paper/sections/mittra.json`) and assembled by `build-paper`:
///
/// - `markdown`: the section's prose with every number filled in, still holding the
///   numbering placeholders `{{figure:…}}`, `{{figref:…}}`, `{{table:…}}`, `{{tableref:…}}`
///   with names namespaced by the section (`mittra.chaos`, `mittra.fig4-lyapunov-vs-lr`);
///   references to the frame's tables (`validation`, `methods.parameters`) are allowed;
/// - `tables`: each table by name, with its caption, cells and the files its numbers come from;
/// - `figures`: each figure name → the declared path of its SVG (its caption is in the SVG);
/// - `verdicts`: each claim (`mittra.claim1` …) → its verdict;
/// - `claims`: each claim as a row of the paper's opening verdict table (``ClaimRow``);
/// - `provenance`: the section task's provenance, so the paper's chain runs through it.
///
/// Written as JSON with sorted keys, so that equal bundles are equal bytes.
public struct SectionBundle: Codable, Equatable, Sendable {
    /// The version of this layout.
    public static let currentFormatVersion = 1

    /// The layout version (``currentFormatVersion``).
    public var formatVersion: Int
    /// The section's name, as `{{section:NAME}}` includes it.
    public var section: String
    /// The filled prose (see the type's documentation).
    public var markdown: String
    /// Tables by name.
    public var tables: [String: PaperTable]
    /// Figure name → declared SVG path.
    public var figures: [String: String]
    /// Claim name → verdict.
    public var verdicts: [String: String]
    /// The provenance of the stage that wrote the bundle.
    public var provenance: JSONValue?
    /// Where each marked value of `markdown` comes from (``ValueMarkers`` key → source).
    public var valueSources: [String: ValueSource]?
    /// The section's claims for the paper's opening verdict table, in the section's order.
    public var claims: [ClaimRow]?

    /// Creates a bundle.
    public init(
        section: String, markdown: String, tables: [String: PaperTable], figures: [String: String],
        verdicts: [String: String], provenance: JSONValue?, valueSources: [String: ValueSource]? = nil, claims: [ClaimRow]? = nil
    ) {
        self.valueSources = valueSources
        self.claims = claims
        formatVersion = Self.currentFormatVersion
        self.section = section
        self.markdown = markdown
        self.tables = tables
        self.figures = figures
        self.verdicts = verdicts
        self.provenance = provenance
    }

    /// The bundle as JSON text (sorted keys, indented, ending with a newline).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads the bundle at `path` (declared as `declaredPath`).
    public static func read(path: String, declaredPath: String) throws -> SectionBundle {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SectionBundleError.unreadable(path: declaredPath, reason: "the file does not exist")
        }
        let bundle: SectionBundle
        do {
            bundle = try JSONDecoder().decode(SectionBundle.self, from: data)
        } catch {
            throw SectionBundleError.unreadable(path: declaredPath, reason: "\(error)")
        }
        guard bundle.formatVersion == currentFormatVersion else {
            throw SectionBundleError.unreadable(
                path: declaredPath, reason: "format version \(bundle.formatVersion), this build reads \(currentFormatVersion)")
        }
        return bundle
    }

    /// The template of the bundle's Markdown, its errors naming the bundle.
    public func template(declaredPath: String) throws -> PaperTemplate {
        try PaperTemplate(text: markdown, source: "\(declaredPath) (section \(section), markdown)")
    }
}

/// A section bundle that `build-paper` cannot use.
public enum SectionBundleError: Error, CustomStringConvertible, Equatable {
    /// The file is missing, not JSON of the bundle layout, or of another format version.
    case unreadable(path: String, reason: String)
    /// Two bundles claim the same section name, table, figure or verdict.
    case collision(kind: String, name: String, paths: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "the section bundle \(path) cannot be read: \(reason). Regenerate it with `pipeline run --force --stage <its section stage>`."
        case .collision(let kind, let name, let paths):
            return "the section bundles \(paths.joined(separator: " and ")) both define the \(kind) '\(name)'; "
                + "names must be namespaced by their section (e.g. 'mittra.…')"
        }
    }
}
