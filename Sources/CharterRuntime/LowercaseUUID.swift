import Foundation

/// Wire-format wrapper for a JSON Schema `uuid`: decodes the 36-character
/// hyphenated form in any letter case, encodes it in lower case (the RFC 9562
/// canonical form; `UUID.uuidString` is upper case).
public struct LowercaseUUID: Codable, Hashable, Sendable {
    /// The UUID.
    public var value: UUID

    /// Wraps `value`.
    public init(_ value: UUID) {
        self.value = value
    }

    /// The lower-case hyphenated form, e.g. `123e4567-e89b-12d3-a456-426614174000`.
    public var string: String {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        withUnsafeBytes(of: value.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a UUID string in any case.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard string.utf8.count == 36, let uuid = UUID(uuidString: string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Expected a UUID (8-4-4-4-12 hex digits), got \"\(string)\"."
            )
        }
        value = uuid
    }

    /// Encodes the lower-case hyphenated form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}
