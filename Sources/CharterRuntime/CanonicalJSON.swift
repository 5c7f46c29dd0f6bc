import Foundation

/// How CharterRuntime writes and reads JSON for itself: one encoder configuration (keys sorted, slashes
/// unescaped, so the same value always gives the same bytes), a value's JSON as a ``JSONValue``, and the
/// tokens of an RFC 6901 pointer.
enum CanonicalJSON {
    /// An encoder with sorted keys and unescaped slashes.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `encoder`'s JSON for `value`; throws `EncodingError.invalidValue` when it holds `NaN` outside a string, which is
    /// how `JSONEncoder` writes a `Decimal.nan` (at any depth, a ``JSONValue/number(_:)`` too) and is not JSON. (A
    /// non-finite `Double` or `Float` the encoder refuses itself.)
    static func encode(_ value: some Encodable, with encoder: JSONEncoder) throws -> Data {
        let data = try encoder.encode(value)
        guard holdsNaN(data) else { return data }
        throw EncodingError.invalidValue(Decimal.nan, EncodingError.Context(
            codingPath: [], debugDescription: "Unable to encode Decimal.nan directly in JSON."))
    }

    /// Whether `JSONEncoder` output holds a `N` outside its strings: only `NaN` can put one there (its literals are
    /// `true`, `false` and `null`).
    private static func holdsNaN(_ data: Data) -> Bool {
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "N") {
                return true
            }
        }
        return false
    }

    /// The JSON a value encodes to, as a ``JSONValue``; nil when it cannot be encoded (a non-finite number).
    static func value(of value: some Encodable) -> JSONValue? {
        (try? JSONEncoder().encode(value)).flatMap { try? JSONDecoder().readingJSONValues(from: $0).decode(JSONValue.self, from: $0) }
    }

    /// The canonical text of a JSON text: its value as the runtime reads a body (``JSONValue/init(json:)``), written by
    /// ``encoder()`` — members in sorted order, no whitespace, each string in one spelling, each number by its value
    /// (`2`, `2.0` and `0.2e1` are `2`; `1.5` and `1.50` are `1.5`). Two texts have the same canonical text exactly when
    /// the runtime reads them as the same value: a member name repeated counts once, by its first value, as the runtime
    /// reads it; a number is read as a `Decimal` of 38 significant digits. nil when the text is not JSON, holds a
    /// number no `Decimal` can, or an object whose member names are two for JSON and one for Swift.
    static func canonicalText(of data: Data) -> Data? {
        guard let value = try? JSONValue(json: data) else { return nil }
        return try? encode(value, with: encoder())
    }

    /// The unescaped tokens of a JSON pointer (`~1` is `/`, `~0` is `~`): `/a~1b/0` is `["a/b", "0"]`, `""` none.
    static func tokens(_ pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
