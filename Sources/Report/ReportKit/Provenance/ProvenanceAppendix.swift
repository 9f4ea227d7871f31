import Provenance

/// The appendix that ties every figure and table to the files and code it comes from:
/// first each figure and table with the file it was read from, then every stage of the
/// chain once (upstream first) with its code, inputs and seeds, then
/// the source files. One short line per fact, so no line grows with the chain.
public enum ProvenanceAppendix {
    /// `label` ("Figure 3", "Table S2") as a link to its figure or table, in `part` (the
    /// document holding the appendix) or in the other document.
    static func link(_ label: String, _ kind: Numbering.Kind, _ name: String, _ numbering: Numbering, _ part: PaperAssembler.Part) -> String {
        let anchor = kind == .figure ? Anchor.figure(name) : Anchor.table(name)
        return "[\(label)](\(PaperAssembler.document(of: kind, name, from: part, numbering))#\(anchor))"
    }

    /// The appendix for `numbering` in `part`, every figure and table label a link; `inputHashes` are the hashes of the paper stage's own
    /// inputs, for table sources that carry none; `paperRecord` is the paper stage's record.
    public static func text(
        numbering: Numbering, part: PaperAssembler.Part = .supplement, figures: [String: PaperFigure], tables: [String: PaperTable],
        inputHashes: [String: String], chain: ProvenanceChain, paperRecord: ProvenanceRecord
    ) -> String {
        var lines: [String] = ["### Figures and tables", ""]
        for name in numbering.figures + numbering.supplementFigures {
            guard let figure = figures[name], let label = numbering.figure(name) else { continue }
            var line = "- \(link(label, .figure, name, numbering, part)): \(PaperText.code(figure.declaredPath)), sha256 \(PaperText.code(figure.sha256))"
            if let stage = chain.writer(of: figure.declaredPath) {
                line += "; drawn by stage \(PaperText.code(stage))"
                if let record = chain.graph.node(stage)?.record { line += " (code sha256 \(PaperText.code(record.codeSHA256)))" }
            }
            lines.append(line + ".")
        }
        for name in numbering.tables + numbering.supplementTables {
            guard let table = tables[name], let label = numbering.table(name) else { continue }
            var line = "- \(link(label, .table, name, numbering, part)): computed by " + (table.computedBy.map { "stage \(PaperText.code($0))" } ?? "this stage")
            if table.sources.isEmpty {
                line += " from the provenance records of its inputs"
            } else {
                line += " from " + table.sources.map { source in
                    let hash = source.sha256 ?? inputHashes[source.path] ?? "?"
                    return "\(PaperText.code(source.path)) \(source.part) (sha256 \(PaperText.code(hash)))"
                }.joined(separator: " and ")
            }
            lines.append(line + ".")
        }
        lines += [
            "", "### Stages, code and seeds", "",
            "Every stage behind this paper once, upstream first. Each stage's record is embedded in the files it wrote "
                + "(HDF5 attribute `provenance`, SVG `<metadata>`, a section's `provenance` member) and names each input by "
                + "path, SHA-256 and the stage that wrote it; `pipeline provenance FILE` walks the same chain.",
            "",
        ]
        for node in chain.graph.stages {
            guard let record = node.record else {
                lines.append("- Stage \(PaperText.code(node.stage)): its record is \(node.origin).")
                continue
            }
            lines.append(
                "- Stage \(PaperText.code(record.stage)) (executable \(PaperText.code(record.executable)), code sha256 "
                    + "\(PaperText.code(record.codeSHA256)))" + (record.inputs.isEmpty ? ", no inputs" : ""))
            lines += record.inputs.map { "  - input " + reference($0) }
            lines += ProvenanceAppendix.seeds(record).map { "  - seed " + $0 }
        }
        let sources = chain.graph.sources
        if !sources.isEmpty {
            lines += ["", "### Source files", ""]
            lines += sources.map { "- \(PaperText.code($0.path)), sha256 \(PaperText.code($0.sha256))." }
        }
        lines += [
            "", "### This paper", "",
            "Written by stage \(PaperText.code(paperRecord.stage)) (code sha256 \(PaperText.code(paperRecord.codeSHA256))) from "
                + "the inputs below. Its own record, with each input by path, SHA-256 and writing stage, is the comment at the "
                + "top of `paper.md` and in the head of `paper.html`.",
            "",
        ]
        lines += paperRecord.inputs.map { "- " + reference($0) }
        return lines.joined(separator: "\n")
    }

    /// An input as the appendix names it: path, hash and the stage that wrote it.
    private static func reference(_ input: ProvenanceRecord.Input) -> String {
        "\(PaperText.code(input.path)), sha256 \(PaperText.code(input.sha256)), "
            + (input.stage.map { "from stage \(PaperText.code($0))" } ?? "a source file")
    }

    /// A record's seeds as `name` = `path` (value `v`), sorted by name.
    private static func seeds(_ record: ProvenanceRecord) -> [String] {
        record.seeds.sorted { $0.key < $1.key }.map {
            "\(PaperText.code($0.key)) = \(PaperText.code($0.value.path)) (value \(PaperText.code($0.value.value)))"
        }
    }
}
