import Foundation
import HDF5
import Pipeline
import Provenance

/// Resolves every link of a built `paper.html` against the files it names (issue 21,
/// "links everywhere"): for each element with `data-file` the file exists under `root` and
/// its SHA-256 is `data-sha256`; for a computed value each HDF5 part of `data-part` (a
/// comma-separated list) exists and `data-index` lies within the dataset's shape, or the
/// JSON Pointer resolves in a JSON file; a quoted value or a parameter names `pipeline.json`
/// and a key of its expanded form (``PipelineSpec/expanded(_:source:)``), and nothing
/// computed is styled as quoted; every internal `href="#…"` has a target, and so has every
/// link into a sibling document (`href="supplement.html#…"`: the file exists next to the
/// paper and has that id).
///
/// `pipeline check-paper PAPER` runs it; the tests run it on a built paper.
public struct PaperLinkChecker {
    /// What a check saw and found.
    public struct Report: Sendable, Equatable {
        /// Sourced numbers checked (`span.value`).
        public var values = 0
        /// Other elements with `data-file` checked (figures' data files).
        public var files = 0
        /// Internal links checked (within the document and into sibling documents).
        public var internalLinks = 0
        /// Everything broken, in document order.
        public var problems: [PaperLinkProblem] = []
    }

    /// The directory declared paths are relative to (the profile root).
    public var root: String
    /// `pipeline.json` expanded, for quoted values and parameters.
    public var spec: JSONValue

    /// A checker for files under `root` and the expanded `spec`.
    public init(root: String, spec: JSONValue) {
        self.root = root
        self.spec = spec
    }

    /// A checker for files under `root` and the `pipeline.json` at `specPath`, expanded.
    public init(root: String, specPath: String) throws {
        guard let data = FileManager.default.contents(atPath: specPath) else { throw PipelineError.missingFile(path: specPath) }
        self.init(root: root, spec: try PipelineSpec.expanded(JSONValue.parse(data, source: specPath), source: specPath))
    }

    /// Checks the paper at `path`; throws ``PaperCheckError`` listing every broken link.
    @discardableResult
    public func check(paperAt path: String) throws -> Report {
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let report = check(html: html, directory: (path as NSString).deletingLastPathComponent)
        guard report.problems.isEmpty else { throw PaperCheckError(paper: path, problems: report.problems) }
        return report
    }

    /// Checks every link of `html`; links into sibling documents (`name.html#id`) are
    /// resolved in `directory` (the document's own), and not checked without one.
    public func check(html: String, directory: String? = nil) -> Report {
        let tags = HTMLLinkScanner(html: html).tags
        let ids = Set(tags.compactMap { $0.attributes["id"] })
        var siblingIDs: [String: Set<String>] = [:], missingSiblings: Set<String> = []
        var files = FileCache(root: root)
        defer { files.close() }
        var report = Report()
        for tag in tags {
            if let href = tag.attributes["href"], href.hasPrefix("#") {
                report.internalLinks += 1
                if !ids.contains(String(href.dropFirst())) {
                    report.problems.append(problem(.danglingHref, tag, "no element has id \"\(href.dropFirst())\""))
                }
            } else if let directory, let href = tag.attributes["href"], let (document, id) = Self.siblingTarget(href) {
                report.internalLinks += 1
                if siblingIDs[document] == nil, !missingSiblings.contains(document) {
                    if let html = try? String(contentsOfFile: directory + "/" + document, encoding: .utf8) {
                        siblingIDs[document] = Set(HTMLLinkScanner(html: html).tags.compactMap { $0.attributes["id"] })
                    } else {
                        missingSiblings.insert(document)
                    }
                }
                if let targets = siblingIDs[document] {
                    if !targets.contains(id) {
                        report.problems.append(problem(.danglingHref, tag, "no element of \(document) has id \"\(id)\""))
                    }
                } else {
                    report.problems.append(problem(.danglingHref, tag, "\(document) does not exist next to the paper (\(directory))"))
                }
            }
            guard let file = tag.attributes["data-file"] else { continue }
            if tag.classes.contains("value") { report.values += 1 } else { report.files += 1 }
            report.problems += checkSource(tag, file: file, files: &files)
        }
        return report
    }

