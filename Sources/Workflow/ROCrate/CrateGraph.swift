import Provenance

/// The entities of an RO-Crate by `@id`, written as the JSON-LD `@graph`: the metadata
/// descriptor first, the root dataset second, then every other entity sorted by `@id`
/// (so equal inputs give equal bytes).
struct CrateGraph {
    private(set) var entities: [String: [String: JSONValue]] = [:]

    /// Adds an entity, or merges properties into the one with the same `@id`.
    mutating func add(_ id: String, _ types: [String], _ properties: [String: JSONValue?] = [:]) {
        var entity = entities[id] ?? ["@id": .string(id)]
        entity["@type"] = types.count == 1 ? .string(types[0]) : .array(types.map { .string($0) })
        for (key, value) in properties {
            if let value { entity[key] = value }
        }
        entities[id] = entity
    }

    /// Sets one property of an existing entity.
    mutating func set(_ id: String, _ key: String, _ value: JSONValue) {
        entities[id, default: ["@id": .string(id)]][key] = value
    }

    func contains(_ id: String) -> Bool { entities[id] != nil }

    /// The JSON-LD document.
    func document(context: [JSONValue], first: [String]) -> JSONValue {
        let ordered = first.filter(contains) + entities.keys.filter { !first.contains($0) }.sorted()
        return .object(["@context": .array(context), "@graph": .array(ordered.map { .object(entities[$0]!) })])
    }
}

/// `{"@id": id}`.
func ref(_ id: String) -> JSONValue { .object(["@id": .string(id)]) }

/// An array of references.
func refs(_ ids: [String]) -> JSONValue { .array(ids.map(ref)) }

/// A string value.
func text(_ value: String) -> JSONValue { .string(value) }
