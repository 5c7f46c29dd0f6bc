extension Decoder {
    /// Decodes every member of the current JSON object whose name is not in
    /// `knownKeys` as a `T` — the object's `additionalProperties`.
    ///
    /// Call it from `init(from:)` next to the keyed container of the declared
    /// properties, passing their wire names. Names that are different in JSON
    /// and equal as Swift strings (`"caf\u00e9"`, `"cafe\u0301"`) reach it as
    /// one, `JSONDecoder` having kept the first; ``JSONMemberNames/check(_:)``
    /// refuses such JSON.
    public func decodeAdditionalProperties<T: Decodable>(
        _ type: T.Type,
        excluding knownKeys: Set<String>
    ) throws -> [String: T] {
        let container = try container(keyedBy: AnyCodingKey.self)
        var result: [String: T] = [:]
        for key in container.allKeys where !knownKeys.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(T.self, forKey: key)
        }
        return result
    }
}

extension Encoder {
    /// Writes `values` as members of the current JSON object (the same level
    /// as the declared properties), in sorted key order so that encoders that
    /// keep insertion order produce deterministic output.
    ///
    /// Call it from `encode(to:)` after encoding the declared properties. A key
    /// equal to a declared property's name overwrites it; generated code calls
    /// ``encodeAdditionalProperties(_:excluding:)`` instead.
    public func encodeAdditionalProperties<T: Encodable>(_ values: [String: T]) throws {
        try encodeAdditionalProperties(values, excluding: [])
    }

    /// Writes the members of `values` whose names are not in `knownKeys` (the
    /// declared properties' wire names), in sorted key order: a declared
    /// property always wins over an undeclared one of the same name, which
    /// `Validation.declaredNames(in:declared:at:into:)` reports.
    public func encodeAdditionalProperties<T: Encodable>(_ values: [String: T], excluding knownKeys: Set<String>) throws {
        var container = container(keyedBy: AnyCodingKey.self)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) where !knownKeys.contains(key) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}
