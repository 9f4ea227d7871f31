/// Fills a ``PaperTemplate`` from ``PaperContent``: numbers figures and tables in order
/// of placement, expands blocks (each after its ``Anchor``) and references (each a link
/// to that anchor), and refuses any unknown placeholder.
public enum PaperAssembler {
    /// The Markdown body and the numbering used.
    public static func fill(_ template: PaperTemplate, _ content: PaperContent) throws -> (markdown: String, numbering: Numbering) {
        let numbering = try number(template, content)
        var out = ""
        for (index, segment) in template.segments.enumerated() {
            switch segment {
            case .text(let text):
                out += text
            case .placeholder(let name, let source, let line):
                out += try expand(name, at: (source, line), index: index, template: template, content: content, numbering: numbering)
            }
        }
        for name in content.figures.keys.sorted() where !numbering.figures.contains(name) {
            throw TemplateError.figureNotShown(source: template.source, name: name, path: content.figures[name]?.declaredPath ?? name)
        }
        return (out, numbering)
    }

    /// Figure and table numbers from the order of `figure:` and `table:` placeholders.
    public static func number(_ template: PaperTemplate, _ content: PaperContent) throws -> Numbering {
        var numbering = Numbering()
        for (name, source, line) in template.placeholders {
            if let figure = name.dropPrefix("figure:"), content.figures[figure] != nil {
                guard !numbering.figures.contains(figure) else {
                    throw TemplateError.placedTwice(source: source, line: line, name: name)
                }
                numbering.figures.append(figure)
            } else if let table = name.dropPrefix("table:"), content.tables[table] != nil {
                guard !numbering.tables.contains(table) else {
                    throw TemplateError.placedTwice(source: source, line: line, name: name)
                }
                numbering.tables.append(table)
            }
        }
        return numbering
    }

    private static func expand(
        _ name: String, at location: (source: String, line: Int), index: Int, template: PaperTemplate, content: PaperContent,
        numbering: Numbering
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
            return "\(Anchor.tag(Anchor.table(tableName)))\n\n**\(label).** \(table.caption)\n\n"
                + table.marked(name: tableName).table.markdown.dropLast()
        }
        if name == PaperContent.appendixName {
            try requireAlone()
            return content.appendix(numbering)
        }
        if let figureName = name.dropPrefix("figref:"), content.figures[figureName] != nil {
            guard let label = numbering.figure(figureName) else {
                throw TemplateError.referenceToUnplaced(source: source, line: line, name: name)
            }
            return "[\(label)](#\(Anchor.figure(figureName)))"
        }
        if let tableName = name.dropPrefix("tableref:"), content.tables[tableName] != nil {
            guard let label = numbering.table(tableName) else {
                throw TemplateError.referenceToUnplaced(source: source, line: line, name: name)
            }
            return "[\(label)](#\(Anchor.table(tableName)))"
        }
        throw TemplateError.unknownPlaceholder(
            source: source, line: line, name: name, similar: similar(to: name, in: content.knownNames))
    }

    /// Up to eight known names that share the unknown name's first component.
    public static func similar(to name: String, in known: [String]) -> [String] {
        let prefix = String(name.prefix { $0 != "." && $0 != ":" })
        return Array(known.filter { $0.hasPrefix(prefix) }.prefix(8))
    }
}
