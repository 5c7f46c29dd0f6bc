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

    /// The JSON a value encodes to, as a ``JSONValue``; nil when it cannot be encoded (a non-finite number).
    static func value(of value: some Encodable) -> JSONValue? {
        (try? JSONEncoder().encode(value)).flatMap { try? JSONDecoder().decode(JSONValue.self, from: $0) }
    }

    /// The unescaped tokens of a JSON pointer (`~1` is `/`, `~0` is `~`): `/a~1b/0` is `["a/b", "0"]`, `""` none.
    static func tokens(_ pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
