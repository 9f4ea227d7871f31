import Provenance
import ReportKit

/// The inline placeholders of the paper's frame that no experiment owns: `title`,
/// `validation.*` (from data/validation.h5), `upstream.<stage>.<path>` (every parameter
/// of the provenance chain) and `provenance.code` (listed in paper/README.md).
enum FrameValues {
    /// `validation.passed`, `validation.total`, `validation.biased`, `validation.failed` (the
    /// outcomes stored by `validate-estimators`).
    static func validation(_ validation: EstimatorValidation) -> [String: String] {
        let rows = { (outcome: ValidationOutcome) in validation.rows.filter { $0.outcome == outcome } }
        return [
            "validation.passed": ReportNumber.count(rows(.passed).count),
            "validation.total": ReportNumber.count(validation.rows.count),
            "validation.biased": PaperText.list(rows(.biasedByConstruction).map {
                "\($0.estimator) on \($0.system) (|error| \(ReportNumber.significant($0.absoluteError)))"
            }),
            "validation.failed": PaperText.list(rows(.failed).map { row in
                row.status == "ok" && row.absoluteError.isFinite
                    ? "\(row.estimator) on \(row.system) (|error| \(ReportNumber.significant(row.absoluteError)) > target "
                        + "\(ReportNumber.significant(row.target)))"
                    : "\(row.estimator) on \(row.system) (\(row.status))"
            }),
        ]
    }

    /// ``validation(_:)`` with every value marked (``ValueMarkers``, key `frame/NAME`) and
    /// its source in `path` (SHA-256 `sha256`): the counts from `/validation/outcome`, the
    /// biased checks' errors from `/validation/estimate` and `/validation/reference`, the
    /// failures' errors and targets also from `/validation/target`.
    static func linkedValidation(_ validation: EstimatorValidation, path: String, sha256: String)
        -> (values: [String: String], sources: [String: ValueSource])
    {
        let parts = [
            "validation.passed": "/validation/outcome", "validation.total": "/validation/system",
            "validation.biased": "/validation/estimate, /validation/reference",
            "validation.failed": "/validation/estimate, /validation/reference, /validation/target",
        ]
        var values: [String: String] = [:], sources: [String: ValueSource] = [:]
        for (name, value) in Self.validation(validation) {
            guard let part = parts[name] else { values[name] = value; continue }
            values[name] = ValueMarkers.wrap(value, key: "frame/" + name)
            sources["frame/" + name] = .computed(PaperTable.Source(path: path, part: part, sha256: sha256))
        }
        return (values, sources)
    }
}

extension FrameValues {
    /// `build.repository` (the `repository` parameter) and `build.commit` ("commit `…`",
    /// "commits `…` and `…`"): the git commit(s)
    /// that `pipeline.lock` records for the stages that wrote the paper's inputs (sections,
    /// figures, validation), with "uncommitted changes" when any ran in a dirty work tree.
    /// The stage's own commit is not known to it (the runner records it only after the
    /// stage ran, and a paper naming it would differ at every commit, failing the
    /// reproduction check), so the paper names the commit of what it presents.
    static func build(repository: String, chain: ProvenanceChain, inputs: [String]) -> [String: String] {
        let writers = Set(inputs.compactMap { chain.writer(of: $0) })
        let states = writers.sorted().compactMap { chain.gitStates[$0] }
        let commits = Set(states.map(\.commit)).sorted()
        let commit = commits.isEmpty
            ? "an unrecorded commit (no `pipeline.lock` beside the inputs)"
            : (commits.count == 1 ? "commit " : "commits ") + PaperText.list(commits.map(PaperText.code))
                + (states.contains(where: \.dirty) ? " (with uncommitted changes in the work tree)" : "")
        return ["build.repository": repository, "build.commit": commit]
    }
}
