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
//
// The key is the member's wire name as a `String` (`forKey: "on_hand"`): a string literal is a
// constant at the call site, and the `AnyCodingKey` is built here, once, instead of at each of
// thousands of statements (about 4% less debug compile time without debug info, 1.5% with it).

extension KeyedDecodingContainer where Key == AnyCodingKey {
    /// Decodes the required property named `key` (absent or `null` is an error).
    @inlinable
    public func decodeProperty<T: Decodable>(_ type: T.Type, forKey key: String) throws -> T {
        try decode(T.self, forKey: AnyCodingKey(key))
    }

    /// Decodes the optional property named `key`: absent → `nil`; present, it is decoded as `T`, so a `null` is the
    /// error `T` gives for it (`DecodingError.valueNotFound` at the property's coding path for a type that refuses
    /// `null`, as for a required property) rather than absent: an optional property that is not nullable may be
    /// left out, but `null` is not one of its values (docs/contract-format.md). `decodeIfPresent` would read a
    /// `null` as absent.
    @inlinable
    public func decodePropertyIfPresent<T: Decodable>(_ type: T.Type, forKey key: String) throws -> T? {
        let codingKey = AnyCodingKey(key)
        guard contains(codingKey) else { return nil }
        return try decode(T.self, forKey: codingKey)
    }

    /// Decodes the optional free-form property named `key`: absent → `nil`, `null` → `.null` (free-form JSON
    /// holds `null` itself, so it is kept apart from absent and comes back on encode).
    @inlinable
    public func decodeJSONValueIfPresent(forKey key: String) throws -> JSONValue? {
        try decodeNullHoldingIfPresent(JSONValue.self, forKey: key)
    }

    /// Decodes the optional property named `key` whose type holds `null` itself (free-form JSON, a union with a
    /// `null` case): absent → `nil`, present — `null` too — → the decoded value (`JSONValue.null`, the union's
    /// `null` case). The same reading as ``decodePropertyIfPresent(_:forKey:)``, named for what generated code
    /// says with it: here `null` is a value of the type.
    @inlinable
    public func decodeNullHoldingIfPresent<T: Decodable>(_ type: T.Type, forKey key: String) throws -> T? {
        try decodePropertyIfPresent(T.self, forKey: key)
    }

    /// Whether the required property named `key` is `null` (absent is an error, as with `decodeNil`).
    @inlinable
    public func decodeNull(forKey key: String) throws -> Bool {
        try decodeNil(forKey: AnyCodingKey(key))
    }

    /// Decodes the optional, nullable property named `key`: absent → `nil`, `null` → `.null`.
    @inlinable
    public func decodeNullableIfPresent<T: Decodable>(_ type: T.Type, forKey key: String) throws -> Nullable<T>? {
        try decodeNullableIfPresent(T.self, forKey: AnyCodingKey(key))
    }
}

extension KeyedEncodingContainer where Key == AnyCodingKey {
    /// Encodes a required property named `key` (an optional `value` that is `nil` writes JSON `null`).
    @inlinable
    public mutating func encodeProperty<T: Encodable>(_ value: T, forKey key: String) throws {
        try encode(value, forKey: AnyCodingKey(key))
    }

    /// Encodes an optional property named `key`: `nil` writes nothing.
    @inlinable
    public mutating func encodePropertyIfPresent<T: Encodable>(_ value: T?, forKey key: String) throws {
        try encodeIfPresent(value, forKey: AnyCodingKey(key))
    }

    /// Encodes an optional, nullable property named `key`: `nil` writes nothing, `.null` writes `null`.
    @inlinable
    public mutating func encodeNullableIfPresent<T: Encodable>(_ value: Nullable<T>?, forKey key: String) throws {
        try encodeNullableIfPresent(value, forKey: AnyCodingKey(key))
    }
}
