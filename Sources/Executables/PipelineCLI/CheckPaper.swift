import ArgumentParser
import PaperCheck
import Pipeline

extension PipelineCommand {
    /// `pipeline check-paper PAPER`: resolves every link of a built paper.html.
    struct CheckPaper: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-paper",
            abstract: "Resolve every link of a built paper.html: datasets and indices, JSON Pointers, SHA-256s, pipeline.json keys, internal hrefs.")
        @OptionGroup var options: ProjectOptions
        @Option(help: "Profile whose root the paper's file paths are relative to.") var profile = "default"
        @Argument(help: "The paper, e.g. paper/paper.html.") var paper: String

        func run() throws {
            try reportingErrors {
                let layout = options.layout
                let spec = try PipelineSpec.load(from: layout.specPath, projectRoot: layout.projectRoot)
                guard let profileSpec = spec.profiles[profile] else {
                    throw ValidationError("pipeline.json has no profile '\(profile)'; it has \(spec.profiles.keys.sorted().joined(separator: ", "))")
                }
                let checker = try PaperLinkChecker(root: layout.root(of: profileSpec), specPath: layout.specPath)
                let report = try checker.check(paperAt: paper)
                print("\(paper): \(report.values) numbers, \(report.files) figure data files and \(report.internalLinks) internal links resolve")
            }
        }
    }
}
