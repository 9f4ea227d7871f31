import Foundation

/// The paper's reference list, kept as data (`paper/references.json`): every source the
/// text cites with `{{cite:KEY}}` (papers, the authors' code at their commits, the
/// estimators' and statistics' original papers). Layout:
///
/// ```json
/// {"formatVersion": 1, "references": [{"key": "wolf1985", "text": "A. Wolf, … (1985).", "url": "https://…"}]}
/// ```
///
/// `text` is Markdown; `url` is optional. The paper numbers the references in order of
/// first citation (``Numbering/citations``) and lists them at `{{references}}`.
public struct ReferenceList: Codable, Equatable, Sendable {
    /// One source.
    public struct Reference: Codable, Equatable, Sendable {
        /// The key cited as `{{cite:KEY}}` (letters, digits and `_ . -`).
        public var key: String
        /// The full reference, Markdown.
        public var text: String
        /// Where to read it, if anywhere.
        public var url: String?

        /// Creates a reference.
        public init(key: String, text: String, url: String? = nil) {
            self.key = key
            self.text = text
            self.url = url
        }
    }

    /// The version of this layout.
    public static let currentFormatVersion = 1

    /// The layout version (``currentFormatVersion``).
    public var formatVersion: Int
    /// The references, in the file's order.
    public var references: [Reference]

    /// Creates a list.
    public init(references: [Reference]) {
        formatVersion = Self.currentFormatVersion
        self.references = references
    }

    /// The reference of `key`, if listed.
    public func reference(_ key: String) -> Reference? {
        references.first { $0.key == key }
    }

    /// Reads the list at `path` (declared as `declaredPath`): JSON of the layout above,
    /// every key unique and usable in a placeholder.
    public static func read(path: String, declaredPath: String) throws -> ReferenceList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReferenceListError.unreadable(path: declaredPath, reason: "the file does not exist")
        }
        let list: ReferenceList
        do {
            list = try JSONDecoder().decode(ReferenceList.self, from: data)
        } catch {
            throw ReferenceListError.unreadable(path: declaredPath, reason: "\(error)")
        }
        guard list.formatVersion == currentFormatVersion else {
            throw ReferenceListError.unreadable(
                path: declaredPath, reason: "formatVersion \(list.formatVersion), this build reads \(currentFormatVersion)")
        }
        var seen = Set<String>()
        for (index, reference) in list.references.enumerated() {
            guard !reference.key.isEmpty, reference.key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
            else {
                throw ReferenceListError.badKey(path: declaredPath, index: index, key: reference.key)
            }
            guard seen.insert(reference.key).inserted else {
                throw ReferenceListError.duplicateKey(path: declaredPath, key: reference.key)
            }
        }
        return list
    }

    /// The HTML id of the reference `key` in the reference list.
    public static func anchor(_ key: String) -> String { "ref-" + key }
}

/// A reference list that cannot be used; each names the file, the entry and the fix.
public enum ReferenceListError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file is missing, not JSON of the layout, or of another format version.
    case unreadable(path: String, reason: String)
    /// A key that a placeholder could not name.
    case badKey(path: String, index: Int, key: String)
    /// Two entries with the same key.
    case duplicateKey(path: String, key: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "the reference list \(path) cannot be read: \(reason); it must be {\"formatVersion\": 1, \"references\": "
                + "[{\"key\": …, \"text\": …, \"url\": …}]} (see ReportKit.ReferenceList)"
        case .badKey(let path, let index, let key):
            return "\(path): /references/\(index)/key '\(key)' is not a citation key (letters, digits and _ . - only); rename it"
        case .duplicateKey(let path, let key):
            return "\(path): the key '\(key)' is listed twice under /references; keep one entry per source"
        }
    }
}
