import Foundation
import XCTest
@testable import CharterCore

final class JSONPositionTests: XCTestCase {
    /// Rows: document, pointer of a value, expected "line:column" and byte offset.
    func testValuePositions() {
        let rows: [(text: String, pointer: String, position: String, offset: Int, note: String)] = [
            ("1", "", "1:1", 0, "top-level scalar"),
            ("  true ", "", "1:3", 2, "leading spaces"),
            ("[1, \"two\", null]", "/1", "1:5", 4, "string position is its quote"),
            ("[1, \"two\", null]", "/2", "1:12", 11, "after a string"),
            ("{\"a\": {\"b\": [10, 20]}}", "/a", "1:7", 6, "object value"),
            ("{\"a\": {\"b\": [10, 20]}}", "/a/b", "1:13", 12, "nested array"),
            ("{\"a\": {\"b\": [10, 20]}}", "/a/b/1", "1:18", 17, "nested element"),
            ("{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}", "/b/0", "4:5", 25, "multi-line"),
            ("{\n  \"a\": 1,\n  \"b\": [\n    true\n  ]\n}", "/b", "3:8", 19, "multi-line container"),
            ("{\"é\": \"ü\", \"x\": 1}", "/x", "1:17", 18, "2-byte characters count one column"),
            ("[\"😀\", 2]", "/1", "1:7", 9, "4-byte character counts one column"),
            ("[\"e\u{301}\", 2]", "/1", "1:8", 8, "a combining mark is a scalar of its own"),
            ("[\"é\",\n\"😀\", 3]", "/2", "2:6", 15, "column restarts on each line"),
            ("[\t1]", "/0", "1:3", 2, "a tab counts one column"),
            ("[\r\n1,\r\n2]", "/0", "2:1", 3, "CR LF is one line break"),
            ("[\r\n1,\r\n2]", "/1", "3:1", 7, "CR LF is one line break"),
            ("[\r1,\r2]", "/1", "3:1", 5, "a lone CR is a line break"),
            ("[\r\r\n1]", "/0", "3:1", 4, "CR then CR LF are two line breaks"),
            ("[\n\r1]", "/0", "3:1", 3, "LF then CR are two line breaks"),
            ("\u{FEFF}[1]", "", "1:1", 3, "a byte order mark takes no column"),
            ("\u{FEFF}[1]", "/0", "1:2", 4, "after a byte order mark"),
            ("[\"\\u00e9\", 1]", "/1", "1:12", 11, "escapes count as written"),
        ]
        for row in rows {
            guard let root = parseOrFail(row.text) else { continue }
            guard let node = root.node(at: pointer(row.pointer)) else {
                XCTFail("\(row.note): no node at \(row.pointer)")
                continue
            }
            XCTAssertEqual(node.position.description, row.position, row.note)
            XCTAssertEqual(node.position.offset, row.offset, row.note)
        }
    }

    func testKeyPositions() throws {
        let text = "{\n  \"id\": 1,\r\n\t\"näme\": {\"x\": 2}, \"last\": 3\n}"
        let root = try XCTUnwrap(parseOrFail(text))
        let members = try XCTUnwrap(root.object?.members)
        XCTAssertEqual(members.map(\.key), ["id", "näme", "last"])
        XCTAssertEqual(members.map(\.keyPosition.description), ["2:3", "3:2", "3:20"])
        XCTAssertEqual(members.map(\.keyPosition.offset), [4, 15, 34])
        XCTAssertEqual(members.map(\.value.position.description), ["2:9", "3:10", "3:28"])
        XCTAssertEqual(root["näme"]?.object?.members.first?.keyPosition.description, "3:11")
    }

    func testPositionOrderingAndDescription() {
        let a = SourcePosition(line: 1, column: 5, offset: 4)
        let b = SourcePosition(line: 2, column: 1, offset: 10)
        XCTAssertLessThan(a, b)
        XCTAssertEqual(a.description, "1:5")
        XCTAssertEqual(SourcePosition.start, SourcePosition(line: 1, column: 1, offset: 0))
    }

    func testInputsOfEveryKindGiveTheSamePositions() throws {
        let text = "{\"k\": [true, \"é\", 3]}"
        let bytes = Array(text.utf8)
        let fromString = try JSONReader.parse(text)
        let fromArray = try JSONReader.parse(bytes)
        let fromData = try JSONReader.parse(Data(bytes))
        let fromSlice = try JSONReader.parse(([0x20] + bytes + [0x20])[1...bytes.count])
        let fromNonContiguous = try JSONReader.parse(AnyCollection(bytes))
        for node in [fromArray, fromData, fromSlice, fromNonContiguous] {
            XCTAssertEqual(node, fromString)
            XCTAssertEqual(node.node(at: pointer("/k/2"))?.position, fromString.node(at: pointer("/k/2"))?.position)
        }
        XCTAssertEqual(fromString.node(at: pointer("/k/2"))?.position.description, "1:19")
        XCTAssertEqual(fromSlice.node(at: pointer("/k/2"))?.position.offset, 19)
    }
}
