/// An execution order of the stages (Provenance Run Crate, HowToStep `position`): a
/// stage comes after every stage whose outputs it reads; ties are broken by name, so
/// the order is deterministic.
enum StepOrder {
    static func positions(of stages: [CrateStage]) throws -> [String: Int] {
        var producer: [String: String] = [:]
        for stage in stages {
            for output in stage.outputs { producer[output] = stage.name }
        }
        var upstream: [String: Set<String>] = [:]
        for stage in stages {
            upstream[stage.name] = Set(stage.inputs.compactMap { producer[$0] }.filter { $0 != stage.name })
        }
        var positions: [String: Int] = [:]
        while positions.count < stages.count {
            let ready = upstream.filter { positions[$0.key] == nil && $0.value.allSatisfy { positions[$0] != nil } }
            guard let next = ready.keys.min() else {
                throw RunCrateError.cycle(stages: upstream.keys.filter { positions[$0] == nil }.sorted())
            }
            positions[next] = positions.count
        }
        return positions
    }
}
