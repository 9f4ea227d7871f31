/// Fills a ``PaperTemplate`` (and, optionally, the supplement's) from ``PaperContent``:
/// numbers figures and tables in order of placement (the supplement's as S1, S2, …) and the
/// references in order of first citation, expands blocks (each after its ``Anchor``),
/// references (each a link to that anchor, in the other document when the target is there)
/// and citations (also inside table cells, e.g. the evidence column of the verdict table),
/// writes the table of contents, and refuses any unknown placeholder.
public enum PaperAssembler {
    /// Which document a template fills.
    public enum Part: Sendable {
        /// The paper (`paper.md`, `paper.html`).
        case body
        /// The supplement (`supplement.md`, `supplement.html`).
        case supplement
    }

    /// The filled documents and the numbering they share.
    public struct Filled: Sendable {
        /// The paper's Markdown.
        public var body: String
        /// The supplement's Markdown, when a supplement template was given.
        public var supplement: String?
        /// The numbering of both.
        public var numbering: Numbering
    }

    /// The body's HTML file, which holds the reference list the supplement's citations link to.
    public static let bodyDocument = "paper.html"
    /// The supplement's HTML file, which links from the body to its tables and figures name.
    public static let supplementDocument = "supplement.html"

    /// The Markdown body and the numbering used (a paper without supplement).
    public static func fill(_ template: PaperTemplate, _ content: PaperContent) throws -> (markdown: String, numbering: Numbering) {
        let filled = try fill(body: template, supplement: nil, content)
        return (filled.body, filled.numbering)
    }

    /// The body and the supplement, numbered together: each figure and table is placed
    /// exactly once across both, and every figure of `content` is shown in one of them.
    public static func fill(body: PaperTemplate, supplement: PaperTemplate?, _ content: PaperContent) throws -> Filled {
        let numbering = try number(body: body, supplement: supplement, content)
        let bodyText = try render(body, .body, content, numbering)
        let supplementText = try supplement.map { try render($0, .supplement, content, numbering) }
        for name in content.figures.keys.sorted() where numbering.figure(name) == nil {
            throw TemplateError.figureNotShown(source: body.source, name: name, path: content.figures[name]?.declaredPath ?? name)
        }
        return Filled(body: bodyText, supplement: supplementText, numbering: numbering)
    }

    /// Figure and table numbers from the order of `figure:` and `table:` placeholders,
    /// and the reference numbers from the order of `cite:` placeholders (in the text and
    /// in the placed tables).
    public static func number(_ template: PaperTemplate, _ content: PaperContent) throws -> Numbering {
        try number(body: template, supplement: nil, content)
    }

    /// As ``number(_:_:)`` over the body, then the supplement.
    public static func number(body: PaperTemplate, supplement: PaperTemplate?, _ content: PaperContent) throws -> Numbering {
        var numbering = Numbering()
        func cite(_ key: String, _ source: String, _ line: Int) throws {
            guard content.references.reference(key) != nil else {
                let keys = content.references.references.map(\.key)
                throw TemplateError.unknownCitation(
                    source: source, line: line, key: key, similar: keys.filter { $0.prefix(3) == key.prefix(3) })
            }
            if !numbering.citations.contains(key) { numbering.citations.append(key) }
        }
        func scan(_ template: PaperTemplate, _ part: Part) throws {
            for (name, source, line) in template.placeholders {
                if let figure = name.dropPrefix("figure:"), content.figures[figure] != nil {
                    guard numbering.figure(figure) == nil else { throw TemplateError.placedTwice(source: source, line: line, name: name) }
                    if part == .body { numbering.figures.append(figure) } else { numbering.supplementFigures.append(figure) }
                } else if let tableName = name.dropPrefix("table:"), let table = content.tables[tableName] {
                    guard numbering.table(tableName) == nil else { throw TemplateError.placedTwice(source: source, line: line, name: name) }
                    if part == .body { numbering.tables.append(tableName) } else { numbering.supplementTables.append(tableName) }
                    for cell in try cellTemplates(table, name: tableName, source: source, line: line) {
                        for (key, cellSource, cellLine) in cell.placeholders.compactMap({ p in p.name.dropPrefix(PaperContent.citePrefix).map { ($0, p.source, p.line) } }) {
                            try cite(key, cellSource, cellLine)
                        }
                    }
                } else if let key = name.dropPrefix(PaperContent.citePrefix) {
                    try cite(key, source, line)
                }
            }
        }
        try scan(body, .body)
        if let supplement { try scan(supplement, .supplement) }
        return numbering
    }

