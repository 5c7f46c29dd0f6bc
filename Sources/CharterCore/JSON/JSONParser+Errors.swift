/// Error construction: positions, pointers and descriptions of what was found.
extension JSONParser {
    /// An error at byte `offset` with the current container pointer.
    func fail(_ message: String, at offset: Int, related: SourcePosition? = nil) -> JSONParseError {
        JSONParseError(message: message, position: errorPosition(offset), pointer: currentPointer(),
                       relatedPosition: related)
    }

    /// "expected X, found Y" (or "unexpected end of input, expected X").
    func expected(_ what: String, at offset: Int) -> JSONParseError {
        if offset >= end { return fail("unexpected end of input, expected \(what)", at: end) }
        do throws(JSONParseError) {
            return fail("expected \(what), found \(try describeCharacter(at: offset))", at: offset)
        } catch {
            return error
        }
    }

    /// The error for a byte where a value should start, with hints for common mistakes.
    func valueStartError(at offset: Int) -> JSONParseError {
        guard offset < end else { return expected("a value", at: offset) }
        switch bytes[offset] {
        case UInt8(ascii: "'"):
            return fail("strings must be enclosed in double quotes, found \"'\"", at: offset)
        case UInt8(ascii: "/"):
            return fail("comments are not allowed in JSON", at: offset)
        case UInt8(ascii: "+"):
            return fail("numbers cannot start with '+'", at: offset)
        case UInt8(ascii: "."):
            return fail("numbers need a digit before the decimal point", at: offset)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"):
            var p = offset
            while p < end, p - offset < 32, JSONParser.isWordByte(bytes[p]) { p += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<p]), as: UTF8.self)
            return fail("expected a value, found '\(word)'", at: offset)
        default:
            return expected("a value", at: offset)
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte == UInt8(ascii: "_")
    }

    /// End of input inside an open container.
    func unclosed(_ frame: Frame) -> JSONParseError {
        let (closer, kind) = frame.isObject ? ("'}'", "object") : ("']'", "array")
        return fail("unexpected end of input, expected ',' or \(closer) (\(kind) opened at \(frame.position))",
                    at: end, related: frame.position)
    }

    func unterminatedString() -> JSONParseError {
        let opened = errorPosition(stringStart)
        return fail("unterminated string (opened at \(opened))", at: end, related: opened)
    }

    func controlCharacterInString(at offset: Int) -> JSONParseError {
        let name: String
        switch bytes[offset] {
        case 0x0A: name = "line feed"
        case 0x0D: name = "carriage return"
        case 0x09: name = "tab"
        default: name = "control character"
        }
        return fail("unescaped \(name) (U+00\(hex2(bytes[offset]))) in string; control characters must be escaped",
                    at: offset)
    }

    /// How the character at `offset` is named in messages: `'x'`, `U+0000`, or
    /// `'é' (U+00E9)`. Throws the UTF-8 error when the bytes there are not UTF-8.
    func describeCharacter(at offset: Int) throws(JSONParseError) -> String {
        let byte = bytes[offset]
        switch byte {
        case 0x00..<0x20, 0x7F:
            return "U+00\(hex2(byte))"
        case UInt8(ascii: "'"):
            return "\"'\""
        case 0x20..<0x80:
            return "'\(Character(Unicode.Scalar(byte)))'"
        default:
            let length = try utf8SequenceLength(at: offset)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
            let scalar = text.unicodeScalars.first!
            let code = String(scalar.value, radix: 16, uppercase: true)
            return "'\(text)' (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))"
        }
    }

    /// The position of `offset`, with the column counted in scalars from the line
    /// start (bytes before `offset` on the line are known to be valid UTF-8).
    func errorPosition(_ offset: Int) -> SourcePosition {
        var column = 1
        var k = lineStart
        while k < offset {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return SourcePosition(line: line, column: column, offset: offset)
    }

    /// The pointer of the value being read: every open container, plus the child
    /// of the innermost one when its value is being read.
    func currentPointer() -> JSONPointer {
        var tokens: [String] = []
        tokens.reserveCapacity(frames.count)
        for (depth, frame) in frames.enumerated() where depth < frames.count - 1 || frame.awaitingValue {
            tokens.append(frame.isObject ? frame.key : String(frame.count))
        }
        return JSONPointer(tokens: tokens)
    }

    /// Rejects UTF-16 and UTF-32 input (by byte order mark or NUL pattern, RFC 4627 §3)
    /// and skips a UTF-8 byte order mark.
    mutating func checkEncoding() throws(JSONParseError) {
        func b(_ k: Int) -> UInt8? { k < end ? bytes[k] : nil }
        var encoding: String?
        switch (b(0), b(1), b(2), b(3)) {
        case (0xEF, 0xBB, 0xBF, _):
            i = 3
            lineStart = 3
            return
        case (0x00, 0x00, 0xFE, 0xFF): encoding = "UTF-32BE (byte order mark)"
        case (0xFF, 0xFE, 0x00, 0x00): encoding = "UTF-32LE (byte order mark)"
        case (0xFE, 0xFF, _, _): encoding = "UTF-16BE (byte order mark)"
        case (0xFF, 0xFE, _, _): encoding = "UTF-16LE (byte order mark)"
        case (0x00, 0x00, 0x00, .some(let x)) where x != 0: encoding = "UTF-32BE"
        case (.some(let x), 0x00, 0x00, 0x00) where x != 0: encoding = "UTF-32LE"
        case (0x00, .some(let x), _, _) where x != 0 && end % 2 == 0: encoding = "UTF-16BE"
        case (.some(let x), 0x00, _, _) where x != 0 && end % 2 == 0: encoding = "UTF-16LE"
        default: break
        }
        if let encoding {
            throw JSONParseError(message: "input is encoded as \(encoding); JSON text must be UTF-8",
                                 position: .start)
        }
    }
}
