import Foundation
import XCTest

/// Decodes `json` (any JSON text, scalars included) as `T`.
func decodeJSON<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(json.utf8))
}

/// Encodes `value` as compact JSON with sorted keys.
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// A decimal from its exact spelling (test rows only).
func dec(_ string: String) -> Decimal {
    Decimal(string: string, locale: Locale(identifier: "en_US_POSIX"))!
}

/// The debug description of a decoding error, or a failure if `error` is not one.
func decodingMessage(_ error: any Error, file: StaticString = #filePath, line: UInt = #line) -> String {
    switch error as? DecodingError {
    case .dataCorrupted(let context)?: return context.debugDescription
    case .typeMismatch(_, let context)?: return context.debugDescription
    case .valueNotFound(_, let context)?: return context.debugDescription
    case .keyNotFound(_, let context)?: return context.debugDescription
    default:
        XCTFail("expected a DecodingError, got \(error)", file: file, line: line)
        return ""
    }
}
