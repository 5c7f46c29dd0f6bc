import Foundation

/// Reads JSON text (RFC 8259, strictly) into ``JSONNode``s that remember where
/// every value, key and error is.
///
/// What is accepted: exactly one value surrounded by optional whitespace (space,
/// tab, LF, CR). What is rejected, each with a positioned ``JSONParseError``:
/// comments, trailing commas, single quotes, `NaN`/`Infinity`, leading zeros,
/// unescaped control characters in strings, invalid escapes, lone surrogate
/// escapes (`"\uD800"` cannot be represented in a Swift `String`, and replacing it
/// would silently change data), invalid UTF-8 (overlong forms, encoded
/// surrogates, truncated sequences, bytes above 0xF4), UTF-16/UTF-32 input,
/// duplicate keys (unless allowed by ``JSONReaderOptions``) and nesting deeper
/// than ``JSONReaderOptions/maxDepth``.
///
/// A leading UTF-8 byte order mark is skipped. Numbers of any size are accepted
/// and kept as written (``JSONNumber``).
///
/// The reader works on the bytes with an explicit stack, so no input can exhaust
/// the machine stack.
public enum JSONReader {
    /// Reads a JSON document from UTF-8 bytes (`[UInt8]`, `Data`, a slice, …).
    public static func parse(_ bytes: some Collection<UInt8>,
                             options: JSONReaderOptions = .init()) throws(JSONParseError) -> JSONNode {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            parseBuffer(buffer, options: options)
        }
        if let result { return try result.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { parseBuffer($0, options: options) }.get()
    }

    /// Reads a JSON document from UTF-8 bytes held in `Data`.
    public static func parse(_ data: Data, options: JSONReaderOptions = .init()) throws(JSONParseError) -> JSONNode {
        let result = data.withUnsafeBytes { raw in
            parseBuffer(raw.bindMemory(to: UInt8.self), options: options)
        }
        return try result.get()
    }

    /// Reads a JSON document from a string (always valid Unicode, so only the
    /// JSON grammar can fail). Offsets in positions are UTF-8 byte offsets.
    public static func parse(_ string: String, options: JSONReaderOptions = .init()) throws(JSONParseError) -> JSONNode {
        var string = string
        return try string.withUTF8 { parseBuffer($0, options: options) }.get()
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>,
                                    options: JSONReaderOptions) -> Result<JSONNode, JSONParseError> {
        var parser = JSONParser(buffer, options: options)
        do throws(JSONParseError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
