import Foundation

/// Which way a value travels between a client and a provider, which decides what its `readOnly` and `writeOnly`
/// properties do (OpenAPI 3.1, JSON Schema's meta-data vocabulary): a `readOnly` property is set by the provider and
/// is not part of a request; a `writeOnly` one is sent by clients and is not part of a response.
///
/// The runtime's clients and providers put it in their coders' `userInfo` (`CodingUserInfoKey.codingDirection`),
/// so every nested value follows it: a client encodes its request bodies and decodes responses, a provider decodes
/// requests and encodes responses. A coder without it (an event, a model stored or logged, a test) writes and reads
/// every property. To encode a model as a response body with a coder of your own:
///
/// ```swift
/// let encoder = JSONEncoder()
/// encoder.userInfo[.codingDirection] = CodingDirection.response   // writeOnly properties are left out
/// ```
public enum CodingDirection: Sendable, Hashable {
    /// A request body: what a client sends and a provider reads. It never carries a `readOnly` property.
    case request
    /// A response body: what a provider sends and a client reads. It never carries a `writeOnly` property.
    case response
}

/// The contract's `readOnly` or `writeOnly` on a property: the direction that never carries it.
public enum PropertyAccess: Sendable, Hashable {
    /// `readOnly`: set by the provider, absent from requests.
    case readOnly
    /// `writeOnly`: sent by clients, absent from responses.
    case writeOnly

    /// The direction that never carries a property with this access.
    public var excludedDirection: CodingDirection {
        switch self {
        case .readOnly: return .request
        case .writeOnly: return .response
        }
    }
}

extension CodingUserInfoKey {
    /// The key of a coder's ``CodingDirection`` in its `userInfo`.
    public static let codingDirection = CodingUserInfoKey(rawValue: "CharterRuntime.CodingDirection")!
}

extension Encoder {
    /// The direction being encoded: nil when the encoder was not given one (`CodingUserInfoKey.codingDirection`).
    public var codingDirection: CodingDirection? { userInfo[.codingDirection] as? CodingDirection }

    /// Whether generated `encode(to:)` writes an optional `readOnly` or `writeOnly` property: not when encoding the
    /// direction that never carries it; without a direction, always.
    public func encodes(_ access: PropertyAccess) -> Bool {
        codingDirection != access.excludedDirection
    }

    /// Whether generated `encode(to:)` writes a required `readOnly` or `writeOnly` property, `value` at `key`: not when
    /// encoding the direction that never carries it. In the direction that does, the contract requires it, so a value
    /// without one throws `EncodingError.invalidValue` (a provider does not answer without the `readOnly` id, nor a
    /// client send a request without the `writeOnly` password). Without a direction, it is written when present.
    public func encodes<T>(_ access: PropertyAccess, required value: T?, forKey key: String) throws -> Bool {
        guard let direction = codingDirection else { return true }
        if direction == access.excludedDirection { return false }
        if value == nil {
            throw EncodingError.invalidValue(
                value as Any,
                EncodingError.Context(
                    codingPath: codingPath + [AnyCodingKey(key)],
                    debugDescription: "\(key) is \(access) and required in a \(direction), and it has no value"))
        }
        return true
    }
}

extension Decoder {
    /// The direction being decoded: nil when the decoder was not given one (`CodingUserInfoKey.codingDirection`).
    public var codingDirection: CodingDirection? { userInfo[.codingDirection] as? CodingDirection }

    /// Whether generated `init(from:)` reads an optional `readOnly` or `writeOnly` property: not when decoding the
    /// direction that never carries it, where a value sent all the same is ignored (a client SHOULD NOT send a
    /// `readOnly` property, and a provider ignores one it does); without a direction, always (when present).
    public func decodes(_ access: PropertyAccess) -> Bool {
        codingDirection != access.excludedDirection
    }

    /// Whether generated `init(from:)` reads a required `readOnly` or `writeOnly` property, `key` of `container`: not
    /// when decoding the direction that never carries it (a value sent all the same is ignored). In the direction that
    /// does, the contract requires it, so a missing one throws `DecodingError.keyNotFound`. Without a direction, it
    /// is read when present.
    public func decodes(_ access: PropertyAccess, requiredKey key: String, in container: KeyedDecodingContainer<AnyCodingKey>) throws -> Bool {
        guard let direction = codingDirection else { return true }
        if direction == access.excludedDirection { return false }
        if !container.contains(AnyCodingKey(key)) {
            throw DecodingError.keyNotFound(
                AnyCodingKey(key),
                DecodingError.Context(codingPath: container.codingPath, debugDescription: "\(key) is \(access) and required in a \(direction)"))
        }
        return true
    }
}

extension CanonicalJSON {
    /// The canonical encoder (``encoder()``) for bodies travelling in `direction`.
    static func encoder(for direction: CodingDirection) -> JSONEncoder {
        let encoder = encoder()
        encoder.userInfo[.codingDirection] = direction
        return encoder
    }

    /// A decoder for bodies travelling in `direction`.
    static func decoder(for direction: CodingDirection) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo[.codingDirection] = direction
        return decoder
    }
}
