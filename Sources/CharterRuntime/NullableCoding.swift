extension KeyedDecodingContainer {
    /// Decodes a property that may be absent or `null`, keeping the two apart:
    /// key absent → `nil`; present and `null` → `.null`; otherwise
    /// `.value(decoded)`.
    ///
    /// (`decodeIfPresent` cannot be used for this: it returns `nil` for both.)
    public func decodeNullableIfPresent<T: Decodable>(
        _ type: T.Type,
        forKey key: Key
    ) throws -> Nullable<T>? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// Encodes a property that may be absent or `null`: `nil` writes nothing,
    /// `.null` writes JSON `null`, `.value(x)` writes `x`.
    public mutating func encodeNullableIfPresent<T: Encodable>(
        _ value: Nullable<T>?,
        forKey key: Key
    ) throws {
        switch value {
        case nil: return
        case .null?: try encodeNil(forKey: key)
        case .value(let wrapped)?: try encode(wrapped, forKey: key)
        }
    }
}
