import Foundation
import Provenance

/// What a stage does when it is asked to stop (SIGTERM from `kill`, `scancel` or a
/// shutdown; SIGINT from Ctrl-C; SIGHUP): remove its temporary outputs, say so on
/// stderr and in its failure note (``StageFailureNote``), and exit with status 1 — at
/// any moment, also in the middle of writing an HDF5 file.
///
/// The handler runs in signal context, where only async-signal-safe calls are allowed
/// (`unlink`, `open`, `write`, `close`, `_exit`; no allocation, no locks, no Swift
/// runtime): every path and message is prepared as C memory when the handler is
/// installed, and the handler only reads it. `_exit` skips libhdf5's and Foundation's
/// clean-up, which could meet their own half-updated state.
public enum StageTermination {
    /// The signals handled, with their names for the message.
    static let signals: [(number: Int32, name: String)] = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT"), (SIGHUP, "SIGHUP")]

    /// Installs the handler for the stage of `invocation`. Call once, before the stage
    /// creates its outputs.
    public static func install(for invocation: StageInvocation) {
        let outputs = invocation.outputs.map(\.declaredPath).joined(separator: ", ")
        var messages: [Int32: String] = [:]
        for (number, name) in signals {
            messages[number] = """
                stage '\(invocation.stage)' was stopped by \(name) before it finished; its temporary outputs were removed \
                and its outputs (\(outputs)) are kept as they were before this run, as is the manifest. Run it again with \
                `pipeline run --stage \(invocation.stage)`.
                """
        }
        TerminationState.prepare(
            temporaryPaths: invocation.outputs.map(\.temporaryPath),
            notePath: StageFailureNote.path(besideReport: invocation.reportPath), messages: messages)
        // A process inherits its parent thread's signal mask: launched from a libdispatch
        // worker thread (which blocks signals), the stage would never see SIGTERM.
        var handled = sigset_t()
        sigemptyset(&handled)
        for (number, _) in signals {
            signal(number, handleTermination)
            sigaddset(&handled, number)
        }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    }
}

/// The C memory the signal handler reads (see ``StageTermination``). Written once by
/// ``prepare(temporaryPaths:notePath:messages:)`` before the handler is installed (which
/// also runs each variable's lazy initialisation outside signal context) and never freed
/// (the process ends with the stage).
enum TerminationState {
    nonisolated(unsafe) static var temporaryPaths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    nonisolated(unsafe) static var temporaryPathCount = 0
    nonisolated(unsafe) static var notePath: UnsafeMutablePointer<CChar>?
    /// For signal n at index n: the line `error: <message>\n` for stderr, and its length
    /// in bytes (the note is the message alone: ``notePrefix`` bytes in, one byte short).
    nonisolated(unsafe) static var messages: UnsafeMutablePointer<(UnsafeMutablePointer<CChar>?, Int)>?
    /// The bytes of "error: " before the message in each line.
    nonisolated(unsafe) static var notePrefix = 0

    static let signalSlots = 65

    static func prepare(temporaryPaths paths: [String], notePath note: String, messages texts: [Int32: String]) {
        let pathTable = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: max(1, paths.count))
        for (index, path) in paths.enumerated() { pathTable[index] = strdup(path) }
        let messageTable = UnsafeMutablePointer<(UnsafeMutablePointer<CChar>?, Int)>.allocate(capacity: signalSlots)
        messageTable.initialize(repeating: (nil, 0), count: signalSlots)
        let prefix = "error: "
        for (number, text) in texts where number >= 0 && Int(number) < signalSlots {
            let line = "\(prefix)\(text)\n"
            messageTable[Int(number)] = (strdup(line), line.utf8.count)
        }
        temporaryPaths = pathTable
        temporaryPathCount = paths.count
        notePath = strdup(note)
        notePrefix = prefix.utf8.count
        messages = messageTable
    }
}

/// The signal handler: only async-signal-safe calls on prepared memory.
private func handleTermination(_ number: Int32) {
    // No Swift strings, no generic iteration: passing even a literal as a C pointer may
    // allocate, and the signal may have interrupted malloc.
    if let paths = TerminationState.temporaryPaths {
        var index = 0
        while index < TerminationState.temporaryPathCount {
            if let path = paths[index] { unlink(path) }
            index += 1
        }
    }
    if let messages = TerminationState.messages, number >= 0, Int(number) < TerminationState.signalSlots,
        let line = messages[Int(number)].0
    {
        let length = messages[Int(number)].1
        _ = write(STDERR_FILENO, line, length)
        if let notePath = TerminationState.notePath {
            let note = open(notePath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if note >= 0 {
                _ = write(note, line + TerminationState.notePrefix, length - TerminationState.notePrefix - 1)
                close(note)
            }
        }
    }
    _exit(1)
}
