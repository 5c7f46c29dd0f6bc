/// Strings: the escape-free fast path, escapes and surrogate pairs, and UTF-8
/// validation.
extension JSONParser {
    // MARK: - Strings

    /// Reads a string with `i` at its opening quote; leaves `i` after the closing one.
    mutating func readString() throws(JSONParseError) -> String {
        stringStart = i
        let contentStart = i + 1
        var p = contentStart
        while p < end {
            let byte = bytes[p]
            if byte == UInt8(ascii: "\"") {
                i = p + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<p]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                return try readEscapedString(contentStart: contentStart, firstEscape: p)
            }
            if byte < 0x20 { throw controlCharacterInString(at: p) }
            if byte < 0x80 {
                p += 1
            } else {
                let length = try utf8SequenceLength(at: p)
                continuationBytesOnLine += length - 1
                p += length
            }
        }
        throw unterminatedString()
    }

    /// The slow path of ``readString()``: decodes escapes into `scratch`.
    private mutating func readEscapedString(contentStart: Int, firstEscape: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<firstEscape]))
        var p = firstEscape
        while p < end {
            // Copy a run of plain characters at once.
            let runStart = p
            while p < end {
                let byte = bytes[p]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw controlCharacterInString(at: p) }
                if byte < 0x80 {
                    p += 1
                } else {
                    let length = try utf8SequenceLength(at: p)
                    continuationBytesOnLine += length - 1
                    p += length
                }
            }
            if p > runStart { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<p])) }
            guard p < end else { break }
            if bytes[p] == UInt8(ascii: "\"") {
                i = p + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            p = try readEscape(at: p)
        }
        throw unterminatedString()
    }

    /// Decodes the escape whose backslash is at `p` into `scratch`; returns the
    /// offset after it.
    private mutating func readEscape(at p: Int) throws(JSONParseError) -> Int {
        guard p + 1 < end else { throw unterminatedString() }
        let decoded: UInt8
        switch bytes[p + 1] {
        case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            return try readUnicodeEscape(at: p)
        default:
            let found = try describeCharacter(at: p + 1)
            throw fail("invalid escape sequence: '\\' followed by \(found)", at: p)
        }
        scratch.append(decoded)
        return p + 2
    }

    /// Decodes `\uXXXX` (and the low half of a surrogate pair) at `p`.
    private mutating func readUnicodeEscape(at p: Int) throws(JSONParseError) -> Int {
        let unit = try hexQuad(at: p + 2)
        var scalarValue = UInt32(unit)
        var next = p + 6
        switch unit {
        case 0xD800...0xDBFF:
            guard next + 1 < end, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u") else {
                throw fail("unpaired surrogate \\u\(hex4(unit)): a high surrogate must be followed by a low surrogate escape", at: p)
            }
            let low = try hexQuad(at: next + 2)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw fail("unpaired surrogate \\u\(hex4(unit)): followed by \\u\(hex4(low)), not a low surrogate", at: p)
            }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        case 0xDC00...0xDFFF:
            throw fail("unpaired surrogate \\u\(hex4(unit)): a low surrogate without a high surrogate before it", at: p)
        default:
            break
        }
        appendUTF8(scalarValue)
        return next
    }

    /// Four hex digits starting at `p`.
    private func hexQuad(at p: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for k in 0..<4 {
            guard p + k < end else { throw unterminatedString() }
            let byte = bytes[p + k]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw fail("invalid \\u escape: expected 4 hex digits, found \(try describeCharacter(at: p + k))", at: p + k)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Appends the UTF-8 encoding of a scalar value. Written with `UInt8` operands only, so the type
    /// checker does not weigh literal types across mixed-width operators (was 180 ms of every debug build).
    private mutating func appendUTF8(_ value: UInt32) {
        func byte(_ shifted: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: shifted) }
        func continuation(_ shift: UInt32) -> UInt8 { byte(value >> shift) & 0x3F | 0x80 }
        switch value {
        case 0..<0x80:
            scratch.append(byte(value))
        case 0x80..<0x800:
            scratch.append(byte(value >> 6) | 0xC0)
            scratch.append(continuation(0))
        case 0x800..<0x10000:
            scratch.append(byte(value >> 12) | 0xE0)
            scratch.append(continuation(6))
            scratch.append(continuation(0))
        default:
            scratch.append(byte(value >> 18) | 0xF0)
            scratch.append(continuation(12))
            scratch.append(continuation(6))
            scratch.append(continuation(0))
        }
    }

    // MARK: - UTF-8

    /// The length of the well-formed UTF-8 sequence starting at `p` (a byte ≥ 0x80),
    /// or an error positioned at `p` naming what is wrong (Unicode 15, Table 3-7).
    func utf8SequenceLength(at p: Int) throws(JSONParseError) -> Int {
        let lead = bytes[p]
        func byte(_ k: Int) -> UInt8? { p + k < end ? bytes[p + k] : nil }
        func isContinuation(_ k: Int) -> Bool { byte(k).map { $0 & 0xC0 == 0x80 } ?? false }
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x80...0xBF:
            throw fail("invalid UTF-8: unexpected continuation byte 0x\(hex2(lead))", at: p)
        case 0xC0, 0xC1:
            throw fail("invalid UTF-8: overlong encoding (byte 0x\(hex2(lead)))", at: p)
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default:
            throw fail("invalid UTF-8: byte 0x\(hex2(lead)) never occurs in UTF-8", at: p)
        }
        for k in 1..<length where !isContinuation(k) {
            throw fail("invalid UTF-8: truncated \(length)-byte sequence", at: p)
        }
        if let second = byte(1), !secondRange.contains(second) {
            switch lead {
            case 0xED: throw fail("invalid UTF-8: encoded UTF-16 surrogate", at: p)
            case 0xF4: throw fail("invalid UTF-8: code point above U+10FFFF", at: p)
            default: throw fail("invalid UTF-8: overlong encoding", at: p)
            }
        }
        return length
    }

    func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
