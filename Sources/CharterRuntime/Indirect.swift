/// An immutable heap box that lets a struct contain itself (recursive schemas:
/// a category with a parent category, a tree of locations).
///
/// It has value semantics: the box is never mutated after creation; setting
/// ``value`` allocates a new box, so copies never observe each other's changes.
/// Equality, hashing and coding are those of the wrapped value; on the wire an
/// `Indirect<T>` is exactly a `T`.
public struct Indirect<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// Boxes `value`.
    public init(_ value: Value) {
        box = Box(value)
    }

    /// The boxed value; setting it replaces the box.
    public var value: Value {
        get { box.value }
        set { box = Box(newValue) }
    }
}

extension Indirect: Equatable where Value: Equatable {
    /// Compares the boxed values.
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool {
        lhs.box === rhs.box || lhs.value == rhs.value
    }
}

extension Indirect: Hashable where Value: Hashable {
    /// Hashes the boxed value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
    }
}

extension Indirect: Decodable where Value: Decodable {
    /// Decodes exactly as `Value` would.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode(Value.self))
    }
}

extension Indirect: Encodable where Value: Encodable {
    /// Encodes exactly as `Value` would.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
