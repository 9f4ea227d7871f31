/// Prose with placeholders (the paper's frame `paper/template.md`, an experiment's section
/// template, or a section bundle's filled Markdown), split into text and placeholders.
///
/// Syntax: `{{name}}`, where a name is letters, digits and `_ . : / -` (e.g.
/// `{{e2.lambda.relu}}`, `{{table:mittra.table1}}`, `{{section:mittra}}`). A `{{` without
/// a matching `}}` on the same line, or a name with other characters, is an error naming
/// the file and line. Text outside placeholders is copied unchanged.
public struct PaperTemplate: Equatable, Sendable {
    /// A piece of the template.
    public enum Segment: Equatable, Sendable {
        /// Literal text.
        case text(String)
        /// A placeholder, the file it was read from and its 1-based line there.
        case placeholder(name: String, source: String, line: Int)
    }

    /// The pieces in order.
    public let segments: [Segment]
    /// Where the template came from, for error messages.
    public let source: String

    /// Characters allowed in a placeholder name besides letters and digits.
    public static let nameSymbols: Set<Character> = ["_", ".", ":", "/", "-"]
    /// The prefix of a placeholder that includes a section bundle.
    public static let sectionPrefix = "section:"

    /// Splits `text` (read from `source`).
    public init(text: String, source: String) throws {
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
                segments.append(.placeholder(name: name, source: source, line: lineIndex + 1))
                rest = rest[close.upperBound...]
            }
            literal += rest
        }
        if !literal.isEmpty { segments.append(.text(literal)) }
        self.segments = segments
    }

    private init(segments: [Segment], source: String) {
        self.segments = segments
        self.source = source
    }

    /// The placeholders in order of appearance.
    public var placeholders: [(name: String, source: String, line: Int)] {
        segments.compactMap {
            if case .placeholder(let name, let source, let line) = $0 { return (name, source, line) }
            return nil
        }
    }

    /// The template with every `{{section:NAME}}` replaced by the segments of
    /// `sections[NAME]`. Each section must stand alone on its line and be included once;
    /// an unknown name is an error listing the sections there are.
    public func including(_ sections: [String: PaperTemplate]) throws -> PaperTemplate {
        var result: [Segment] = []
        var included = Set<String>()
        for (index, segment) in segments.enumerated() {
            guard case .placeholder(let name, let source, let line) = segment,
                let section = name.dropPrefix(Self.sectionPrefix)
            else {
                result.append(segment)
                continue
            }
            guard isAlone(at: index) else { throw TemplateError.blockNotAlone(source: source, line: line, name: name) }
            guard let included_ = sections[section] else {
                throw TemplateError.unknownSection(source: source, line: line, name: section, available: sections.keys.sorted())
            }
            guard included.insert(section).inserted else {
                throw TemplateError.placedTwice(source: source, line: line, name: name)
            }
            result += included_.segments
        }
        for name in sections.keys.sorted() where !included.contains(name) {
            throw TemplateError.sectionNotIncluded(source: source, name: name)
        }
        return PaperTemplate(segments: result, source: source)
    }

    /// Whether the placeholder at segment `index` stands alone on its line (only
    /// whitespace around it), as a block (section, figure, table, appendix) must.
    public func isAlone(at index: Int) -> Bool {
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

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    public func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