    /// `(document, id)` for a link into a sibling HTML document (`supplement.html#tab-x`), nil
    /// for anything else (external URLs, paths with directories, links without a fragment).
    static func siblingTarget(_ href: String) -> (document: String, id: String)? {
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        let document = String(parts[0])
        guard document.hasSuffix(".html"), !document.contains("/"), !document.contains(":") else { return nil }
        return (document, String(parts[1]))
    }

    /// The problems of one element with `data-file`.
    func checkSource(_ tag: HTMLLinkScanner.Tag, file: String, files: inout FileCache) -> [PaperLinkProblem] {
        let classes = tag.classes
        let part = tag.attributes["data-part"]
        if classes.contains("quoted") || classes.contains("parameter") {
            guard file == "pipeline.json" else {
                return [problem(.computedStyledAsQuoted, tag, "styled as \(classes.contains("quoted") ? "quoted" : "a parameter") but its source is \(file), not pipeline.json")]
            }
            guard let part, JSONLookup.specHasKey(spec, dottedPath: part) else {
                return [problem(.missingKey, tag, "pipeline.json (expanded) has no key \(part ?? "(no data-part)")")]
            }
            return []
        }
        guard let hash = files.sha256(of: file) else { return [problem(.missingFile, tag, "\(file) does not exist under \(root)")] }
        guard let expected = tag.attributes["data-sha256"] else {
            return classes.contains("computed") ? [problem(.missingHash, tag, "a computed value of \(file) without data-sha256")] : []
        }
        guard expected == hash else {
            return [problem(.hashMismatch, tag, "\(file) has SHA-256 \(hash), the paper was built from \(expected)")]
        }
        guard let part else { return [] }
        let index = tag.attributes["data-index"].map(Self.parseIndex)
        return part.components(separatedBy: ", ").compactMap { checkPart($0, index: index, of: file, tag: tag, files: &files) }
    }

    /// The problem of one part of `file`, nil if it resolves.
    func checkPart(_ part: String, index: [Int]??, of file: String, tag: HTMLLinkScanner.Tag, files: inout FileCache) -> PaperLinkProblem? {
        if file.hasSuffix(".json") {
            guard let document = files.json(file) else { return problem(.unreadableFile, tag, "\(file) is not JSON") }
            return JSONLookup.member(document, pointer: part) == nil
                ? problem(.badPointer, tag, "\(file) has no member at JSON Pointer \(part)") : nil
        }
        guard file.hasSuffix(".h5") else {
            return part == "/" || part.isEmpty ? nil : problem(.missingObject, tag, "\(file) is neither HDF5 nor JSON; part \(part) cannot be resolved")
        }
        let object: HDF5Lookup.Object
        do {
            object = try files.hdf5Object(file, path: part)
        } catch {
            return problem(.unreadableFile, tag, "\(file): \(error)")
        }
        switch (object, index) {
        case (.missing, _):
            return problem(.missingObject, tag, "\(file) has no dataset or group \(part)")
        case (_, nil):
            return nil
        case (_, .some(nil)):
            return problem(.indexOutOfRange, tag, "data-index \(tag.attributes["data-index"] ?? "") is not of the form [i] or [i, j]")
        case (.group, .some(.some(let index))):
            return problem(.indexOutOfRange, tag, "\(file) \(part) is a group; index \(index) needs a dataset")
        case (.dataset(let shape), .some(.some(let index))):
            let inside = index.count <= shape.count && zip(index, shape).allSatisfy { $0 >= 0 && $0 < $1 }
            return inside ? nil : problem(.indexOutOfRange, tag, "index \(index) lies outside \(file) \(part) of shape \(shape)")
        }
    }

    /// `[2, 5]` → [2, 5]; nil when malformed.
    static func parseIndex(_ text: String) -> [Int]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("["), trimmed.hasSuffix("]") else { return nil }
        let items = trimmed.dropFirst().dropLast().split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { return nil }
        return items.compactMap { $0 }
    }

    func problem(_ kind: PaperLinkProblem.Kind, _ tag: HTMLLinkScanner.Tag, _ detail: String) -> PaperLinkProblem {
        PaperLinkProblem(kind: kind, line: tag.line, element: tag.summary, detail: detail)
    }
}
