import Foundation
import XCTest
@testable import CharterCore

final class JSONEncodingTests: XCTestCase {
    func testUTF8ByteOrderMarkIsSkipped() throws {
        let node = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        XCTAssertEqual(node.position, SourcePosition(line: 1, column: 1, offset: 3))
        XCTAssertEqual(node["a"]?.position, SourcePosition(line: 1, column: 7, offset: 9))
        XCTAssertEqual(parseError([0xEF, 0xBB, 0xBF])?.message, "unexpected end of input, expected a value")
        let inside = try XCTUnwrap(parseError([0x5B, 0xEF, 0xBB, 0xBF, 0x31, 0x5D]))
        XCTAssertEqual(inside.message, "expected a value, found '\u{FEFF}' (U+FEFF)")
        XCTAssertEqual(inside.position.description, "1:2")
    }

    /// Rows: bytes in another encoding → the encoding named in the message.
    func testUTF16AndUTF32AreRejected() {
        let rows: [([UInt8], String)] = [
            ([0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00], "UTF-16LE (byte order mark)"),
            ([0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x5D], "UTF-16BE (byte order mark)"),
            ([0x5B, 0x00, 0x5D, 0x00], "UTF-16LE"),
            ([0x00, 0x5B, 0x00, 0x5D], "UTF-16BE"),
            ([0x00, 0x00, 0x00, 0x31], "UTF-32BE"),
            ([0x31, 0x00, 0x00, 0x00], "UTF-32LE"),
            ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x31], "UTF-32BE (byte order mark)"),
            ([0xFF, 0xFE, 0x00, 0x00, 0x31, 0x00, 0x00, 0x00], "UTF-32LE (byte order mark)"),
        ]
        for (bytes, encoding) in rows {
            guard let error = parseError(bytes) else { continue }
            XCTAssertEqual(error.message, "input is encoded as \(encoding); JSON text must be UTF-8")
            XCTAssertEqual(error.position, .start)
        }
    }

    /// Rows: bytes inside a string (`["` + bytes + `"]`) → message, column of the bad sequence.
    func testInvalidUTF8IsRejectedWithAPosition() {
        let rows: [([UInt8], String, Int)] = [
            ([0x80], "invalid UTF-8: unexpected continuation byte 0x80", 3),
            ([0x61, 0xBF], "invalid UTF-8: unexpected continuation byte 0xBF", 4),
            ([0xC0, 0x80], "invalid UTF-8: overlong encoding (byte 0xC0)", 3),
            ([0xC1, 0xBF], "invalid UTF-8: overlong encoding (byte 0xC1)", 3),
            ([0xE0, 0x80, 0x80], "invalid UTF-8: overlong encoding", 3),
            ([0xF0, 0x80, 0x80, 0x80], "invalid UTF-8: overlong encoding", 3),
            ([0xED, 0xA0, 0x80], "invalid UTF-8: encoded UTF-16 surrogate", 3),
            ([0xED, 0xBF, 0xBF], "invalid UTF-8: encoded UTF-16 surrogate", 3),
            ([0xF4, 0x90, 0x80, 0x80], "invalid UTF-8: code point above U+10FFFF", 3),
            ([0xF5, 0x80, 0x80, 0x80], "invalid UTF-8: byte 0xF5 never occurs in UTF-8", 3),
            ([0xFF], "invalid UTF-8: byte 0xFF never occurs in UTF-8", 3),
            ([0xE2, 0x82], "invalid UTF-8: truncated 3-byte sequence", 3),
            ([0xC3, 0xA9, 0xE2, 0x82, 0x41], "invalid UTF-8: truncated 3-byte sequence", 4),
            ([0xF0, 0x9F, 0x98], "invalid UTF-8: truncated 4-byte sequence", 3),
            ([0xC3], "invalid UTF-8: truncated 2-byte sequence", 3),
        ]
        for (bad, message, column) in rows {
            let bytes = Array("[\"".utf8) + bad + Array("\"]".utf8)
            guard let error = parseError(bytes) else { continue }
            XCTAssertEqual(error.message, message, "\(bad)")
            XCTAssertEqual(error.position.column, column, "\(bad)")
            XCTAssertEqual(error.pointer, pointer("/0"))
        }
        // Truncated at the very end of the input, and outside strings.
        XCTAssertEqual(parseError([0x22, 0xE2, 0x82])?.message, "invalid UTF-8: truncated 3-byte sequence")
        XCTAssertEqual(parseError([0x5B, 0xFF, 0x5D])?.position.description, "1:2")
        XCTAssertEqual(parseError([0x20, 0xC3])?.message, "invalid UTF-8: truncated 2-byte sequence")
    }

    func testWellFormedUTF8AtTheEdgesIsAccepted() throws {
        let rows: [([UInt8], UInt32)] = [
            ([0x7F], 0x7F), ([0xC2, 0x80], 0x80), ([0xDF, 0xBF], 0x7FF), ([0xE0, 0xA0, 0x80], 0x800),
            ([0xED, 0x9F, 0xBF], 0xD7FF), ([0xEE, 0x80, 0x80], 0xE000), ([0xEF, 0xBF, 0xBF], 0xFFFF),
            ([0xF0, 0x90, 0x80, 0x80], 0x10000), ([0xF4, 0x8F, 0xBF, 0xBF], 0x10FFFF),
        ]
        for (bytes, scalar) in rows {
            let node = try JSONReader.parse([0x22] + bytes + [0x22])
            XCTAssertEqual(node.string?.unicodeScalars.map(\.value), [scalar])
        }
    }

    /// Rows: escapes → decoded scalars.
    func testEscapes() throws {
        let rows: [(String, [UInt32])] = [
            ("\\\"\\\\\\/\\b\\f\\n\\r\\t", [0x22, 0x5C, 0x2F, 0x08, 0x0C, 0x0A, 0x0D, 0x09]),
            ("\\u0000", [0]), ("\\u00e9\\u00E9", [0xE9, 0xE9]), ("\\uFFFF", [0xFFFF]),
            ("\\ud83d\\ude00", [0x1F600]), ("\\uD800\\uDC00", [0x10000]), ("\\uDBFF\\uDFFF", [0x10FFFF]),
            ("\\u007F\\u0080\\u07FF\\u0800\\uD7FF\\uE000", [0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000]),
            ("a\\u0062c", [0x61, 0x62, 0x63]), ("é\\n😀", [0xE9, 0x0A, 0x1F600]),
        ]
        for (escaped, scalars) in rows {
            let node = try XCTUnwrap(parseOrFail("\"\(escaped)\""))
            XCTAssertEqual(node.string?.unicodeScalars.map(\.value), scalars, escaped)
        }
    }

    func testEmptyInputsAndDataSlices() throws {
        XCTAssertEqual(parseError([UInt8]())?.position, .start)
        XCTAssertThrowsError(try JSONReader.parse(Data())) { error in
            XCTAssertEqual((error as? JSONParseError)?.message, "unexpected end of input, expected a value")
        }
        XCTAssertThrowsError(try JSONReader.parse(""))
        // A Data slice is read from its own start: offsets are relative to it.
        let slice = Data("xx[1, 2]".utf8).dropFirst(2)
        let node = try JSONReader.parse(slice)
        XCTAssertEqual(node[1]?.position, SourcePosition(line: 1, column: 5, offset: 4))
    }

    func testColumnsAfterEscapedStringsWithNonASCII() throws {
        let node = try XCTUnwrap(parseOrFail("[\"é\\n😀\", \"\\u00e9ü\", 1]"))
        XCTAssertEqual(node[1]?.position.description, "1:10")
        XCTAssertEqual(node[2]?.position.description, "1:21")
    }
}
