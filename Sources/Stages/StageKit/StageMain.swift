import Foundation
import Provenance

/// The `main` of every stage executable: parse the invocation, check its parameters
/// against the executable's declaration, run `body`, and turn a thrown error into a clear
/// message and exit status 1.
///
/// Besides `--invocation FILE` every stage executable answers
/// `--resolve-parameters FILE` (FILE: `{"stage": name, "parameters": {…}}`; prints the
/// parameters with every default filled in, or every problem with its JSON path and exit
/// status 2) — the pipeline calls it before anything runs — and `--describe-parameters`.
///
/// A stage that fails (a thrown error) or is asked to stop (SIGTERM, SIGINT, SIGHUP;
/// ``StageTermination``) removes its temporary outputs, prints what went wrong naming
/// the file, leaves the same line for the driver (``StageFailureNote``) and exits with
/// status 1; the driver keeps the previous outputs and the manifest.
public enum StageMain {
    /// Runs the stage executable `executable`, whose parameters `schema` declares, with
    /// `body` as its work; never returns.
    public static func run(executable: String, schema: ParameterSchema, _ body: (StageContext) throws -> Void) -> Never {
        let arguments = CommandLine.arguments
        let context: StageContext
        do {
            if arguments.contains("--describe-parameters") {
                print(schema.description.prettyText)
                exit(0)
            }
            if let flag = arguments.firstIndex(of: "--resolve-parameters"), flag + 1 < arguments.count {
                try resolveParameters(requestPath: arguments[flag + 1], schema: schema, executable: executable)
            }
            let given = try StageContext(arguments: arguments)
            context = StageContext(invocation: try given.invocation.resolving(schema, executable: executable))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
        StageTermination.install(for: context.invocation)
        do {
            try body(context)
        } catch {
            fail(context.invocation, error)
        }
        exit(0)
    }

    /// Answers `--resolve-parameters FILE`: prints the resolved parameters (exit 0) or
    /// every problem (exit 2); throws if FILE is not a request.
    private static func resolveParameters(requestPath: String, schema: ParameterSchema, executable: String) throws -> Never {
        let request = try JSONValue.parse(FileManager.default.contents(atPath: requestPath) ?? Data(), source: requestPath)
        guard case .string(let stage)? = request["stage"] else {
            throw StageError.usage("--resolve-parameters FILE: FILE must hold {\"stage\": …, \"parameters\": …}")
        }
        do {
            let resolved = try schema.resolve(
                request["parameters"] ?? .object([:]), path: "stages.\(stage).parameters", executable: executable)
            print(resolved.canonicalText)
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
    }

    /// Removes the stage's temporary outputs (a failed stage's files are incomplete),
    /// prints `error` with the outputs it concerns, leaves the note for the driver and
    /// exits 1.
    static func fail(_ invocation: StageInvocation, _ error: Error) -> Never {
        for output in invocation.outputs {
            try? FileManager.default.removeItem(atPath: output.temporaryPath)
        }
        let message = failureMessage(invocation, "\(error)")
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        StageFailureNote.write(message, besideReport: invocation.reportPath)
        exit(1)
    }

    /// `description` with, for each temporary output it mentions, the declared output
    /// that temporary file stood for and what became of both.
    static func failureMessage(_ invocation: StageInvocation, _ description: String) -> String {
        let notes = invocation.outputs.filter { description.contains($0.temporaryPath) }.map {
            "\($0.temporaryPath) was the temporary copy of \($0.declaredPath) (stage '\(invocation.stage)'): it was removed, "
                + "and \($0.declaredPath) is kept as it was before this run"
        }
        return ([description] + notes).joined(separator: "\n  ")
    }
}
