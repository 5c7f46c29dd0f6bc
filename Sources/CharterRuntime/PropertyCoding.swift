// Single entry points for the property coding statements generated code writes.
//
// `KeyedDecodingContainer.decode(_:forKey:)` and `KeyedEncodingContainer.encode(_:forKey:)` each
// come in about seventeen overloads (one per standard scalar type, plus the generic one), and the
// type checker weighs them all for every statement of every generated `init(from:)` and
// `encode(to:)`. These methods have one generic signature each and forward to the generic
// overload, which the standard decoders and encoders handle exactly as the scalar ones (a `String`
// decodes through `String.init(from:)`, which asks for the same single-value `String`). On a
// 100-type contract they take two fifths off the type checking of function bodies and about 3% off
// the whole debug compile (BENCHMARKS.md).

extension KeyedDecodingContainer {
    /// Decodes the required property at `key` (absent or `null` is an error).
    @inlinable
    public func decodeProperty<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decode(T.self, forKey: key)
    }

    /// Decodes the optional property at `key`: absent or `null` → `nil`.
    @inlinable
    public func decodePropertyIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeIfPresent(T.self, forKey: key)
    }
}

extension KeyedEncodingContainer {
    /// Encodes a required property (an optional `value` that is `nil` writes JSON `null`).
    @inlinable
    public mutating func encodeProperty<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encode(value, forKey: key)
    }

    /// Encodes an optional property: `nil` writes nothing.
    @inlinable
    public mutating func encodePropertyIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try encodeIfPresent(value, forKey: key)
    }
}
