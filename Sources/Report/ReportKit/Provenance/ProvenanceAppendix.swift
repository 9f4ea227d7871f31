import Provenance

/// The appendix that ties every figure and table to the files and code it comes from:
/// first each figure and table with the file it was read from, then every file of the
/// chain with its SHA-256, the stage and code that wrote it, its inputs and seeds.
public enum ProvenanceAppendix {
    /// The appendix for `numbering`; `inputHashes` are the hashes of the paper stage's own
    /// inputs, for table sources that carry none.
    public static func text(
        numbering: Numbering, figures: [String: PaperFigure], tables: [String: PaperTable],
        inputHashes: [String: String], chain: ProvenanceChain, paperRecord: JSONValue
    ) -> String {
        var lines: [String] = ["### Figures and tables", ""]
        for (index, name) in numbering.figures.enumerated() {
            guard let figure = figures[name] else { continue }
            var line = "- Figure \(index + 1): \(PaperText.code(figure.declaredPath)), sha256 \(PaperText.code(figure.sha256))"
            if let record = figure.record {
                line += "; drawn by stage \(PaperText.code(ProvenanceChain.text(record, "stage"))) "
                    + "(code sha256 \(PaperText.code(ProvenanceChain.codeHash(record))))"
                let inputs = ProvenanceChain.inputs(of: record)
                if !inputs.isEmpty { line += " from " + inputList(inputs) }
            }
            lines.append(line + ".")
        }
        for (index, name) in numbering.tables.enumerated() {
            guard let table = tables[name] else { continue }
            var line = "- Table \(index + 1): computed by " + (table.computedBy.map { "stage \(PaperText.code($0))" } ?? "this stage")
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
        lines += ["", "### Files, stages, code and seeds", ""]
        for node in chain.nodes {
            var line = "- \(PaperText.code(node.declaredPath)), sha256 \(PaperText.code(node.sha256))"
            if let record = node.record {
                line += ": written by stage \(PaperText.code(ProvenanceChain.text(record, "stage"))) (executable "
                    + "\(PaperText.code(ProvenanceChain.text(record, "executable"))), code sha256 "
                    + "\(PaperText.code(ProvenanceChain.codeHash(record))))"
                let inputs = ProvenanceChain.inputs(of: record)
                line += inputs.isEmpty ? "; no inputs" : "; inputs " + inputList(inputs)
                let seeds = ProvenanceChain.seeds(record)
                if !seeds.isEmpty {
                    line += "; seeds " + seeds.map {
                        "\(PaperText.code($0.name)) = \(PaperText.code($0.path)) (value \(PaperText.code($0.value)))"
                    }.joined(separator: ", ")
                }
            } else {
                line += ": carries no provenance record (a source file, or recorded by its hash only)"
            }
            lines.append(line + ".")
        }
        lines += [
            "", "### This paper", "",
            "Written by stage \(PaperText.code(ProvenanceChain.text(paperRecord, "stage"))) (code sha256 "
                + "\(PaperText.code(ProvenanceChain.codeHash(paperRecord)))) from "
                + inputList(ProvenanceChain.inputs(of: paperRecord)) + ". Its full provenance record, with every "
                + "input's record inside, is the comment at the top of `paper.md` and in the head of `paper.html`.",
        ]
        return lines.joined(separator: "\n")
    }

    private static func inputList(_ inputs: [ProvenanceChain.Node]) -> String {
        inputs.map { "\(PaperText.code($0.declaredPath)) (sha256 \(PaperText.code($0.sha256)))" }.joined(separator: ", ")
    }
}
