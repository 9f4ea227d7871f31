import Foundation
import Provenance

/// Sharding declared in pipeline.json, expanded into ordinary stages so that `pipeline
/// run`, `status`, `dag` and the generated Snakemake workflow all run one graph and write
/// byte-identical files.
///
/// A stage `X` with `"shards": {"count": n}` (n > 1) becomes
/// - n shard stages `X@0` … `X@<n-1>`: X's executable, inputs and seeds, parameters plus
///   `"shard": {"index": i, "count": n}`, each output `dir/name.ext` written as
///   `dir/.shards/name.shard-<i>-of-<n>.ext`;
/// - the stage `X` itself, now the merge: the same executable and seeds, parameters plus
///   `"mergeShards": n`, the shard files as its inputs (in shard order, output by
///   output), and X's declared outputs. Its provenance lists every shard file.
///
/// The executable must take both parameters (`train-ensembles` does; see
/// `TrainingStage.SweepSpecification.schema`); others refuse them by name when the
/// parameters are resolved.
extension PipelineSpec {
    /// The parameters the driver sets on the stages of a sharded stage.
    public static let shardingParameters = ["shard", "mergeShards"]

    /// The separator between a sharded stage's name and a shard's index: `X@3`. Stage
    /// names of pipeline.json cannot contain it, so expanded names never collide.
    public static let shardSeparator = "@"

    /// The spec with every sharded stage expanded (see the type's documentation).
    /// `countOverride` replaces the declared count of every stage that declares `shards`.
    public func expandingShards(countOverride: Int? = nil) -> PipelineSpec {
        var expanded = self
        for stage in stages.values.sorted(by: { $0.name < $1.name }) {
            guard let declared = stage.shardCount else { continue }
            let count = countOverride ?? declared
            var merge = stage
            merge.shardCount = nil
            guard count > 1 else {
                expanded.stages[stage.name] = merge
                continue
            }
            var shardOutputs: [[String]] = []
            for index in 0..<count {
                var shard = stage
                shard.shardCount = nil
                shard.name = PipelineSpec.shardStageName(stage.name, index: index)
                shard.description = "shard \(index) of \(count) of stage \(stage.name)"
                shard.parameters = JSONValue.merged(
                    stage.parameters,
                    .object(["shard": .object(["index": .int(Int64(index)), "count": .int(Int64(count))])]))
                shard.outputs = stage.outputs.map { PipelineSpec.shardPath(of: $0, index: index, count: count) }
                shardOutputs.append(shard.outputs)
                expanded.stages[shard.name] = shard
            }
            merge.parameters = JSONValue.merged(stage.parameters, .object(["mergeShards": .int(Int64(count))]))
            merge.resources = stage.mergeResources.over(stage.resources)
            merge.profileResources = stage.profileResources.mapValues { stage.mergeResources.over($0) }
            merge.inputs = stage.outputs.indices.flatMap { output in shardOutputs.map { $0[output] } }
            expanded.stages[stage.name] = merge
        }
        return expanded
    }

    /// `X@i`.
    public static func shardStageName(_ stage: String, index: Int) -> String {
        stage + shardSeparator + String(index)
    }

    /// Where shard `index` of `count` writes the output declared as `declared`:
    /// `dir/.shards/name.shard-<i>-of-<n>.ext`, beside the merged file.
    public static func shardPath(of declared: String, index: Int, count: Int) -> String {
        let url = URL(fileURLWithPath: declared)
        let directory = declared.contains("/") ? String(declared[..<declared.lastIndex(of: "/")!]) + "/" : ""
        let ext = url.pathExtension
        let stem = ext.isEmpty ? url.lastPathComponent : String(url.lastPathComponent.dropLast(ext.count + 1))
        return "\(directory).shards/\(stem).shard-\(index)-of-\(count)" + (ext.isEmpty ? "" : ".\(ext)")
    }
}
