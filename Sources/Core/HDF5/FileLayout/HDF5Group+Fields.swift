/// Writing and reading declared fields (``DatasetField``, ``AttributeField``) relative to
/// a group. Parent groups of a field's path are created on writing; on reading, a
/// missing field, a wrong element type and a wrong rank are errors naming the file, the
/// object path, what the layout declares and what the file holds.
extension HDF5Group {
    /// Writes `values` (row-major) as `field`, of `shape` (its rank must be the field's),
    /// with the field's `dimensions` and `meaning` attributes and storage.
    @discardableResult
    public func write<Element>(_ field: DatasetField<Element>, _ values: [Element], shape: [Int]) throws -> HDF5Dataset {
        let (parent, name) = try parentGroup(of: field.path, creating: true)
        guard shape.count == field.dimensions.count else {
            throw parent.location.child(name).error(
                .invalidArgument, "write declared dataset",
                "shape \(shape) has rank \(shape.count), but the layout declares \(field.dimensions.count) axes \(field.dimensions); pass one extent per axis")
        }
        let layout = field.storage.layout(for: shape)
        let dataset = try Element.write(
            values, name: name, shape: shape, chunk: layout.chunk, deflateLevel: layout.deflateLevel, into: parent)
        try dataset.setAttribute("dimensions", .strings(field.dimensions))
        try dataset.setAttribute("meaning", .string(field.meaning))
        return dataset
    }

    /// Reads `field`: its values and shape, after checking the stored element type and rank.
    public func read<Element>(_ field: DatasetField<Element>) throws -> HDF5Array<Element> {
        let dataset = try open(field)
        return HDF5Array(values: try Element.read(dataset), shape: dataset.shape)
    }

    /// Reads `field`, or returns nil when the file does not hold it (an optional field).
    public func readIfPresent<Element>(_ field: DatasetField<Element>) throws -> HDF5Array<Element>? {
        try contains(field) ? try read(field) : nil
    }

    /// Opens the dataset of `field` (its shape, attributes) after checking type and rank.
    public func open<Element>(_ field: DatasetField<Element>) throws -> HDF5Dataset {
        let (parent, name) = try parentGroup(of: field.path, creating: false)
        let dataset = try parent.dataset(name)
        let declared = "\(Element.storedType) [\(field.dimensions.joined(separator: ", "))]"
        guard dataset.elementType == Element.storedType else {
            throw dataset.location.error(
                .typeMismatch, "read declared dataset",
                "the layout declares \(declared) but the file stores \(dataset.storedTypeDescription) elements; the file was written by another version of its writer: rerun the stage that writes it")
        }
        guard dataset.shape.count == field.dimensions.count else {
            throw dataset.location.error(
                .typeMismatch, "read declared dataset",
                "the layout declares \(declared) (rank \(field.dimensions.count)) but the file stores shape \(dataset.shape) (rank \(dataset.shape.count)); rerun the stage that writes it")
        }
        return dataset
    }

    /// Whether the group holds `field` (every group on its path and the dataset).
    public func contains<Element>(_ field: DatasetField<Element>) throws -> Bool {
        var group = self
        let components = field.path.split(separator: "/").map(String.init)
        for component in components.dropLast() {
            guard try group.contains(component) else { return false }
            group = try group.openGroup(component)
        }
        return try group.contains(components.last ?? "")
    }

    /// Writes `value` as `field`'s attribute (on this group or the object at `field.object`).
    public func write<Value>(_ field: AttributeField<Value>, _ value: Value) throws {
        try withAttributes(of: field.object) { set, _, _ in try set(field.name, value.attributeValue) }
    }

    /// Reads `field`'s attribute; a missing attribute or one of another type is an error.
    public func read<Value>(_ field: AttributeField<Value>) throws -> Value {
        guard let value = try readIfPresent(field) else {
            let object = field.object.isEmpty ? location : location.descendant(field.object)
            throw object.error(
                .objectNotFound, "read declared attribute",
                "the attribute '\(field.name)' (\(field.meaning)) is missing; the file was written by another version of its writer: rerun the stage that writes it")
        }
        return value
    }

