import Foundation

/// The SVG 1.1 implementation of ``Renderer``.
///
/// Every primitive becomes one element on its own line; numbers have at most two
/// decimals (``SVGNumberFormatter``); all text is XML-escaped. The document names only
/// fonts that exist offline ("DejaVu Sans, Arial, Helvetica, sans-serif") and loads
/// nothing, so it renders the same without a network.
public struct SVGRenderer: Renderer {
    /// The font list written on the root element.
    public static let fontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif"

    /// The canvas width in pixels.
    public let width: Double
    /// The canvas height in pixels.
    public let height: Double
    /// The elements drawn so far, one per line.
    private var elements: [String] = []

    /// Creates an empty canvas of the given size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The complete SVG document: XML declaration, root element with `xmlns`, `width`,
    /// `height` and `viewBox`, an optional `<title>`, a `<metadata>` element holding
    /// `metadata` (XML-escaped) when it is not `nil`, then the drawn elements.
    public func document(title: String? = nil, metadata: String?) -> String {
        let w = SVGNumberFormatter.format(width)
        let h = SVGNumberFormatter.format(height)
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\" "
                + "viewBox=\"0 0 \(w) \(h)\" font-family=\"\(SVGRenderer.fontFamily)\">",
        ]
        if let title {
            lines.append("<title>\(XMLEscaping.text(title))</title>")
        }
        if let metadata {
            lines.append("<metadata>\(XMLEscaping.text(metadata))</metadata>")
        }
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Appends a `<rect>` element.
    public mutating func drawRect(_ rect: CanvasRect, fill: FillStyle?, stroke: StrokeStyle?) {
        let f = SVGNumberFormatter.format
        elements.append(
            "<rect x=\"\(f(rect.x))\" y=\"\(f(rect.y))\" width=\"\(f(rect.width))\" height=\"\(f(rect.height))\""
                + paint(fill: fill, stroke: stroke, isOpenPath: false) + "/>")
    }

    /// Appends a `<polyline>` element; fewer than two points draw nothing.
    public mutating func drawPolyline(_ points: [CanvasPoint], stroke: StrokeStyle) {
        guard points.count >= 2 else { return }
        elements.append(
            "<polyline points=\"\(pointList(points))\"" + paint(fill: nil, stroke: stroke, isOpenPath: true) + "/>")
    }

    /// Appends a `<polygon>` element, or the shorter `<rect>` when the polygon is an
    /// axis-aligned rectangle; fewer than three points draw nothing.
    public mutating func drawPolygon(_ points: [CanvasPoint], fill: FillStyle?, stroke: StrokeStyle?) {
        guard points.count >= 3 else { return }
        if let rect = SVGRenderer.axisAlignedRectangle(points) {
            drawRect(rect, fill: fill, stroke: stroke)
            return
        }
        elements.append(
            "<polygon points=\"\(pointList(points))\"" + paint(fill: fill, stroke: stroke, isOpenPath: false) + "/>")
    }

    /// Appends a `<circle>` element.
    public mutating func drawCircle(center: CanvasPoint, radius: Double, fill: FillStyle?, stroke: StrokeStyle?) {
        let f = SVGNumberFormatter.format
        elements.append(
            "<circle cx=\"\(f(center.x))\" cy=\"\(f(center.y))\" r=\"\(f(radius))\""
                + paint(fill: fill, stroke: stroke, isOpenPath: false) + "/>")
    }

    /// Appends a `<text>` element with the text XML-escaped. Vertical alignment is
    /// turned into a baseline position from DejaVu Sans's cap height, since SVG 1.1
    /// renderers disagree on `dominant-baseline`.
    public mutating func drawText(_ text: String, at position: CanvasPoint, style: TextStyle) {
        let f = SVGNumberFormatter.format
        // SVG places text by its baseline; move the anchor along the text's own "down"
        // direction by the share of the cap height that the alignment asks for.
        let shiftEm: Double
        switch style.verticalAlignment {
        case .baseline: shiftEm = 0
        case .middle: shiftEm = TextMetrics.capHeightEm / 2
        case .top: shiftEm = TextMetrics.capHeightEm
        }
        let (sine, cosine) = SVGRenderer.sineCosine(degrees: style.rotationDegrees)
        let shift = shiftEm * style.fontSize
        let x = position.x - sine * shift
        let y = position.y + cosine * shift
        var element = "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(style.fontSize))\""
        if style.isBold {
            element += " font-weight=\"bold\""
        }
        switch style.anchor {
        case .start: break
        case .middle: element += " text-anchor=\"middle\""
        case .end: element += " text-anchor=\"end\""
        }
        element += " fill=\"\(style.color.hexString)\""
        if style.rotationDegrees != 0 {
            element += " transform=\"rotate(\(f(style.rotationDegrees)) \(f(x)) \(f(y)))\""
        }
        element += ">\(XMLEscaping.text(text))</text>"
        elements.append(element)
    }

    /// The paint attributes (leading space included).
    private func paint(fill: FillStyle?, stroke: StrokeStyle?, isOpenPath: Bool) -> String {
        let f = SVGNumberFormatter.format
        var text = ""
        if let fill {
            text += " fill=\"\(fill.color.hexString)\""
            if fill.opacity < 1 { text += " fill-opacity=\"\(f(fill.opacity))\"" }
        } else {
            text += " fill=\"none\""
        }
        if let stroke {
            text += " stroke=\"\(stroke.color.hexString)\" stroke-width=\"\(f(stroke.width))\""
            if stroke.opacity < 1 { text += " stroke-opacity=\"\(f(stroke.opacity))\"" }
            if !stroke.dash.isSolid {
                text += " stroke-dasharray=\"\(stroke.dash.lengths.map(f).joined(separator: ","))\""
            }
            if isOpenPath {
                text += " stroke-linejoin=\"round\" stroke-linecap=\"\(stroke.dash.isSolid ? "round" : "butt")\""
            }
        }
        return text
    }

    /// The rectangle that four points trace when they are the corners of an axis-aligned
    /// rectangle (in either direction, from any corner), else `nil`.
    static func axisAlignedRectangle(_ points: [CanvasPoint]) -> CanvasRect? {
        guard points.count == 4 else { return nil }
        let xs = Set(points.map(\.x)), ys = Set(points.map(\.y))
        guard xs.count == 2, ys.count == 2 else { return nil }
        // Consecutive corners differ in exactly one coordinate.
        for index in points.indices {
            let a = points[index], b = points[(index + 1) % 4]
            guard (a.x == b.x) != (a.y == b.y) else { return nil }
        }
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        return CanvasRect(x: minX, y: minY, width: (xs.max() ?? minX) - minX, height: (ys.max() ?? minY) - minY)
    }

    /// Points as SVG writes them: "x,y x,y …".
    private func pointList(_ points: [CanvasPoint]) -> String {
        let f = SVGNumberFormatter.format
        return points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
    }

    /// Sine and cosine of an angle in degrees, exact for multiples of 90°.
    static func sineCosine(degrees: Double) -> (Double, Double) {
        let turned = degrees.truncatingRemainder(dividingBy: 360)
        let normalized = turned < 0 ? turned + 360 : turned
        switch normalized {
        case 0: return (0, 1)
        case 90: return (1, 0)
        case 180: return (0, -1)
        case 270: return (-1, 0)
        default:
            let radians = normalized * Double.pi / 180
            return (sin(radians), cos(radians))
        }
    }
}
