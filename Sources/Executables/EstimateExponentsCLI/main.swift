import ExponentStage
import Foundation
import StageKit

// `estimate-exponents --invocation FILE`: run by `pipeline run` (see ExponentStage).
// `estimate-exponents validate [--json]`: the estimator validation table on stdout (tab-separated:
// system, estimator, index, estimate, reference, standard error, target, outcome, first
// rule's tolerance, first rule passed).
let arguments = CommandLine.arguments
if arguments.count >= 2, arguments[1] == "validate" {
    do {
        let table = try ValidationTable.json()
        if arguments.contains("--json") {
            print(table.prettyText, terminator: "")
        } else if case .array(let rows) = table {
            for row in rows {
                print([row["system"], row["estimator"], row["index"], row["estimate"], row["reference"], row["standardError"],
                       row["target"], row["outcome"], row["firstRuleTolerance"], row["firstRulePassed"]]
                    .map { $0?.canonicalText ?? "" }.joined(separator: "\t"))
            }
        }
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
} else {
    StageMain.run(executable: "estimate-exponents", schema: ExponentSettings.schema, EstimateExponents.run)
}
