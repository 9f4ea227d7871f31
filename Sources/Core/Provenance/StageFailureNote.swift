import Foundation

/// The one-line reason a stage executable gives when it fails, left for the driver in
/// the stage's scratch directory (beside its report) so that the driver's error, and
/// the `--keep-going` summary, can name what went wrong and on which file. The stage
/// prints the same text on stderr; the note is best effort (on a full disk it may be
/// missing, and the driver then points at the stage's messages).
public enum StageFailureNote {
    /// Where the stage whose report goes to `reportPath` leaves its note.
    public static func path(besideReport reportPath: String) -> String {
        URL(fileURLWithPath: reportPath).deletingLastPathComponent().appendingPathComponent("failure.txt").path
    }

    /// Writes `message` as the note of the stage whose report goes to `reportPath`;
    /// ignores failures (the message is on stderr too).
    public static func write(_ message: String, besideReport reportPath: String) {
        _ = FileManager.default.createFile(atPath: path(besideReport: reportPath), contents: Data(message.utf8))
    }

    /// The note left by the stage whose report goes to `reportPath`, trimmed; nil if none.
    public static func read(besideReport reportPath: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path(besideReport: reportPath)),
            let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else { return nil }
        return text
    }
}
