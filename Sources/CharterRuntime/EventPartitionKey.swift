import Foundation

/// The partition key of an event payload, read from its encoded JSON: what generated code uses when a
/// pointer of the ordering key cannot be followed through stored properties (through a union, an
/// optional or a deprecated property, or to a value that is not a plain string or integer).
public enum EventPartitionKey {
    /// The values at `pointers` in the payload's JSON, joined with `|`: strings verbatim, integers in
    /// decimal, and an empty part for a pointer that does not reach a string or an integer.
    public static func key<Payload: Encodable>(at pointers: [String], in payload: Payload) -> String {
        let document = CanonicalJSON.value(of: payload)
        return pointers.map { pointer in document.flatMap { text(at: pointer, in: $0) } ?? "" }.joined(separator: "|")
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
