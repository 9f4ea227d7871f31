import Provenance

/// The outputs of `build-paper`, by document and kind: the paper (`paper/paper.{md,html,pdf}`)
/// and, with a supplement frame among the inputs, the supplement (an output whose file
/// name starts with `supplement`, e.g. `paper/supplement.{md,html,pdf}`). A PDF is typeset
/// from its document's HTML, so it needs that HTML among the outputs.
struct PaperOutputs {
    /// The outputs of one document.
    struct Document {
        var markdown: StageInvocation.Output?
        var html: StageInvocation.Output?
        var pdf: StageInvocation.Output?

        /// Whether the document has any output.
        var isEmpty: Bool { markdown == nil && html == nil && pdf == nil }
    }

    /// The paper.
    var body = Document()
    /// The supplement.
    var supplement = Document()

    /// Sorts `outputs`, refusing an unknown kind, a second output of one kind, or a PDF
    /// without its HTML.
    init(_ outputs: [StageInvocation.Output]) throws {
        for output in outputs {
            let name = output.declaredPath.split(separator: "/").last.map(String.init) ?? output.declaredPath
            let isSupplement = name.hasPrefix("supplement")
            var document = isSupplement ? supplement : body
            let slot: WritableKeyPath<Document, StageInvocation.Output?>
            if name.hasSuffix(".md") {
                slot = \.markdown
            } else if name.hasSuffix(".html") {
                slot = \.html
            } else if name.hasSuffix(".pdf") {
                slot = \.pdf
            } else {
                throw PaperError.unknownOutput(output.declaredPath)
            }
            if let first = document[keyPath: slot] { throw PaperError.outputTwice(first.declaredPath, output.declaredPath) }
            document[keyPath: slot] = output
            if isSupplement { supplement = document } else { body = document }
        }
        for document in [body, supplement] {
            if let pdf = document.pdf, document.html == nil { throw PaperError.pdfWithoutHTML(pdf.declaredPath) }
        }
    }
}
