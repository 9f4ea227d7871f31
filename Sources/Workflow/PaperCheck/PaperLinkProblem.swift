/// One link of a built paper that does not resolve, with where it is and what to do.
public struct PaperLinkProblem: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// `data-file` names no file under the root.
        case missingFile = "missing file"
        /// The file's SHA-256 is not the one the paper was built from.
        case hashMismatch = "hash mismatch"
        /// A computed value without `data-sha256`.
        case missingHash = "missing hash"
        /// The HDF5 object (dataset or group) does not exist.
        case missingObject = "missing dataset"
        /// `data-index` lies outside the dataset's shape, or indexes a group.
        case indexOutOfRange = "index out of range"
        /// The JSON Pointer does not resolve in the JSON file.
        case badPointer = "bad JSON pointer"
        /// A quoted value or parameter names no key of the expanded `pipeline.json`.
        case missingKey = "missing pipeline.json key"
        /// A value styled as quoted (or a parameter) whose source is not `pipeline.json`.
        case computedStyledAsQuoted = "computed value styled as quoted"
        /// An internal `href="#id"` with no element of that id.
        case danglingHref = "dangling link"
        /// The file exists but cannot be read as its kind (HDF5, JSON).
        case unreadableFile = "unreadable file"
    }

    /// What is wrong.
    public var kind: Kind
    /// The 1-based line of the element in the HTML.
    public var line: Int
    /// The element, shortened (``HTMLLinkScanner/Tag/summary``).
    public var element: String
    /// The details: the file, the object, the expected and found values.
    public var detail: String

    /// Creates a problem.
    public init(kind: Kind, line: Int, element: String, detail: String) {
        self.kind = kind
        self.line = line
        self.element = element
        self.detail = detail
    }

    /// `line N: kind: detail — element`.
    public var description: String {
        "line \(line): \(kind.rawValue): \(detail) — \(element)"
    }
}

/// A built paper with links that do not resolve.
public struct PaperCheckError: Error, Sendable, CustomStringConvertible {
    /// The paper checked.
    public var paper: String
    /// Every broken link, in document order.
    public var problems: [PaperLinkProblem]

    /// Every problem on its own line, then what to do.
    public var description: String {
        "\(paper): \(problems.count) broken link(s):\n" + problems.map { "  \(paper):\($0)" }.joined(separator: "\n")
            + "\nRebuild the paper from the current files (`.build/release/pipeline run --stage build-paper`); a link that still "
            + "fails names a dataset, pointer or pipeline.json key that the section stage writing it must correct."
    }
}
