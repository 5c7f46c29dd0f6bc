extension Decoder {
    /// Decodes every member of the current JSON object whose name is not in
    /// `knownKeys` as a `T` — the object's `additionalProperties`.
    ///
    /// Call it from `init(from:)` next to the keyed container of the declared
    /// properties, passing their wire names.
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
    /// equal to a declared property's name overwrites it; generated code keeps
    /// such keys out of the dictionary.
    public func encodeAdditionalProperties<T: Encodable>(_ values: [String: T]) throws {
        var container = container(keyedBy: AnyCodingKey.self)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: AnyCodingKey(key))
        }
    }
}
