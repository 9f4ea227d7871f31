import Foundation
import HDF5
import Provenance

/// Reading the provenance that travels inside an output file, so that each new output
/// can embed its inputs' provenance and one file alone tells the whole chain back to
/// seeds, parameters and code (STYLE.md: "the provenance travels inside every output").
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

    /// `provenance` with each input entry replaced by `{"sha256": …, "provenance": …}`
    /// using the provenance found inside the input files.
    static func enriched(_ invocation: StageInvocation) -> JSONValue {
        guard case .object(var members) = invocation.provenance else { return invocation.provenance }
        var inputs: [String: JSONValue] = [:]
        for input in invocation.inputs {
            var entry: [String: JSONValue] = ["sha256": .string(input.sha256)]
            if let embedded = read(path: input.path) { entry["provenance"] = embedded }
            inputs[input.declaredPath] = .object(entry)
        }
        members["inputs"] = .object(inputs)
        return .object(members)
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
