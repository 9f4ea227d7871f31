/// The paper's prose with placeholders (`paper/template.md`), split into text and
/// placeholders.
///
/// Syntax: `{{name}}`, where a name is letters, digits and `_ . : / -` (e.g.
/// `{{e2.lambda.relu}}`, `{{table:e2.table1}}`, `{{figure:mittra-fig4-lyapunov-vs-lr}}`).
/// A `{{` without a matching `}}` on the same line, or a name with other characters, is
/// an error naming the line. Text outside placeholders is copied unchanged.
struct PaperTemplate: Equatable {
    /// A piece of the template.
    enum Segment: Equatable {
        /// Literal text.
        case text(String)
        /// A placeholder and the 1-based line it is on.
        case placeholder(name: String, line: Int)
    }

    /// The pieces in order.
    let segments: [Segment]
    /// Where the template came from, for error messages.
    let source: String

    /// Characters allowed in a placeholder name besides letters and digits.
    static let nameSymbols: Set<Character> = ["_", ".", ":", "/", "-"]

    /// Splits `text` (read from `source`).
    init(text: String, source: String) throws {
        self.source = source
        var segments: [Segment] = []
        var literal = ""
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if lineIndex > 0 { literal += "\n" }
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                literal += rest[..<open.lowerBound]
                guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else {
                    throw TemplateError.unclosedPlaceholder(source: source, line: lineIndex + 1)
                }
                let name = String(rest[open.upperBound..<close.lowerBound])
                guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || Self.nameSymbols.contains($0)) })
                else {
                    throw TemplateError.malformedPlaceholder(source: source, line: lineIndex + 1, text: "{{\(name)}}")
                }
                if !literal.isEmpty { segments.append(.text(literal)) }
                literal = ""
                segments.append(.placeholder(name: name, line: lineIndex + 1))
                rest = rest[close.upperBound...]
            }
            literal += rest
        }
        if !literal.isEmpty { segments.append(.text(literal)) }
        self.segments = segments
    }

    /// The placeholders in order of appearance.
    var placeholders: [(name: String, line: Int)] {
        segments.compactMap {
            if case .placeholder(let name, let line) = $0 { return (name, line) }
            return nil
        }
    }

    /// Whether the placeholder at segment `index` stands alone on its line (only
    /// whitespace around it), as a block (figure, table, appendix) must.
    func isAlone(at index: Int) -> Bool {
        var position = index - 1
        while position >= 0 {
            guard case .text(let text) = segments[position] else { return false }
            if let newline = text.lastIndex(of: "\n") {
                guard text[text.index(after: newline)...].allSatisfy(\.isWhitespace) else { return false }
                break
            }
            guard text.allSatisfy(\.isWhitespace) else { return false }
            position -= 1
        }
        position = index + 1
        while position < segments.count {
            guard case .text(let text) = segments[position] else { return false }
            if let newline = text.firstIndex(of: "\n") { return text[..<newline].allSatisfy(\.isWhitespace) }
            guard text.allSatisfy(\.isWhitespace) else { return false }
            position += 1
        }
        return true
    }
}