    /// The caption and the cells of `table` as templates, so that references and
    /// citations in them resolve like the text's.
    private static func cellTemplates(_ table: PaperTable, name: String, source: String, line: Int) throws -> [PaperTemplate] {
        let origin = "\(source):\(line) {{table:\(name)}}"
        return [
            try PaperTemplate(text: table.caption, source: origin + " (caption)"),
            try PaperTemplate(text: table.table.markdown, source: origin + " (cells)"),
        ]
    }

    /// `template` with every placeholder expanded, and its table of contents written.
    /// Adjacent citations form one group, "[1, 4]" (each number its own link).
    private static func render(_ template: PaperTemplate, _ part: Part, _ content: PaperContent, _ numbering: Numbering) throws -> String {
        var out = ""
        var citations: [String] = []
        func flushCitations() {
            if !citations.isEmpty { out += "[" + citations.joined(separator: ", ") + "]" }
            citations = []
        }
        for (index, segment) in template.segments.enumerated() {
            switch segment {
            case .text(let text):
                flushCitations()
                out += text
            case .placeholder(let name, let source, let line):
                let expanded = try expand(
                    name, at: (source, line), index: index, template: template, part: part, content: content, numbering: numbering)
                if name.hasPrefix(PaperContent.citePrefix) {
                    citations.append(expanded)
                } else {
                    flushCitations()
                    out += expanded
                }
            }
        }
        flushCitations()
        return TableOfContents.replacingMarker(in: out)
    }

    private static func expand(
        _ name: String, at location: (source: String, line: Int), index: Int, template: PaperTemplate, part: Part,
        content: PaperContent, numbering: Numbering
    ) throws -> String {
        let (source, line) = location
        func requireAlone() throws {
            guard template.isAlone(at: index) else {
                throw TemplateError.blockNotAlone(source: source, line: line, name: name)
            }
        }
        if let value = content.inline[name] { return value }
        if let figureName = name.dropPrefix("figure:"), let figure = content.figures[figureName],
            let label = numbering.figure(figureName)
        {
            try requireAlone()
            let link = content.figureLinks[figureName] ?? figure.declaredPath
            return "\(Anchor.tag(Anchor.figure(figureName)))\n\n![\(label)](\(link))\n\n**\(label).** \(figure.caption)"
        }
        if let tableName = name.dropPrefix("table:"), let table = content.tables[tableName], let label = numbering.table(tableName) {
            try requireAlone()
            var marked = table
            marked.table = table.marked(name: tableName).table
            let cells = try cellTemplates(marked, name: tableName, source: source, line: line).map {
                try render($0, part, content, numbering)
            }
            return "\(Anchor.tag(Anchor.table(tableName)))\n\n**\(label).** \(cells[0])\n\n" + cells[1].dropLast()
        }
        if name == PaperContent.appendixName {
            try requireAlone()
            return content.appendix(numbering, part)
        }
        if name == PaperContent.contentsName {
            try requireAlone()
            return TableOfContents.marker
        }
        if name == PaperContent.referencesName {
            try requireAlone()
            return ReferencesBlock.markdown(content.references, numbering: numbering)
        }
        if let key = name.dropPrefix(PaperContent.citePrefix), let number = numbering.citation(key) {
            let target = (part == .body ? "" : bodyDocument) + "#" + ReferenceList.anchor(key)
            return "[\(number)](\(target))"
        }
        if let figureName = name.dropPrefix("figref:"), content.figures[figureName] != nil {
            guard let label = numbering.figure(figureName) else {
                throw TemplateError.referenceToUnplaced(source: source, line: line, name: name)
            }
            return "[\(label)](\(document(of: .figure, figureName, from: part, numbering))#\(Anchor.figure(figureName)))"
        }
        if let tableName = name.dropPrefix("tableref:"), content.tables[tableName] != nil {
            guard let label = numbering.table(tableName) else {
                throw TemplateError.referenceToUnplaced(source: source, line: line, name: name)
            }
            return "[\(label)](\(document(of: .table, tableName, from: part, numbering))#\(Anchor.table(tableName)))"
        }
        throw TemplateError.unknownPlaceholder(
            source: source, line: line, name: name, similar: similar(to: name, in: content.knownNames))
    }

    /// The document a link from `part` to the figure or table `name` must name: none when
    /// both are in the same document, else the other document's HTML file.
    static func document(of kind: Numbering.Kind, _ name: String, from part: Part, _ numbering: Numbering) -> String {
        let inSupplement = numbering.isInSupplement(kind, name)
        switch (part, inSupplement) {
        case (.body, false), (.supplement, true): return ""
        case (.body, true): return supplementDocument
        case (.supplement, false): return bodyDocument
        }
    }

    /// Up to eight known names that share the unknown name's first component.
    public static func similar(to name: String, in known: [String]) -> [String] {
        let prefix = String(name.prefix { $0 != "." && $0 != ":" })
        return Array(known.filter { $0.hasPrefix(prefix) }.prefix(8))
    }
}
