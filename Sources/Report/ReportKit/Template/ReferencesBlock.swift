/// The reference list at `{{references}}`: the cited references in order of first
/// citation (their numbers are the citations' numbers), then any listed but not cited,
/// numbered on. Each entry carries the id its citations link to (``ReferenceList/anchor(_:)``).
enum ReferencesBlock {
    /// The list as Markdown, one entry per line.
    static func markdown(_ list: ReferenceList, numbering: Numbering) -> String {
        let cited = numbering.citations.compactMap(list.reference)
        let uncited = list.references.filter { !numbering.citations.contains($0.key) }
        return (cited + uncited).enumerated().map { index, reference in
            let link = reference.url.map { " [\($0)](\($0))" } ?? ""
            return "- \(Anchor.tag(ReferenceList.anchor(reference.key)))[\(index + 1)] \(reference.text)\(link)"
        }.joined(separator: "\n")
    }
}
