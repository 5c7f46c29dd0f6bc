import Foundation

/// The partition key of an event payload: how the ordering key's values make one key (``joining(_:)``), and the
/// key read from the payload's encoded JSON, which generated code uses when a pointer of the ordering key cannot be
/// followed through stored properties (through a union, an optional or a deprecated property, or to a value that
/// is not a plain string or integer).
public enum EventPartitionKey {
    /// The values at `pointers` in the payload's JSON (strings verbatim, integers in decimal, and an empty part for a
    /// pointer that does not reach a string or an integer), made into one key by ``joining(_:)``.
    public static func key<Payload: Encodable>(at pointers: [String], in payload: Payload) -> String {
        let document = CanonicalJSON.value(of: payload)
        return joining(pointers.map { pointer in document.flatMap { text(at: pointer, in: $0) } ?? "" })
    }

    /// One key of the ordering key's values, in order. A single value is the key as it is (byte for byte what keys
    /// were before composite keys were escaped, so a broker hashes existing keys alike); several values have each `\`
    /// and `|` escaped with a `\` and are joined with `|`, so no two lists of values give the same key:
    /// `["a|b", "c"]` is `a\|b|c`, `["a", "b|c"]` is `a|b\|c`. No values give the empty key.
    ///
    /// A consumer reads the values back by splitting the key at each `|` not escaped and removing the escapes.
    public static func joining(_ values: [String]) -> String {
        guard values.count > 1 else { return values.first ?? "" }
        return values.map(escaped).joined(separator: "|")
    }

    /// `value` with a `\` before each `\` and `|`, code point by code point (a `|` followed by a combining mark is
    /// still escaped: a broker and a consumer see code points, not Swift's characters).
    static func escaped(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar == "\\" || scalar == "|" { scalars.append("\\") }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The string or integer at an RFC 6901 pointer, rendered for a partition key; nil when the pointer
    /// is malformed, does not resolve, or reaches another kind of value.
    public static func text(at pointer: String, in document: JSONValue) -> String? {
        guard pointer.isEmpty || pointer.hasPrefix("/") else { return nil }
        var current = document
        for key in CanonicalJSON.tokens(pointer) {
            switch current {
            case .object(let members):
                guard let next = members[key] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(key), String(index) == key, elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        switch current {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value) where value == value.rounded(): return "\(value)"
        default: return nil
        }
    }
}

extension Decimal {
    /// The nearest integral value.
    fileprivate func rounded() -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
