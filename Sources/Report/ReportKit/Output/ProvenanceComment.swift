/// The paper stage's own provenance record (each input by path, hash and writing stage;
/// ``ProvenanceRecord``) as the HTML comment that opens `paper.md` and sits in the head
/// of `paper.html`, where `StageKit.EmbeddedProvenance` finds it
/// (`<!-- provenance {canonical JSON} -->`).
public enum ProvenanceComment {
    /// The comment holding `json` (canonical JSON). A `-->` can only occur inside a JSON
    /// string there; it is written `--\u003e`, which JSON reads back as the same text,
    /// so the comment cannot end early.
    public static func text(_ json: String) -> String {
        "<!-- provenance " + json.replacingOccurrences(of: "-->", with: "--\\u003e") + " -->"
    }
}
