/// The estimated box of an unrotated line of text, for overlap tests and clamping.
enum TextBox {
    /// The box from cap height to descender depth, as wide as ``TextMetrics`` estimates.
    static func bounds(of text: String, at position: CanvasPoint, style: TextStyle) -> CanvasRect {
        let width = TextMetrics.width(of: text, fontSize: style.fontSize, isBold: style.isBold)
        let left: Double
        switch style.anchor {
        case .start: left = position.x
        case .middle: left = position.x - width / 2
        case .end: left = position.x - width
        }
        let capHeight = TextMetrics.capHeightEm * style.fontSize
        let baseline: Double
        switch style.verticalAlignment {
        case .baseline: baseline = position.y
        case .middle: baseline = position.y + capHeight / 2
        case .top: baseline = position.y + capHeight
        }
        let descent = TextMetrics.descentEm * style.fontSize
        return CanvasRect(x: left, y: baseline - capHeight, width: width, height: capHeight + descent)
    }

    /// `position` moved horizontally (and vertically) as little as needed for the text
    /// box to lie inside `container` shrunk by `margin`; unchanged along an axis where
    /// the text is larger than the container.
    static func clamp(
        _ text: String, at position: CanvasPoint, style: TextStyle, into container: CanvasRect, margin: Double = 2
    ) -> CanvasPoint {
        let box = bounds(of: text, at: position, style: style)
        let inner = container.expanded(by: -margin)
        var shifted = position
        if box.width <= inner.width {
            if box.minX < inner.minX { shifted.x += inner.minX - box.minX }
            if box.maxX > inner.maxX { shifted.x -= box.maxX - inner.maxX }
        }
        if box.height <= inner.height {
            if box.minY < inner.minY { shifted.y += inner.minY - box.minY }
            if box.maxY > inner.maxY { shifted.y -= box.maxY - inner.maxY }
        }
        return shifted
    }
}
