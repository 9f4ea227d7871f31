import Foundation
import Provenance

/// Start and end of one stage run, from its run-log entry (end = start + seconds).
struct RunTimes: Equatable {
    var start: Date
    var end: Date

    init(entry: RunLogEntry, stage: String) throws {
        guard let start = RunTimes.parse(entry.started) else {
            throw RunCrateError.malformedStartTime(stage: stage, value: entry.started)
        }
        self.start = start
        // Milliseconds: what the run log's seconds carry, and a stable text form.
        self.end = start.addingTimeInterval((entry.seconds * 1000).rounded() / 1000)
    }

    /// ISO 8601 with or without fractional seconds.
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// UTC, milliseconds only when not whole: `2026-11-24T06:14:53Z`, `2026-11-24T06:14:53.261Z`.
    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        if milliseconds.truncatingRemainder(dividingBy: 1000) != 0 {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        }
        return formatter.string(from: Date(timeIntervalSince1970: milliseconds / 1000))
    }
}
