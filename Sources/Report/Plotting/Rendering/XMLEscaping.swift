/// Escaping of arbitrary strings for XML 1.0 text and attribute values.
enum XMLEscaping {
    /// `text` safe as element content: `&`, `<`, `>` become entities, and characters
    /// that XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) become U+FFFD, so that
    /// any label or metadata string yields a well-formed document.
    static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// `text` safe inside a double-quoted attribute value: as ``text(_:)``, plus `"`.
    static func attribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            default:
                result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// Whether XML 1.0 (§2.2, production `Char`) allows the character.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
