/// Fills an experiment's section template (the first of the two assembly steps): every
/// inline placeholder becomes its value, while the numbering placeholders
/// (`{{figure:…}}`, `{{figref:…}}`, `{{table:…}}`, `{{tableref:…}}`) are kept as they are,
/// because figures and tables are numbered only when `build-paper` assembles all sections.
public enum SectionFiller {
    /// The placeholder prefixes that `build-paper` resolves.
    public static let numberingPrefixes = ["figure:", "figref:", "table:", "tableref:"]

    /// The filled Markdown. A `{{figure:NAME}}` or `{{table:NAME}}` must name one of
    /// `blocks` (what the section itself provides); an inline placeholder without a value
    /// is an error naming the line and similar names.
    public static func fill(_ template: PaperTemplate, values: [String: String], blocks: Set<String>) throws -> String {
        try fill(template, values: values, blocks: blocks, section: "", sources: { _ in nil }).markdown
    }

    /// As ``fill(_:values:blocks:)``, and every value whose placeholder has a source
    /// (`sources(name)`) is wrapped in ``ValueMarkers`` under the key `section/name`; the
    /// sources used are returned by key, for the bundle (`build-paper` shows them in
    /// `paper.html` and strips the markers from `paper.md`).
    public static func fill(
        _ template: PaperTemplate, values: [String: String], blocks: Set<String>, section: String,
        sources: (String) -> ValueSource?
    ) throws -> (markdown: String, sources: [String: ValueSource]) {
        var used: [String: ValueSource] = [:]
        var out = ""
        for segment in template.segments {
            switch segment {
            case .text(let text):
                out += text
            case .placeholder(let name, let source, let line):
                if let value = values[name] {
                    if let source = sources(name) {
                        let key = section + "/" + name
                        used[key] = source
                        out += ValueMarkers.wrap(value, key: key)
                    } else {
                        out += value
                    }
                } else if numberingPrefixes.contains(where: name.hasPrefix) {
                    let block = name.dropPrefix("figure:") ?? name.dropPrefix("table:")
                    if let block, !blocks.contains(block) {
                        throw TemplateError.unknownPlaceholder(
                            source: source, line: line, name: name,
                            similar: PaperAssembler.similar(to: block, in: blocks.sorted()))
                    }
                    out += "{{\(name)}}"
                } else {
                    throw TemplateError.unknownPlaceholder(
                        source: source, line: line, name: name, similar: PaperAssembler.similar(to: name, in: values.keys.sorted()))
                }
            }
        }
        return (out, used)
    }
}
