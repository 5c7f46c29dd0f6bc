import Foundation

/// Wire-format wrapper for a JSON Schema `uri`: decodes an absolute URI (RFC 3986 `scheme ":" …`, an optional
/// `#fragment` allowed) exactly as written and encodes it back unchanged.
///
/// Decoding refuses a string that is not an absolute URI — relative references (`relative/path`), spaces and
/// other characters RFC 3986 does not allow unencoded (`a b`, `ü`, `[` outside a host), a `%` not followed by two
/// hex digits — and any string `URL` would rewrite, so a value never comes back different from what was received.
public struct AbsoluteURL: Codable, Hashable, Sendable {
    /// The URL.
    public var value: URL

    /// Wraps `value`.
    public init(_ value: URL) {
        self.value = value
    }

    /// The URL for `string` when it is an absolute URI that `URL` keeps exactly as written; nil otherwise.
    public static func parse(_ string: String) -> URL? {
        URISyntax.parse(string)
    }

    /// Whether `string` matches RFC 3986 `absolute-URI [ "#" fragment ]` at the character level: a scheme, a colon,
    /// then only unreserved, reserved and percent-encoded characters, with at most one `#`.
    public static func isAbsoluteURI(_ string: String) -> Bool {
        URISyntax.isAbsoluteURI(string)
    }

    /// Decodes an absolute URI, refusing anything else (see the type's documentation).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let url = Self.parse(string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected an absolute URI (e.g. https://example.com/a%20b), got \"\(string)\"."
            )
        }
        value = url
    }

    /// Encodes the URL's absolute string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value.absoluteString)
    }
}
