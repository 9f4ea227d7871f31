/// A mistake in a template (the paper's frame, a section template or a section bundle's
/// Markdown) or a placeholder it cannot fill. Each says the file and line, and what to change.
public enum TemplateError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `{{` without `}}` on the same line.
    case unclosedPlaceholder(source: String, line: Int)
    /// `{{…}}` whose name has characters other than letters, digits and `_ . : / -`.
    case malformedPlaceholder(source: String, line: Int, text: String)
    /// A well-formed placeholder that names nothing the stage computes.
    case unknownPlaceholder(source: String, line: Int, name: String, similar: [String])
    /// A figure, table or appendix placeholder that shares its line with other text.
    case blockNotAlone(source: String, line: Int, name: String)
    /// A figure or table placed twice.
    case placedTwice(source: String, line: Int, name: String)
    /// `{{figref:…}}` or `{{tableref:…}}` to something the template never places.
    case referenceToUnplaced(source: String, line: Int, name: String)
    /// A figure that a section provides but the assembled paper never shows.
    case figureNotShown(source: String, name: String, path: String)
    /// `{{section:NAME}}` for which no section bundle is an input.
    case unknownSection(source: String, line: Int, name: String, available: [String])
    /// A section bundle among the inputs that the frame never includes.
    case sectionNotIncluded(source: String, name: String)
    /// Two generators produced the same placeholder name (a bug in the stage's code).
    case duplicatePlaceholder(String)
    /// `{{cite:KEY}}` whose key the reference list does not hold.
    case unknownCitation(source: String, line: Int, key: String, similar: [String])

    public var description: String {
        switch self {
        case .unclosedPlaceholder(let source, let line):
            return "\(source):\(line): '{{' without a closing '}}' on the same line; close the placeholder"
        case .malformedPlaceholder(let source, let line, let text):
            return "\(source):\(line): \(text) is not a placeholder name (letters, digits and _ . : / - only); fix its spelling"
        case .unknownPlaceholder(let source, let line, let name, let similar):
            let hint = similar.isEmpty ? "" : " Placeholders with the same prefix: " + similar.joined(separator: ", ") + "."
            return "\(source):\(line): unknown placeholder {{\(name)}}; the stage computes no value of that name "
                + "(see paper/README.md for the list).\(hint)"
        case .blockNotAlone(let source, let line, let name):
            return "\(source):\(line): {{\(name)}} inserts a block (figure, table or appendix) and must stand alone on its line"
        case .placedTwice(let source, let line, let name):
            return "\(source):\(line): {{\(name)}} is placed a second time; place each figure and table once and refer to it with figref:/tableref:"
        case .referenceToUnplaced(let source, let line, let name):
            return "\(source):\(line): {{\(name)}} refers to something the template never places; add the matching {{figure:…}} or {{table:…}}"
        case .figureNotShown(let source, let name, let path):
            return "\(source) never shows the figure \(path); add {{figure:\(name)}} to the section that provides it"
        case .unknownSection(let source, let line, let name, let available):
            return "\(source):\(line): {{section:\(name)}} names no section bundle among the inputs (there are: "
                + (available.isEmpty ? "none" : available.joined(separator: ", "))
                + "); add the bundle (e.g. paper/sections/\(name).json) to stages.build-paper.inputs"
        case .sectionNotIncluded(let source, let name):
            return "\(source) never includes the section bundle '\(name)' that is an input; add {{section:\(name)}} "
                + "or remove the bundle from stages.build-paper.inputs"
        case .duplicatePlaceholder(let name):
            return "two parts of the report define the placeholder {{\(name)}}; rename one"
        case .unknownCitation(let source, let line, let key, let similar):
            let hint = similar.isEmpty ? "" : " Keys with the same start: " + similar.joined(separator: ", ") + "."
            return "\(source):\(line): {{cite:\(key)}} cites '\(key)', which paper/references.json does not list; "
                + "add an entry with that key (key, text, url) or fix the key.\(hint)"
        }
    }
}
