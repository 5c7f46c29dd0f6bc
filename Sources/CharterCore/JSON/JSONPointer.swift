/// A JSON Pointer (RFC 6901): a path of reference tokens into a JSON document.
///
/// ``description`` is the string form (`"/a~1b/0"`, the root is `""`);
/// ``uriFragment`` is the URI fragment form used in `$ref` (`"#/%24defs/A"` style,
/// percent-encoding only what a fragment cannot hold).
///
/// Pointers order token by token (a parent precedes its children), which gives
/// diagnostics a stable document order for keys compared as strings.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The unescaped reference tokens, outermost first. Empty for the root.
    public var tokens: [String]

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String] = []) {
        self.tokens = tokens
    }

    /// The pointer to the whole document.
    public static let root = JSONPointer()

    /// Parses the string form of RFC 6901: `""` is the root, every other pointer
    /// starts with `/`, and `~0` / `~1` stand for `~` / `/`.
    ///
    /// - Throws: ``JSONPointerError`` when the text does not start with `/` or a `~`
    ///   is not followed by `0` or `1`.
    public init(parsing text: String) throws(JSONPointerError) {
        self.tokens = try JSONPointer.parseTokens(Array(text.utf8), original: text)
    }

    /// Parses the URI fragment form: an optional leading `#`, then percent-decoding
    /// (`%24` → `$`), then RFC 6901 parsing. `"#/%24defs/A"`, `"/%24defs/A"` and
    /// `"#"` (the root) are accepted.
    ///
    /// - Throws: ``JSONPointerError`` for a malformed percent escape, decoded bytes
    ///   that are not UTF-8, or an invalid pointer.
    public init(fragment: String) throws(JSONPointerError) {
        var bytes = Array(fragment.utf8)[...]
        if bytes.first == UInt8(ascii: "#") { bytes = bytes.dropFirst() }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex,
                      let high = JSONPointer.hexValue(bytes[i + 1]), let low = JSONPointer.hexValue(bytes[i + 2]) else {
                    throw JSONPointerError(message: "invalid percent escape in URI fragment", text: fragment)
                }
                decoded.append(high << 4 | low)
                i += 3
            } else {
                decoded.append(byte)
                i += 1
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw JSONPointerError(message: "percent-decoded URI fragment is not valid UTF-8", text: fragment)
        }
        self.tokens = try JSONPointer.parseTokens(decoded, original: text)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func parseTokens(_ bytes: [UInt8], original: String) throws(JSONPointerError) -> [String] {
        if bytes.isEmpty { return [] }
        guard bytes[0] == UInt8(ascii: "/") else {
            throw JSONPointerError(message: "JSON pointer must be empty or start with \"/\"", text: original)
        }
        var tokens: [String] = []
        var token: [UInt8] = []
        var i = 1
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == UInt8(ascii: "/") {
                tokens.append(String(decoding: token, as: UTF8.self))
                token.removeAll(keepingCapacity: true)
                i += 1
                continue
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "~") {
                let next = i + 1 < bytes.count ? bytes[i + 1] : nil
                switch next {
                case UInt8(ascii: "0"): token.append(UInt8(ascii: "~"))
                case UInt8(ascii: "1"): token.append(UInt8(ascii: "/"))
                default:
                    throw JSONPointerError(message: "invalid escape in JSON pointer: \"~\" must be followed by \"0\" or \"1\"", text: original)
                }
                i += 2
            } else {
                token.append(byte)
                i += 1
            }
        }
        return tokens
    }

    /// A pointer with `token` appended (one allocation: `tokens + [token]` made two).
    public func appending(_ token: String) -> JSONPointer {
        var result: [String] = []
        result.reserveCapacity(tokens.count + 1)
        result.append(contentsOf: tokens)
        result.append(token)
        return JSONPointer(tokens: result)
    }

    /// A pointer with `first`, then `second`, appended, in one allocation.
    public func appending(_ first: String, _ second: String) -> JSONPointer {
        var result: [String] = []
        result.reserveCapacity(tokens.count + 2)
        result.append(contentsOf: tokens)
        result.append(first)
        result.append(second)
        return JSONPointer(tokens: result)
    }

    /// A pointer with the decimal array index appended.
    public func appending(index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The pointer one level up, or `nil` for the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// Whether this is the root pointer.
    public var isRoot: Bool { tokens.isEmpty }

    /// Whether `other` equals this pointer or lies below it.
    public func isPrefix(of other: JSONPointer) -> Bool {
        other.tokens.count >= tokens.count && zip(tokens, other.tokens).allSatisfy { $0 == $1 }
    }

    /// The RFC 6901 string form: `"/a~1b/0"`; the root is `""`.
    public var description: String {
        var count = 0
        for token in tokens { count += 1 + token.utf8.count }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for token in tokens {
            out.append(UInt8(ascii: "/"))
            // A native string's bytes are read as one buffer; most tokens need no escape and are copied whole. `~` and
            // `/` are ASCII, so escaping byte by byte keeps every other UTF-8 sequence whole.
            let copied: Bool? = token.utf8.withContiguousStorageIfAvailable { bytes in
                guard !bytes.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return false }
                out.append(contentsOf: bytes)
                return true
            }
            if copied == true { continue }
            for byte in token.utf8 {
                switch byte {
                case UInt8(ascii: "~"): out.append(UInt8(ascii: "~")); out.append(UInt8(ascii: "0"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "~")); out.append(UInt8(ascii: "1"))
                default: out.append(byte)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The URI fragment form including `#`, e.g. `"#/$defs/Money"`, with every byte
    /// that RFC 3986 does not allow in a fragment percent-encoded (`%`, space,
    /// `"`, non-ASCII, …). The root is `"#"`.
    public var uriFragment: String {
        var out: [UInt8] = [UInt8(ascii: "#")]
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in description.utf8 {
            if JSONPointer.isFragmentByte(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3986 `fragment = *( pchar / "/" / "?" )`, without `%` (always encoded here).
    private static func isFragmentByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~!$&'()*+,;=:@/?".utf8.contains(byte)
        }
    }

    /// The array index a token denotes: decimal digits without leading zeros.
    public static func arrayIndex(_ token: String) -> Int? {
        let bytes = token.utf8
        guard let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
              first != UInt8(ascii: "0") || bytes.count == 1,
              bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(token)
    }

    /// Orders token by token; a pointer precedes the pointers below it.
    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }
}

/// Why a JSON pointer could not be parsed.
public struct JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `invalid escape in JSON pointer: "~" must be followed by "0" or "1"`.
    public var message: String
    /// The text that failed to parse.
    public var text: String

    /// Creates an error.
    public init(message: String, text: String) {
        self.message = message
        self.text = text
    }

    /// The message followed by the offending text.
    public var description: String { "\(message): \"\(text)\"" }
}
