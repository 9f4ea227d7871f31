import Foundation
import HDF5
import NumericsCore
import Provenance

/// What a stage executable works with: its invocation (parameters, seeds, inputs,
/// outputs) and helpers that stamp provenance into every file it writes.
public struct StageContext: Sendable {
    public let invocation: StageInvocation

    public init(invocation: StageInvocation) {
        self.invocation = invocation
    }

    /// Reads the invocation file named by `--invocation PATH` in `arguments`.
    public init(arguments: [String]) throws {
        guard let flag = arguments.firstIndex(of: "--invocation"), flag + 1 < arguments.count else {
            throw StageError.usage(
                "usage: \(arguments.first ?? "stage") --invocation FILE\nStages are run by `pipeline run`, which writes FILE; see README.md.")
        }
        let path = arguments[flag + 1]
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError.usage("the invocation file \(path) does not exist")
        }
        do {
            invocation = try JSONDecoder().decode(StageInvocation.self, from: data)
        } catch {
            throw StageError.usage("the invocation file \(path) is malformed: \(error)")
        }
    }

    public var stage: String { invocation.stage }
    public var threads: Int { max(1, invocation.threads) }
    public var quiet: Bool { invocation.quiet }

    /// The stage's parameters.
    public var parameters: Parameters {
        Parameters(invocation.parameters, path: "stages.\(stage).parameters")
    }

    /// The seed declared under `name` in the stage's `seeds`.
    public func seed(_ name: String) throws -> SeedKey {
        guard let record = invocation.seeds[name] else {
            throw StageError.undeclared(kind: "seed", path: name, stage: stage)
        }
        return SeedKey(record.key)
    }

    /// Where to read the input declared as `declaredPath`.
    public func inputPath(_ declaredPath: String) throws -> String {
        guard let input = invocation.inputs.first(where: { $0.declaredPath == declaredPath }) else {
            throw StageError.undeclared(kind: "input", path: declaredPath, stage: stage)
        }
        return input.path
    }

    /// The declared inputs whose path ends with `suffix` (e.g. ".h5").
    public func inputs(endingWith suffix: String) -> [StageInvocation.Input] {
        invocation.inputs.filter { $0.declaredPath.hasSuffix(suffix) }
    }

    /// Where to write the output declared as `declaredPath` (a scratch path; the driver
    /// moves it into place when the stage succeeds).
    public func outputPath(_ declaredPath: String) throws -> String {
        guard let output = invocation.outputs.first(where: { $0.declaredPath == declaredPath }) else {
            throw StageError.undeclared(kind: "output", path: declaredPath, stage: stage)
        }
        return output.temporaryPath
    }

    /// The stage's own provenance record, naming each input by path, hash and the stage
    /// that wrote it (see ``EmbeddedProvenance``); the chain is a walk over such records.
    public var provenance: JSONValue { provenanceRecord.json }

    /// ``provenance`` as a typed record.
    public var provenanceRecord: ProvenanceRecord { EmbeddedProvenance.record(invocation) }

    /// ``provenance`` as canonical JSON text.
    public var provenanceText: String { provenance.canonicalText }

    /// Creates the HDF5 output declared as `declaredPath`, with the stage's provenance
    /// in root attributes (`provenance`, `stage`, `code_sha256`), so that one file alone
    /// tells where it came from.
    public func createOutputFile(_ declaredPath: String, provenanceText: String? = nil) throws -> HDF5File {
        let file = try HDF5File.create(try outputPath(declaredPath))
        try file.root.setAttribute("provenance", .string(provenanceText ?? self.provenanceText))
        try file.root.setAttribute("stage", .string(stage))
        try file.root.setAttribute("code_sha256", .string(invocation.code.sha256))
        return file
    }

    /// Opens the HDF5 input declared as `declaredPath` for reading.
    public func openInputFile(_ declaredPath: String) throws -> HDF5File {
        try HDF5File.open(try inputPath(declaredPath))
    }

    /// A progress reporter on stderr for `total` items.
    public func progress(_ label: String, total: Int) -> ProgressReporter {
        ProgressReporter(stage: stage, label: label, total: total, quiet: quiet)
    }

    /// Sends environment facts and a summary back to the driver (recorded in the manifest).
    public func report(environment: [String: String] = [:], summary: JSONValue = .object([:])) throws {
        var facts = environment
        facts["hdf5"] = HDF5LibraryInfo.versionString
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let report = StageReport(environment: facts, summary: summary, peakResidentMemoryKiB: StageContext.peakResidentMemoryKiB())
        try AtomicFile.write(try encoder.encode(report), to: invocation.reportPath)
    }

    /// This process's peak resident memory so far, in KiB (`ru_maxrss`, which Linux
    /// counts in KiB); nil if `getrusage` fails.
    public static func peakResidentMemoryKiB() -> Int? {
        var usage = rusage()
        guard getrusage(Int32(RUSAGE_SELF.rawValue), &usage) == 0 else { return nil }
        return Int(usage.ru_maxrss)
    }
}

extension StageInvocation {
    /// The invocation with its parameters checked against `schema` and defaults filled.
    func resolving(_ schema: ParameterSchema, executable: String) throws -> StageInvocation {
        var copy = self
        copy.parameters = try schema.resolve(parameters, path: "stages.\(stage).parameters", executable: executable)
        return copy
    }
}
