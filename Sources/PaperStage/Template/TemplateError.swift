/// A mistake in the paper template or a placeholder it cannot fill. Each says the
/// template file and line, and what to change.
public enum TemplateError: Error, CustomStringConvertible, Equatable {
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
    /// A figure among the stage's inputs that the template never shows.
    case figureNotShown(source: String, path: String)

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
        case .figureNotShown(let source, let path):
            return "\(source) never shows the input figure \(path); add {{figure:\(Self.stem(path))}} or remove the input from stages.build-paper.inputs"
        }
    }

    private static func stem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".svg") ? String(file.dropLast(4)) : file
    }
}
