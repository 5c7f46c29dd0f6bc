/// A JSON value. Containers hold ``JSONNode``s, so every nested value keeps its
/// source position.
///
/// Equality and hashing follow JSON's value semantics rather than Swift's:
/// - numbers compare by mathematical value (``JSONNumber``);
/// - strings compare by exact Unicode scalars (RFC 8259 §8.3), so a precomposed
///   "é" differs from "e" followed by a combining accent, unlike Swift's `String ==`;
/// - arrays compare element-wise, objects by key set and values regardless of
///   member order (``JSONObject``);
/// - source positions are ignored at every level.
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as its literal.
    case number(JSONNumber)
    /// A string (escapes decoded).
    case string(String)
    /// An array of positioned elements, in source order.
    case array([JSONNode])
    /// An object with positioned members, in source order.
    case object(JSONObject)

    /// Compares by JSON value semantics (see the type's documentation).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return ExactString.equal(a, b)
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }

    /// Hashes consistently with `==`: positions and member order do not contribute.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let b):
            hasher.combine(1 as UInt8)
            hasher.combine(b)
        case .number(let n):
            hasher.combine(2 as UInt8)
            hasher.combine(n)
        case .string(let s):
            hasher.combine(3 as UInt8)
            ExactString.hash(s, into: &hasher)
        case .array(let elements):
            hasher.combine(4 as UInt8)
            hasher.combine(elements.count)
            for element in elements { element.value.hash(into: &hasher) }
        case .object(let object):
            hasher.combine(5 as UInt8)
            object.hash(into: &hasher)
        }
    }

    /// A short name of the value's JSON type: `"null"`, `"boolean"`, `"number"`,
    /// `"string"`, `"array"` or `"object"` (handy in diagnostics).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
