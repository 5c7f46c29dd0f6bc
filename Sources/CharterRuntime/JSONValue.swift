import Foundation

/// A free-form JSON value, used where a contract allows any JSON
/// (`{}` schemas, `additionalProperties: true`, untyped payload fragments).
///
/// Numbers keep their exact value: integers that fit in `Int64` decode as
/// ``integer(_:)``, every other number as ``number(_:)`` carrying a `Decimal`
/// decoded from the number's text (never through `Double`). `Decimal` holds
/// 38 significant digits; `JSONDecoder` drops digits beyond that.
///
/// Equality and hashing compare numbers by value, so `.integer(1)` equals
/// `.number(1)` and `.number(1.0)` — JSON (and JSON Schema's `const`, `enum`
/// and `uniqueItems`) does not distinguish `1` from `1.0`.
///
/// An object's member names are `String` keys, which Swift compares by canonical equivalence: an object with the
/// members `"caf\u00e9"` and `"cafe\u0301"`, two for JSON, cannot be held, and `JSONDecoder` keeps only the first;
/// the runtime refuses such JSON where it decodes (``JSONMemberNames``).
public enum JSONValue: Sendable {
    /// JSON `null`.
    case null
    /// JSON `true` or `false`.
    case bool(Bool)
    /// A JSON number that is an integer within the range of `Int64`.
    case integer(Int64)
    /// Any other JSON number, exact as a `Decimal`.
    case number(Decimal)
    /// A JSON string.
    case string(String)
    /// A JSON array.
    case array([JSONValue])
    /// A JSON object.
    case object([String: JSONValue])
}

extension JSONValue: Codable {
    /// Decodes any JSON value from a single-value container.
    ///
    /// The attempts are ordered so that `true` never becomes a number, a number
    /// never becomes a `Bool`, and integers that fit in `Int64` become
    /// ``integer(_:)``. Each failed attempt is a thrown error, so a large value decodes slowly this way: the runtime's
    /// own decoders (``ClientConfiguration/decodeBody(_:from:for:)``, providers' request bodies and JSON parameters,
    /// events) carry the JSON text along, and a value read from it exactly as these attempts would read it is taken
    /// from there instead (``JSONValueSource``).
    public init(from decoder: any Decoder) throws {
        if let source = decoder.userInfo[.jsonValueSource] as? JSONValueSource, let value = source.value(at: decoder.codingPath) {
            self = value
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Value is not valid JSON (or is a number outside the range of Decimal)."
            )
        }
    }

    /// Encodes the value as the corresponding JSON; ``number(_:)`` is written
    /// as an exact JSON number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: Hashable {
    /// Compares by JSON value; numbers compare numerically across
    /// ``integer(_:)`` and ``number(_:)``, strings code point by code point (``ExactText``).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.integer(a), .number(b)): return Decimal(a) == b
        case let (.number(a), .integer(b)): return a == Decimal(b)
        case let (.string(a), .string(b)): return ExactText(a) == ExactText(b)
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }

    /// Hashes consistently with `==`: both number cases hash their value as a
    /// `Decimal`, whose hash depends only on the numeric value.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null:
            hasher.combine(0 as UInt8)
        case .bool(let value):
            hasher.combine(1 as UInt8)
            hasher.combine(value)
        case .integer(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(Decimal(value))
        case .number(let value):
            hasher.combine(2 as UInt8)
            hasher.combine(value)
        case .string(let value):
            hasher.combine(3 as UInt8)
            hasher.combine(value)
        case .array(let value):
            hasher.combine(4 as UInt8)
            hasher.combine(value)
        case .object(let value):
            hasher.combine(5 as UInt8)
            hasher.combine(value)
        }
    }
}
