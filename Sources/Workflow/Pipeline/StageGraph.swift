/// The dependency graph of the stages: `a → b` when `b` reads a file that `a` writes.
public struct StageGraph: Sendable {
    /// Stage name → names of the stages it reads from, sorted.
    public let upstream: [String: [String]]

    public init(spec: PipelineSpec) {
        var writer: [String: String] = [:]
        for stage in spec.stages.values {
            for output in stage.outputs { writer[output] = stage.name }
        }
        var upstream: [String: [String]] = [:]
        for stage in spec.stages.values {
            upstream[stage.name] = Set(stage.inputs.compactMap { writer[$0] }).sorted()
        }
        self.upstream = upstream
    }

    /// Every stage, each after all stages it depends on; ties broken by name so the
    /// order is the same on every run. Stages on a cycle are left out (see `cycle()`).
    public func topologicalOrder() -> [String] {
        var remaining = upstream.mapValues { Set($0) }
        var order: [String] = []
        while let next = remaining.filter({ $0.value.isEmpty }).keys.min() {
            order.append(next)
            remaining[next] = nil
            for key in remaining.keys { remaining[key]?.remove(next) }
        }
        return order
    }

    /// One cycle, as the list of its stages (first repeated at the end), if any.
    public func cycle() -> [String]? {
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var path: [String] = []
        func visit(_ node: String) -> [String]? {
            if state[node] == 2 { return nil }
            if state[node] == 1, let start = path.firstIndex(of: node) { return Array(path[start...]) + [node] }
            state[node] = 1
            path.append(node)
            for next in upstream[node] ?? [] {
                if let found = visit(next) { return found }
            }
            path.removeLast()
            state[node] = 2
            return nil
        }
        for node in upstream.keys.sorted() {
            if let found = visit(node) { return found.reversed() }
        }
        return nil
    }

    /// `targets` and every stage they depend on, directly or not.
    public func closure(of targets: [String]) -> Set<String> {
        var seen: Set<String> = []
        var pending = targets
        while let next = pending.popLast() {
            if seen.insert(next).inserted { pending.append(contentsOf: upstream[next] ?? []) }
        }
        return seen
    }

    /// The graph as text: one line per stage in run order, with what it needs.
    public func text() -> String {
        topologicalOrder().map { name in
            let needs = upstream[name] ?? []
            return needs.isEmpty ? name : "\(name) ← \(needs.joined(separator: ", "))"
        }.joined(separator: "\n")
    }

    /// The graph in Graphviz DOT (`pipeline dag --dot | dot -Tsvg > dag.svg`).
    public func dot() -> String {
        var lines = ["digraph pipeline {", "  rankdir=LR;", "  node [shape=box, fontname=\"DejaVu Sans\"];"]
        for name in topologicalOrder() {
            lines.append("  \"\(name)\";")
        }
        for name in upstream.keys.sorted() {
            for source in upstream[name] ?? [] { lines.append("  \"\(source)\" -> \"\(name)\";") }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
