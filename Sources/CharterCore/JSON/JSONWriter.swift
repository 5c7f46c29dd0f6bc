/// Serialises ``JSONNode``s back to JSON text, deterministically.
///
/// - Numbers are written as their literal (never reformatted).
/// - Strings are escaped per RFC 8259: `"` and `\` are escaped, control
///   characters use `\b \f \n \r \t` or `\u00XX`, and U+2028 / U+2029 are written
///   `\u2028` / `\u2029` (so output is also valid JavaScript); everything else,
///   including non-ASCII and `/`, is written as is.
/// - Compact output has no whitespace; pretty output indents by two spaces, puts
///   one member or element per line, writes `"key": value`, and keeps empty
///   containers as `{}` and `[]`. No trailing newline is added.
/// - Members keep their order unless `sortKeys` is set; sorting is by Unicode
///   scalar values (locale-independent), stable for repeated keys.
///
/// Writing recurses once per nesting level, which is fine for the reader's depth
/// limit (512 by default).
public enum JSONWriter {
    /// Writes `node` as JSON text.
    public static func write(_ node: JSONNode, pretty: Bool = false, sortKeys: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(node.value, into: &out, pretty: pretty, sortKeys: sortKeys, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `value` as JSON text.
    public static func write(_ value: JSONValue, pretty: Bool = false, sortKeys: Bool = false) -> String {
        write(JSONNode(value), pretty: pretty, sortKeys: sortKeys)
    }

    /// `string` as a JSON string literal, quotes included, escaped as described above.
    public static func quoted(_ string: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count + 2)
        appendString(string, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` to `out` as ``write(_:pretty:sortKeys:)`` would, nested `indent` levels deep (a pretty
    /// container's lines indented to match): for writers that stream a document and write a member's value in place.
    package static func append(_ value: JSONValue, pretty: Bool, indent: Int, to out: inout [UInt8]) {
        write(value, into: &out, pretty: pretty, sortKeys: false, indent: indent)
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8], pretty: Bool, sortKeys: Bool, indent: Int) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n):
            out.append(contentsOf: n.literal.utf8)
        case .string(let s):
            appendString(s, to: &out)
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (k, element) in elements.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent: indent + 1) }
                write(element.value, into: &out, pretty: pretty, sortKeys: sortKeys, indent: indent + 1)
            }
            if pretty { newline(&out, indent: indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            var members = object.members
            if sortKeys {
                // Stable: enumerate to break ties between repeated keys by source order.
                members = members.enumerated().sorted { a, b in
                    if ExactString.equal(a.element.key, b.element.key) { return a.offset < b.offset }
                    return ExactString.less(a.element.key, b.element.key)
                }.map(\.element)
            }
            out.append(UInt8(ascii: "{"))
            for (k, member) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(&out, indent: indent + 1) }
                appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                write(member.value.value, into: &out, pretty: pretty, sortKeys: sortKeys, indent: indent + 1)
            }
            if pretty { newline(&out, indent: indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `string` as a JSON string literal (quotes included, escaped as described above): for writers that
    /// stream a large document instead of building a ``JSONValue`` first.
    package static func appendString(_ string: String, to out: inout [UInt8]) {
        var string = string
        string.withUTF8 { bytes in appendString(utf8: bytes, to: &out) }
    }

    /// Whether any of the eight bytes in `word` is below 0x20, `"`, `\\` or 0xE2 (the bytes the loop in
    /// ``appendString(utf8:to:)`` looks at one by one). Exact, byte order independent: the classic
    /// "has a zero byte" / "has a byte less than n" word tests.
    @inline(__always)
    static func needsLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// ``appendString(_:to:)`` over the string's UTF-8 bytes: runs of bytes that need no escape are copied
    /// whole (most strings are one run), the others written escaped.
    private static func appendString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs a look (most strings are written in these steps).
            if index + 8 <= bytes.count, !needsLook(UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            // Everything at or above 0x20 but `"`, `\` and the lead byte of U+2028/U+2029 is written as it is.
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x08:
                out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
            case 0x0C:
                out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
            case 0x0A:
                out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D:
                out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09:
                out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
            default:
                // 0xE2: U+2028 is E2 80 A8 and U+2029 is E2 80 A9; any other E2 sequence is written as it is.
                if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    out.append(contentsOf: (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    index += 2
                } else {
                    out.append(byte)
                }
            }
            index += 1
            runStart = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        out.append(UInt8(ascii: "\""))
    }
}
