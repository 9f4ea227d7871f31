import Foundation
import HDF5
import Provenance

/// Reading the provenance that travels inside an output file: each output carries its own
/// stage's record (``ProvenanceRecord``), which names every input by path, hash and the
/// stage that wrote it, so a walk over the files (``ProvenanceGraph``) tells the chain
/// back to seeds, parameters and code without any file holding more than its own record.
public enum EmbeddedProvenance {
    /// The provenance object stored in the file at `path`: the HDF5 root attribute
    /// `provenance`, the `<metadata>` of an SVG, the `<!-- provenance … -->` comment of
    /// a Markdown/HTML file, or the top-level `provenance` member of a JSON file (a
    /// paper section bundle). Nil for files that carry none (e.g. source data).
    public static func read(path: String) -> JSONValue? {
        if path.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path),
                let value = try? JSONValue.parse(data, source: path), let provenance = value["provenance"],
                provenance != .null
            else { return nil }
            return provenance
        }
        let text: String?
        if path.hasSuffix(".h5") {
            text = try? readHDF5(path)
        } else if path.hasSuffix(".svg") {
            text = between("<metadata>", "</metadata>", in: path).map(unescapeXML)
        } else if path.hasSuffix(".md") || path.hasSuffix(".html") {
            text = between("<!-- provenance ", " -->", in: path)
        } else {
            text = nil
        }
        guard let text else { return nil }
        return try? JSONValue.parse(Data(text.utf8), source: path)
    }

    /// The record of the stage run by `invocation`: its own facts, and for each input its
    /// declared path, hash and the stage named in the input file's own embedded record
    /// (nil for source files, which carry none).
    static func record(_ invocation: StageInvocation) -> ProvenanceRecord {
        var inputStages: [String: String] = [:]
        for input in invocation.inputs {
            if case .string(let producer)? = read(path: input.path)?["stage"] { inputStages[input.declaredPath] = producer }
        }
        return invocation.provenanceRecord(inputStages: inputStages)
    }

    /// The record embedded in the file at `path`, parsed (``ProvenanceRecord``); nil when
    /// the file carries none. Throws when it carries one in an unknown layout.
    public static func record(path: String) throws -> ProvenanceRecord? {
        guard let json = read(path: path) else { return nil }
        return try ProvenanceRecord(json: json, source: path)
    }

    private static func readHDF5(_ path: String) throws -> String? {
        let file = try HDF5File.open(path)
        defer { try? file.close() }
        guard case .string(let text) = try file.root.attribute("provenance") else { return nil }
        return text
    }

    private static func between(_ open: String, _ close: String, in path: String) -> String? {
        guard let content = try? String(contentsOfFile: path, encoding: .utf8),
            let start = content.range(of: open), let end = content.range(of: close, range: start.upperBound..<content.endIndex)
        else { return nil }
        return String(content[start.upperBound..<end.lowerBound])
    }

    private static func unescapeXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
