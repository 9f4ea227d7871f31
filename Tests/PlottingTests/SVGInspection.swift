import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a parsed SVG document: its name, attributes and direct text.
struct SVGElement {
    var name: String
    var attributes: [String: String]
    var text: String
}

/// The elements of an SVG document in document order, or the parser's complaint.
struct ParsedSVG {
    var elements: [SVGElement]
    var parseError: String?

    /// The elements with the given name.
    func named(_ name: String) -> [SVGElement] { elements.filter { $0.name == name } }

    /// The texts of all `<text>` elements.
    var texts: [String] { named("text").map(\.text) }
}

/// Parses `svg` with Foundation's `XMLParser` (the same parser on Linux and macOS).
func parseSVG(_ svg: String) -> ParsedSVG {
    let collector = SVGCollector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    let ok = parser.parse()
    let message = ok ? nil : (parser.parserError.map { "\($0)" } ?? "unknown XML error")
    return ParsedSVG(elements: collector.elements, parseError: message)
}

/// Collects elements and their text while `XMLParser` reads a document.
private final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [SVGElement] = []
    private var open: [Int] = []

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        elements.append(SVGElement(name: elementName, attributes: attributeDict, text: ""))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last {
            elements[index].text += string
        }
    }
}

/// The numbers of an SVG `points` attribute as canvas points.
func points(of element: SVGElement) -> [(x: Double, y: Double)] {
    guard let list = element.attributes["points"] else { return [] }
    return list.split(separator: " ").compactMap { pair in
        let parts = pair.split(separator: ",").compactMap { Double($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}