    /// Reads `field`'s attribute, or nil when it is absent; one of another type is an error.
    public func readIfPresent<Value>(_ field: AttributeField<Value>) throws -> Value? {
        try withAttributes(of: field.object) { _, get, place in
            guard let stored = try get(field.name) else { return nil }
            guard let value = Value(attributeValue: stored) else {
                throw place.error(
                    .typeMismatch, "read declared attribute '\(field.name)'",
                    "the layout declares \(Value.attributeTypeName) but the file stores \(stored); rerun the stage that writes the file")
            }
            return value
        }
    }

    /// The group holding the last component of `path`, and that component.
    func parentGroup(of path: String, creating: Bool) throws -> (HDF5Group, String) {
        let components = path.split(separator: "/").map(String.init)
        guard let name = components.last else {
            throw location.error(.invalidArgument, "resolve declared field", "a field path must not be empty")
        }
        var group = self
        for component in components.dropLast() {
            if try creating && !group.contains(component) {
                group = try group.createGroup(component)
            } else {
                group = try group.openGroup(component)
            }
        }
        return (group, name)
    }

    /// Calls `body` with the attribute setter and getter of the group or dataset at `object`.
    private func withAttributes<Result>(
        of object: String,
        _ body: (
            _ set: (String, HDF5AttributeValue) throws -> Void, _ get: (String) throws -> HDF5AttributeValue?,
            _ place: ObjectLocation
        ) throws -> Result
    ) throws -> Result {
        guard !object.isEmpty else {
            return try body(setAttribute, { try self.hasAttribute($0) ? try self.attribute($0) : nil }, location)
        }
        let (parent, name) = try parentGroup(of: object, creating: false)
        if try parent.contains(name), try parent.isDataset(name) {
            let dataset = try parent.dataset(name)
            return try body(dataset.setAttribute, { try dataset.hasAttribute($0) ? try dataset.attribute($0) : nil }, dataset.location)
        }
        let group = try parent.openGroup(name)
        return try body(group.setAttribute, { try group.hasAttribute($0) ? try group.attribute($0) : nil }, group.location)
    }
}

extension HDF5File {
    /// Writes `field` relative to the root group (see ``HDF5Group/write(_:_:shape:)``).
    @discardableResult
    public func write<Element>(_ field: DatasetField<Element>, _ values: [Element], shape: [Int]) throws -> HDF5Dataset {
        try root.write(field, values, shape: shape)
    }

    /// Reads `field` relative to the root group (see ``HDF5Group/read(_:)``).
    public func read<Element>(_ field: DatasetField<Element>) throws -> HDF5Array<Element> {
        try root.read(field)
    }

    /// Reads the optional `field` relative to the root group.
    public func readIfPresent<Element>(_ field: DatasetField<Element>) throws -> HDF5Array<Element>? {
        try root.readIfPresent(field)
    }

    /// Writes the attribute `field` relative to the root group.
    public func write<Value>(_ field: AttributeField<Value>, _ value: Value) throws {
        try root.write(field, value)
    }

    /// Reads the attribute `field` relative to the root group.
    public func read<Value>(_ field: AttributeField<Value>) throws -> Value {
        try root.read(field)
    }

    /// Reads the optional attribute `field` relative to the root group.
    public func readIfPresent<Value>(_ field: AttributeField<Value>) throws -> Value? {
        try root.readIfPresent(field)
    }
}

extension ObjectLocation {
    /// The location of `relativePath` (components separated by `/`) below this one.
    func descendant(_ relativePath: String) -> ObjectLocation {
        relativePath.split(separator: "/").reduce(self) { $0.child(String($1)) }
    }
}
