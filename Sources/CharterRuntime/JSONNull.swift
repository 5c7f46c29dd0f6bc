import Foundation

/// JSON `null` as a value: the type of a schema that allows only `null` (`{"type": "null"}`, or alternatives that
/// are all `null`). It decodes from `null` alone — any other JSON is a `DecodingError` — and encodes as `null`. An
/// optional property of it keeps the two apart: `nil` when absent, `JSONNull()` when `null`.
public struct JSONNull: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The value: JSON `null`.
    public init() {}

    /// Decodes `null`.
    ///
    /// - Throws: `DecodingError.typeMismatch` when the value is not `null`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard container.decodeNil() else {
            throw DecodingError.typeMismatch(
                JSONNull.self, DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "Expected null."))
        }
    }

    /// Encodes `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }

    /// `null`.
    public var description: String { "null" }
}
