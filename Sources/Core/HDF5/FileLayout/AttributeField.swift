/// One attribute of a file layout, declared once: the object it sits on (a path relative
/// to the group it is used with; `""` for that group itself), its name, its value type and
/// what it means. ``HDF5Group/write(_:_:)`` and ``HDF5Group/read(_:)`` use it.
public struct AttributeField<Value: HDF5AttributeConvertible>: Sendable {
    /// The group or dataset carrying the attribute, relative to the group used; `""` for it.
    public let object: String
    /// The attribute's name.
    public let name: String
    /// What the value is (documentation; not stored).
    public let meaning: String

    /// Declares attribute `name` on `object` holding a `Value`.
    public init(_ name: String, on object: String = "", of type: Value.Type = Value.self, meaning: String) {
        self.object = object
        self.name = name
        self.meaning = meaning
    }

    /// `object@name`, for messages.
    public var summary: String { "\(object.isEmpty ? "." : object)@\(name) (\(Value.attributeTypeName)): \(meaning)" }
}

/// A Swift value stored as one attribute value: `String`, `[String]`, `Int64`, `Int`,
/// `[Int64]`, `Double`, `[Double]`.
public protocol HDF5AttributeConvertible: Sendable {
    /// The value as stored.
    var attributeValue: HDF5AttributeValue { get }
    /// The value read back, or nil when the stored value has another type.
    init?(attributeValue: HDF5AttributeValue)
    /// The type in words, for errors (e.g. `an integer`).
    static var attributeTypeName: String { get }
}

extension String: HDF5AttributeConvertible {
    /// `.string`.
    public var attributeValue: HDF5AttributeValue { .string(self) }
    /// Reads `.string`.
    public init?(attributeValue: HDF5AttributeValue) {
        guard case .string(let text) = attributeValue else { return nil }
        self = text
    }
    /// `a string`.
    public static var attributeTypeName: String { "a string" }
}

extension Int64: HDF5AttributeConvertible {
    /// `.int`.
    public var attributeValue: HDF5AttributeValue { .int(self) }
    /// Reads `.int`.
    public init?(attributeValue: HDF5AttributeValue) {
        guard case .int(let number) = attributeValue else { return nil }
        self = number
    }
    /// `an integer`.
    public static var attributeTypeName: String { "an integer" }
}

extension Int: HDF5AttributeConvertible {
    /// `.int`.
    public var attributeValue: HDF5AttributeValue { .int(Int64(self)) }
    /// Reads `.int`.
    public init?(attributeValue: HDF5AttributeValue) {
        guard case .int(let number) = attributeValue else { return nil }
        self = Int(number)
    }
    /// `an integer`.
    public static var attributeTypeName: String { "an integer" }
}

extension Double: HDF5AttributeConvertible {
    /// `.double`.
    public var attributeValue: HDF5AttributeValue { .double(self) }
    /// Reads `.double`.
    public init?(attributeValue: HDF5AttributeValue) {
        guard case .double(let number) = attributeValue else { return nil }
        self = number
    }
    /// `a float`.
    public static var attributeTypeName: String { "a float" }
}

extension Array: HDF5AttributeConvertible where Element: HDF5AttributeArrayElement {
    /// `.strings`, `.ints` or `.doubles`.
    public var attributeValue: HDF5AttributeValue { Element.arrayValue(self) }
    /// Reads `.strings`, `.ints` or `.doubles`.
    public init?(attributeValue: HDF5AttributeValue) {
        guard let values = Element.elements(of: attributeValue) else { return nil }
        self = values
    }
    /// e.g. `an array of integers`.
    public static var attributeTypeName: String { "an array of \(Element.attributeTypeName.split(separator: " ").last ?? "")s" }
}

/// An element type of an array attribute: `String`, `Int64` or `Double`.
public protocol HDF5AttributeArrayElement: HDF5AttributeConvertible {
    /// The stored value of an array of them.
    static func arrayValue(_ values: [Self]) -> HDF5AttributeValue
    /// The elements of a stored array value, or nil for another type.
    static func elements(of value: HDF5AttributeValue) -> [Self]?
}

extension String: HDF5AttributeArrayElement {
    /// `.strings`.
    public static func arrayValue(_ values: [String]) -> HDF5AttributeValue { .strings(values) }
    /// Reads `.strings`.
    public static func elements(of value: HDF5AttributeValue) -> [String]? {
        if case .strings(let texts) = value { return texts } else { return nil }
    }
}

extension Int64: HDF5AttributeArrayElement {
    /// `.ints`.
    public static func arrayValue(_ values: [Int64]) -> HDF5AttributeValue { .ints(values) }
    /// Reads `.ints`.
    public static func elements(of value: HDF5AttributeValue) -> [Int64]? {
        if case .ints(let numbers) = value { return numbers } else { return nil }
    }
}

extension Double: HDF5AttributeArrayElement {
    /// `.doubles`.
    public static func arrayValue(_ values: [Double]) -> HDF5AttributeValue { .doubles(values) }
    /// Reads `.doubles`.
    public static func elements(of value: HDF5AttributeValue) -> [Double]? {
        if case .doubles(let numbers) = value { return numbers } else { return nil }
    }
}
