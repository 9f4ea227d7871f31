/// One claim of a source paper as the paper's opening verdict table shows it: the claim in
/// a sentence, the regime it was tested in, our verdict by the section's rule, the verdict
/// of the first rule when the rule was amended, and where the evidence is.
///
/// A section bundle lists its claims in ``SectionBundle/claims``; `build-paper` gathers the
/// rows of every section, in section order, into one table at the top of the paper.
public struct ClaimRow: Codable, Equatable, Sendable {
    /// The verdict's key, as in ``SectionBundle/verdicts`` (e.g. `mittra.claim2`).
    public var id: String
    /// Further verdict keys this row stands for (the same claim in a regime that does not
    /// decide it, e.g. `mittra.claim2.learning`): the table shows one row per claim, and
    /// these keys are neither repeated nor reported as missing. Nil: none.
    public var covers: [String]?
    /// The source paper, short (e.g. "Mittra (2024)").
    public var source: String
    /// The claim in one sentence, Markdown.
    public var claim: String
    /// Where it was tested (e.g. "source code's setting", "learning regime"), Markdown.
    public var regime: String
    /// Our verdict by the section's (possibly amended) rule.
    public var verdict: String
    /// The verdict of the first rule, when the rule was amended; `nil` otherwise.
    public var firstRuleVerdict: String?
    /// The evidence: a numbering placeholder of the section, without braces
    /// (`tableref:mittra.claims`, `figref:jimenez.lambda-and-time`), which `build-paper`
    /// turns into a link to the table or figure.
    public var evidence: String

    /// Creates a row.
    public init(
        id: String, source: String, claim: String, regime: String, verdict: String, firstRuleVerdict: String? = nil, evidence: String,
        covers: [String]? = nil
    ) {
        self.id = id
        self.covers = covers
        self.source = source
        self.claim = claim
        self.regime = regime
        self.verdict = verdict
        self.firstRuleVerdict = firstRuleVerdict
        self.evidence = evidence
    }
}
