import Foundation

/// Typesets an HTML document into a PDF with weasyprint (Debian's package, installed by
/// `scripts/ensure-deps`), using the document's print style sheet (``ReportKit/PrintStyle``).
///
/// The PDF is byte-stable for the same HTML: weasyprint writes no creation date unless
/// the HTML gives one and no document identifier unless asked, and the one clock left —
/// the timestamp fontTools stamps into every embedded font subset — reads
/// `SOURCE_DATE_EPOCH`, which is fixed here to 0.
///
/// The PDF is also independent of where the project lies: by default weasyprint resolves a
/// relative link (`supplement.html#tab-…`) against the HTML file's absolute path and writes
/// `file:///…/paper/supplement.html#…` into the PDF, so a clone in another directory would
/// write other bytes. The base URL ``relativeBase`` has a scheme that URL joining does not
/// resolve against, so relative links stay relative in the PDF (a viewer opens them next
/// to the PDF); every image is an inline `data:` URI and needs no base.
enum PDFTypesetter {
    /// The fixed `SOURCE_DATE_EPOCH` of every rendering.
    static let sourceDateEpoch = "0"
    /// The base URL that keeps relative links relative (see the type's documentation).
    static let relativeBase = "rel:"

    /// The weasyprint executable, found on `PATH` (`/usr/bin/weasyprint` on Debian).
    static func executable() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = String(directory) + "/weasyprint"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw PaperError.typesetterMissing
    }

    /// weasyprint's version, e.g. "57.2" (recorded in the stage's environment).
    static func version() throws -> String {
        let output = try run(arguments: ["--version"])
        return output.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? output
    }

    /// Renders the HTML file `htmlPath` into `pdfPath` (A4, print media).
    static func render(htmlPath: String, to pdfPath: String) throws {
        _ = try run(arguments: ["--quiet", "--media-type", "print", "--base-url", relativeBase, htmlPath, pdfPath])
        guard FileManager.default.fileExists(atPath: pdfPath) else {
            throw PaperError.typesetFailed(path: pdfPath, status: 0, messages: "weasyprint exited without writing the PDF")
        }
    }

    /// Runs weasyprint with `arguments` and returns its standard output; a non-zero exit
    /// is an error carrying its messages.
    private static func run(arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = sourceDateEpoch
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PaperError.typesetFailed(
                path: arguments.last ?? "", status: process.terminationStatus, messages: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: outputData, as: UTF8.self)
    }
}
