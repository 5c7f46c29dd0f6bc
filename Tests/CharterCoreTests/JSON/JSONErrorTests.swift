import XCTest
@testable import CharterCore

final class JSONErrorTests: XCTestCase {
    /// Rows: malformed input → a substring of the message, "line:column" of the
    /// offending character, and the pointer of the value being read.
    func testMalformedInputs() {
        let rows: [(text: String, message: String, position: String, pointer: String)] = [
            ("", "unexpected end of input, expected a value", "1:1", ""),
            ("  \n ", "unexpected end of input, expected a value", "2:2", ""),
            ("[1,]", "trailing comma before ']'", "1:4", "/1"),
            ("{\"a\":1,}", "trailing comma before '}'", "1:8", ""),
            ("[1,,2]", "expected a value, found ','", "1:4", "/1"),
            ("[1 2]", "expected ',' or ']' after array element, found '2'", "1:4", ""),
            ("{\"a\" 1}", "expected ':' after object key, found '1'", "1:6", ""),
            ("{\"a\":1 \"b\":2}", "expected ',' or '}' after object member, found '\"'", "1:8", ""),
            ("{a:1}", "expected a string key or '}', found 'a'", "1:2", ""),
            ("{\"a\":1, 2:3}", "expected a string key, found '2'", "1:9", ""),
            ("['a']", "strings must be enclosed in double quotes", "1:2", "/0"),
            ("[01]", "numbers cannot have leading zeros", "1:3", "/0"),
            ("[-01]", "numbers cannot have leading zeros", "1:4", "/0"),
            ("[-]", "expected a digit after '-', found ']'", "1:3", "/0"),
            ("[-", "unexpected end of input, expected a digit after '-'", "1:3", "/0"),
            ("[1.]", "expected a digit after the decimal point, found ']'", "1:4", "/0"),
            ("[1.e5]", "expected a digit after the decimal point, found 'e'", "1:4", "/0"),
            ("[1e]", "expected a digit in the exponent, found ']'", "1:4", "/0"),
            ("[1e+]", "expected a digit in the exponent, found ']'", "1:5", "/0"),
            ("[+1]", "numbers cannot start with '+'", "1:2", "/0"),
            ("[.5]", "numbers need a digit before the decimal point", "1:2", "/0"),
            ("[NaN]", "expected a value, found 'NaN'", "1:2", "/0"),
            ("[-Infinity]", "expected a digit after '-', found 'I'", "1:3", "/0"),
            ("[tru]", "expected a value, found 'tru'", "1:2", "/0"),
            ("[True]", "expected a value, found 'True'", "1:2", "/0"),
            ("[nul", "unexpected end of input in literal 'null'", "1:5", "/0"),
            ("[0x1F]", "expected ',' or ']' after array element, found 'x'", "1:3", ""),
            ("[1] // note", "unexpected '/' after the top-level value", "1:5", ""),
            ("// note\n[1]", "comments are not allowed in JSON", "1:1", ""),
            ("{\"a\": /* x */ 1}", "comments are not allowed in JSON", "1:7", "/a"),
            ("[1]]", "unexpected ']' after the top-level value", "1:4", ""),
            ("1 2", "unexpected '2' after the top-level value", "1:3", ""),
            ("[\"a\tb\"]", "unescaped tab (U+0009) in string; control characters must be escaped", "1:4", "/0"),
            ("[\"a\nb\"]", "unescaped line feed (U+000A) in string", "1:4", "/0"),
            ("[\"a\u{1}\"]", "unescaped control character (U+0001) in string", "1:4", "/0"),
            ("\"abc", "unterminated string (opened at 1:1)", "1:5", ""),
            ("[\"ab\\", "unterminated string (opened at 1:2)", "1:6", "/0"),
            ("[\"\\x\"]", "invalid escape sequence: '\\' followed by 'x'", "1:3", "/0"),
            ("[\"\\'\"]", "invalid escape sequence: '\\' followed by \"'\"", "1:3", "/0"),
            ("\"\\u12G4\"", "invalid \\u escape: expected 4 hex digits, found 'G'", "1:6", ""),
            ("\"\\uD800\"", "unpaired surrogate \\uD800: a high surrogate must be followed by a low surrogate escape", "1:2", ""),
            ("\"\\uDC00\"", "unpaired surrogate \\uDC00: a low surrogate without a high surrogate before it", "1:2", ""),
            ("\"ab\\uD800\\u0041\"", "unpaired surrogate \\uD800: followed by \\u0041, not a low surrogate", "1:4", ""),
            ("\"\\uD800\\uZZZZ\"", "invalid \\u escape: expected 4 hex digits, found 'Z'", "1:10", ""),
            ("{\n  \"a\": [\n    1,\n    x\n  ]\n}", "expected a value, found 'x'", "4:5", "/a/1"),
            ("[\n1,\n2", "unexpected end of input, expected ',' or ']' (array opened at 1:1)", "3:2", ""),
            ("{\"a\": {\"b\": 1", "unexpected end of input, expected ',' or '}' (object opened at 1:7)", "1:14", "/a"),
            ("{\"é\": x}", "expected a value, found 'x'", "1:7", "/é"),
            ("[\"😀\", \"\\q\"]", "invalid escape sequence", "1:8", "/1"),
            ("[\"😀é\u{0}\"]", "unescaped control character (U+0000)", "1:5", "/0"),
            ("{\"a\": {\"b\": [1, 2, ?]}}", "expected a value, found '?'", "1:20", "/a/b/2"),
            ("{\"a\": {\"b\" 1}}", "expected ':' after object key, found '1'", "1:12", "/a"),
            ("{\"a/b\": [1 2]}", "expected ',' or ']' after array element", "1:12", "/a~1b"),
            ("[\u{A0}1]", "expected a value, found '\u{A0}' (U+00A0)", "1:2", "/0"),
            ("[\u{C}1]", "expected a value, found U+000C", "1:2", "/0"),
        ]
        for row in rows {
            guard let error = parseError(row.text) else { continue }
            XCTAssertTrue(error.message.contains(row.message),
                          "\(row.text.debugDescription): \(error.message.debugDescription) lacks \(row.message.debugDescription)")
            XCTAssertEqual(error.position.description, row.position, "\(row.text.debugDescription): \(error)")
            XCTAssertEqual(error.pointer, pointer(row.pointer), "\(row.text.debugDescription): \(error)")
            XCTAssertFalse(error.message.hasSuffix("."))
            XCTAssertEqual(error.message.first?.isUppercase, false, error.message)
        }
    }

    func testErrorOffsetIsTheOffendingByte() throws {
        let error = try XCTUnwrap(parseError("{\"é\": [1,\n  \"ü\" x]}"))
        XCTAssertEqual(error.position, SourcePosition(line: 2, column: 7, offset: 18))
    }

    func testUnclosedContainersNameTheirOpening() throws {
        let error = try XCTUnwrap(parseError("{\n  \"a\": [1, 2\n"))
        XCTAssertEqual(error.position.description, "3:1")
        XCTAssertEqual(error.relatedPosition?.description, "2:8")
        let string = try XCTUnwrap(parseError("[\"abc"))
        XCTAssertEqual(string.relatedPosition?.description, "1:2")
    }

    func testDescriptionShowsPositionMessageAndPointer() throws {
        let nested = try XCTUnwrap(parseError("{\"items\": [true, nope]}"))
        XCTAssertEqual(nested.description, "1:18: expected a value, found 'nope' [/items/1]")
        let top = try XCTUnwrap(parseError("[1]x"))
        XCTAssertEqual(top.description, "1:4: unexpected 'x' after the top-level value")
    }
}
