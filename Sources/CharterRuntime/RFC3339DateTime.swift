import Foundation

/// Wire-format wrapper for a JSON Schema `date-time`: a `Date` carried as an
/// RFC 3339 string.
///
/// Decoding accepts everything ``RFC3339/parseDateTime(_:)`` accepts and fails
/// with `DecodingError.dataCorrupted` (quoting the string) otherwise — a
/// `date-time` whose instant is outside years 0001–9999 in UTC too, naming
/// that instant — so every decoded value encodes again; encoding writes
/// ``RFC3339/formatDateTime(_:)``'s UTC form. Generated code uses it as
/// `try c.decode(RFC3339DateTime.self, forKey: k).value` and
/// `try c.encode(RFC3339DateTime(date), forKey: k)`, independent of the
/// coder's date strategy.
public struct RFC3339DateTime: Codable, Hashable, Sendable {
    /// The instant.
    public var value: Date

    /// Wraps `value`.
    public init(_ value: Date) {
        self.value = value
    }

    /// Decodes an RFC 3339 `date-time` string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let (date, inRange) = RFC3339.parse(string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected an RFC 3339 date-time (e.g. 2024-03-01T09:00:00Z), got \"\(string)\"."
            )
        }
        guard inRange else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected an RFC 3339 date-time \(RFC3339.outOfRange(string, date)).")
        }
        value = date
    }

    /// Encodes the RFC 3339 string in UTC; throws `EncodingError.invalidValue`
    /// for a date outside years 0001–9999, which RFC 3339 cannot express.
    public func encode(to encoder: any Encoder) throws {
        let text = try RFC3339.encodeDateTime(value, codingPath: encoder.codingPath)
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
