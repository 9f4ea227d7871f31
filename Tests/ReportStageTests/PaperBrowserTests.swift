import Foundation
import XCTest

/// The fixture's built paper in headless Chromium (`scripts/paper/browser-check`, issue 21
/// item 6): no console errors, every internal link lands on its target, nothing wider than
/// the page at 800 and 1280 px. Skipped without chromium, except under `make test`, which
/// sets `PAPER_BROWSER_TEST=required` (and installs chromium) so that it fails loudly.
final class PaperBrowserTests: XCTestCase {
    func testBuiltPaperPassesTheBrowserCheck() throws {
        _ = try Self.requiredTool(["/usr/bin/chromium", "/usr/bin/chromium-browser"], "chromium", for: "the browser test")
        let fixture = try ReportFixture()
        try fixture.buildPaper()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ReportFixture.repositoryPath("scripts/paper/browser-check"))
        process.arguments = ["--screenshot", fixture.harness.root + "/first-page.png", fixture.harness.root + "/paper/paper.html"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("every internal link lands"), text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.harness.root + "/first-page.png"), "no screenshot")
    }

    /// paper.md and supplement.md as a Markdown viewer shows them: rendered by cmark-gfm
    /// (the CommonMark library with GitHub's extensions that GitHub renders Markdown with),
    /// every table is a table, every figure an image, and every internal link (`#…`) lands
    /// on an element id of the same rendering. Both files stay under 512 KB.
    func testMarkdownRendersOnAMarkdownViewer() throws {
        let renderer = try Self.requiredTool(["/usr/bin/cmark-gfm"], "cmark-gfm", for: "the Markdown check")
        let fixture = try ReportFixture()
        try fixture.buildPaper()
        for document in ["paper/paper.md", "paper/supplement.md"] {
            let markdown = try fixture.harness.read(document)
            XCTAssertLessThan(markdown.utf8.count, 512 * 1024, document)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: renderer)
            process.arguments = ["--extension", "table", "--unsafe", fixture.harness.root + "/" + document]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let html = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, document)
            let ids = Set(Self.values(of: "id", in: html))
            let targets = Self.values(of: "href", in: html).filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
            XCTAssertFalse(targets.isEmpty, document)
            XCTAssertEqual(targets.filter { !ids.contains($0) }, [], "\(document): internal links without a target")
            XCTAssertEqual(html.components(separatedBy: "<table>").count - 1, markdown.components(separatedBy: "\n| --- |").count - 1,
                           "\(document): a table that did not render as one")
            XCTAssertEqual(html.components(separatedBy: "<img ").count - 1, markdown.components(separatedBy: "\n![").count - 1, document)
        }
    }

    /// A tool the paper's checks need, missing from the machine.
    struct MissingTool: Error, CustomStringConvertible {
        var description: String
    }

    /// The first executable of `candidates`. Without one the test is skipped, except under
    /// `make test` (`PAPER_BROWSER_TEST=required`), where it fails and says how to install `name`.
    static func requiredTool(_ candidates: [String], _ name: String, for check: String) throws -> String {
        if let path = candidates.first(where: FileManager.default.isExecutableFile) { return path }
        if ProcessInfo.processInfo.environment["PAPER_BROWSER_TEST"] == "required" {
            throw MissingTool(description: "\(name) is not installed but make test requires \(check); run scripts/ensure-deps as root")
        }
        throw XCTSkip("\(name) is not installed (scripts/ensure-deps installs it)")
    }

    /// The values of attribute `name` in `html`.
    static func values(of name: String, in html: String) -> [String] {
        html.components(separatedBy: " \(name)=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}
