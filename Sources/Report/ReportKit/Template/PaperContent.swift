/// Everything the template can ask for, computed before it is filled: inline values,
/// tables, figures, and the provenance appendix (which needs the numbering).
public struct PaperContent {
    /// Empty content.
    public init() {}

    /// `{{name}}` → text.
    public var inline: [String: String] = [:]
    /// `{{table:name}}` → table.
    public var tables: [String: PaperTable] = [:]
    /// `{{figure:name}}` → figure.
    public var figures: [String: PaperFigure] = [:]
    /// The relative path from the paper's directory to each figure file, by name.
    public var figureLinks: [String: String] = [:]
    /// `{{appendix.provenance}}` for a given numbering, in the part (body or supplement)
    /// that holds it (its links to figures and tables name the other document when needed).
    public var appendix: (Numbering, PaperAssembler.Part) -> String = { _, _ in "" }
    /// The sources `{{cite:KEY}}` may name and `{{references}}` lists.
    public var references = ReferenceList(references: [])

    /// The name of the appendix placeholder.
    public static let appendixName = "appendix.provenance"
    /// The name of the table-of-contents placeholder (the body's headings, as links).
    public static let contentsName = "contents"
    /// The name of the reference-list placeholder.
    public static let referencesName = "references"
    /// The prefix of a citation placeholder, `{{cite:KEY}}`.
    public static let citePrefix = "cite:"

    /// Every placeholder name the content can fill, sorted.
    public var knownNames: [String] {
        var names = Array(inline.keys)
        names += tables.keys.flatMap { ["table:\($0)", "tableref:\($0)"] }
        names += figures.keys.flatMap { ["figure:\($0)", "figref:\($0)"] }
        names += references.references.map { Self.citePrefix + $0.key }
        names += [Self.appendixName, Self.contentsName, Self.referencesName]
        return names.sorted()
    }

    /// Adds `values`, refusing a name that is already taken (two generators must not
    /// silently shadow each other).
    public mutating func add(_ values: [String: String]) throws {
        for name in values.keys.sorted() {
            guard inline[name] == nil else { throw TemplateError.duplicatePlaceholder(name) }
            inline[name] = values[name]
        }
    }
}
