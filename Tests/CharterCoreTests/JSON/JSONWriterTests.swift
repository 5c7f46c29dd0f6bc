import XCTest
@testable import CharterCore

final class JSONWriterTests: XCTestCase {
    func testCompactOutputKeepsOrderAndLiterals() throws {
        let text = "{\"b\":[1,2.50,{\"c\":null}],\"a\":\"x\",\"t\":true,\"f\":false,\"e\":{},\"z\":[],\"n\":-1E+5}"
        let root = try XCTUnwrap(parseOrFail(text))
        XCTAssertEqual(JSONWriter.write(root), text)
        let spaced = try XCTUnwrap(parseOrFail("{ \"b\" : [ 1 , 2.50 , { \"c\" : null } ] ,\n \"a\" : \"x\" , \"t\" : true , \"f\" : false , \"e\" : { } , \"z\" : [ ] , \"n\" : -1E+5 }"))
        XCTAssertEqual(JSONWriter.write(spaced), text)
    }

    func testPrettyOutput() throws {
        let root = try XCTUnwrap(parseOrFail("{\"name\":\"Widget\",\"tags\":[\"a\",\"b\"],\"price\":{\"amount\":19.990,\"currency\":\"EUR\"},\"empty\":{},\"none\":[],\"nested\":[[1],{}]}"))
        let expected = """
        {
          "name": "Widget",
          "tags": [
            "a",
            "b"
          ],
          "price": {
            "amount": 19.990,
            "currency": "EUR"
          },
          "empty": {},
          "none": [],
          "nested": [
            [
              1
            ],
            {}
          ]
        }
        """
        XCTAssertEqual(JSONWriter.write(root, pretty: true), expected)
        XCTAssertEqual(JSONWriter.write(JSONNode(.number(JSONNumber(7))), pretty: true), "7")
    }

    func testSortedKeysUseScalarOrderAndAreStable() throws {
        let root = try XCTUnwrap(parseOrFail("{\"b\":1,\"a\":{\"z\":1,\"y\":2},\"B\":3,\"é\":4,\"e\":5,\"a\":6}",
                                             options: .init(allowDuplicateKeys: true)))
        XCTAssertEqual(JSONWriter.write(root, sortKeys: true),
                       "{\"B\":3,\"a\":{\"y\":2,\"z\":1},\"a\":6,\"b\":1,\"e\":5,\"é\":4}")
        XCTAssertEqual(JSONWriter.write(root, pretty: true, sortKeys: true).split(separator: "\n").count, 11)
    }

    /// Rows: string value → its JSON literal.
    func testStringEscaping() {
        let rows: [(String, String)] = [
            ("plain", "\"plain\""), ("", "\"\""), ("q\"uote", "\"q\\\"uote\""), ("back\\slash", "\"back\\\\slash\""),
            ("a/b", "\"a/b\""), ("\u{8}\u{C}\n\r\t", "\"\\b\\f\\n\\r\\t\""), ("\u{0}\u{1}\u{1F}", "\"\\u0000\\u0001\\u001f\""),
            ("\u{7F}", "\"\u{7F}\""), ("é😀", "\"é😀\""), ("\u{2028}x\u{2029}", "\"\\u2028x\\u2029\""),
            ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""), ("e\u{301}", "\"e\u{301}\""),
            // Runs of plain bytes between escapes, and E2-led sequences at the end and not U+2028/9.
            ("ab\"cd\nef\\", "\"ab\\\"cd\\nef\\\\\""), ("a\u{2028}", "\"a\\u2028\""), ("€ 5", "\"€ 5\""), ("x€", "\"x€\""),
        ]
        for (value, literal) in rows {
            XCTAssertEqual(JSONWriter.quoted(value), literal, value.debugDescription)
            XCTAssertEqual(JSONWriter.write(JSONNode(.string(value))), literal)
            // And the literal reads back as exactly the same scalars.
            XCTAssertEqual(parseOrFail(literal)?.string.map { Array($0.unicodeScalars) }, Array(value.unicodeScalars))
        }
    }

    /// The word test agrees with the byte test for every byte value in every lane, beside plain bytes and beside
    /// every other byte value.
    func testWordTestMatchesTheByteTestInEveryLane() {
        func needsLook(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 }
        for lane in 0..<8 {
            for value in 0...255 {
                for filler: UInt8 in [UInt8(ascii: "a"), 0x20, 0x80, 0xFF, 0x21, 0xE3] {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[lane] = UInt8(value)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    XCTAssertEqual(JSONWriter.needsLook(word), bytes.contains(where: needsLook), "byte \(value) in lane \(lane) among \(filler)")
                }
            }
        }
    }

    /// Each character that is escaped (or looked at and kept), at every offset of a longer plain string, so that it
    /// falls in every lane of the eight-byte steps and in the byte-by-byte tail.
    func testEscapesAtEveryOffset() {
        let specials: [(Character, String)] = [
            ("\"", "\\\""), ("\\", "\\\\"), ("\n", "\\n"), ("\u{1}", "\\u0001"), ("\u{1F}", "\\u001f"),
            ("\u{2028}", "\\u2028"), ("\u{2029}", "\\u2029"), ("€", "€"), ("\u{2027}", "\u{2027}"), ("é", "é"), ("😀", "😀"),
        ]
        for length in [7, 8, 9, 16, 23, 40] {
            for offset in 0...length {
                for (special, escaped) in specials {
                    let plain = String(repeating: "x", count: length)
                    let index = plain.index(plain.startIndex, offsetBy: offset)
                    let value = String(plain[..<index]) + String(special) + String(plain[index...])
                    let expected = "\"" + String(plain[..<index]) + escaped + String(plain[index...]) + "\""
                    XCTAssertEqual(JSONWriter.quoted(value), expected, "\(special.debugDescription) at \(offset) of \(length)")
                }
            }
        }
    }

    func testRoundTripGivesEqualNodes() throws {
        let documents = [
            "{\"a\":[1,1.0,1e2,-0,\"\\u00e9\\ud83d\\ude00\\n\"],\"b\":{\"c\":{\"d\":[[],[{}]]}},\"\":null}",
            "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u2028\", 123456789012345678901234567890, 1e400, true, false, null]",
            "\"top-level string\"",
            "  42  ",
        ]
        for text in documents {
            let node = try XCTUnwrap(parseOrFail(text))
            for pretty in [false, true] {
                for sortKeys in [false, true] {
                    let written = JSONWriter.write(node, pretty: pretty, sortKeys: sortKeys)
                    let reread = try JSONReader.parse(written)
                    XCTAssertEqual(reread, node, written)
                    XCTAssertEqual(JSONWriter.write(reread, pretty: pretty, sortKeys: sortKeys), written, "stable output")
                }
            }
        }
    }

    func testWritingAValue() {
        XCTAssertEqual(JSONWriter.write(JSONValue.array([JSONNode(.null), JSONNode(.bool(true))])), "[null,true]")
    }
}
