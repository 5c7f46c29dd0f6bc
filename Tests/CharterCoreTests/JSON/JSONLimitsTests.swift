import XCTest
@testable import CharterCore

final class JSONLimitsTests: XCTestCase {
    func testHundredThousandOpeningBracketsFailCleanly() throws {
        let error = try XCTUnwrap(parseError(String(repeating: "[", count: 100_000)))
        XCTAssertEqual(error.message, "nesting deeper than 512 levels")
        XCTAssertEqual(error.position, SourcePosition(line: 1, column: 513, offset: 512))
        XCTAssertEqual(error.pointer.tokens.count, 512)
    }

    func testDeepObjectsFailCleanly() throws {
        let error = try XCTUnwrap(parseError(String(repeating: "{\"a\":", count: 100_000)))
        XCTAssertEqual(error.message, "nesting deeper than 512 levels")
        XCTAssertEqual(error.position.offset, 512 * 5)
        XCTAssertEqual(error.pointer, JSONPointer(tokens: Array(repeating: "a", count: 512)))
    }

    func testExactlyMaxDepthIsAcceptedAndUsable() throws {
        let depth = 512
        let text = String(repeating: "[", count: depth) + "0" + String(repeating: "]", count: depth)
        let node = try JSONReader.parse(text)
        // Equality, hashing and writing recurse per level: fine at the limit.
        let again = try JSONReader.parse(JSONWriter.write(node, pretty: true))
        XCTAssertEqual(node, again)
        XCTAssertEqual(node.hashValue, again.hashValue)
        XCTAssertEqual(JSONWriter.write(node), text)
        XCTAssertNotNil(node.node(at: JSONPointer(tokens: Array(repeating: "0", count: depth))))

        let tooDeep = "[" + text + "]"
        XCTAssertEqual(parseError(tooDeep)?.position.description, "1:513")
        let emptyTooDeep = String(repeating: "[", count: depth) + "[]" + String(repeating: "]", count: depth)
        XCTAssertEqual(parseError(emptyTooDeep)?.message, "nesting deeper than 512 levels")
        let objects = String(repeating: "{\"k\":", count: depth) + "{}" + String(repeating: "}", count: depth)
        XCTAssertNotNil(parseError(objects))
    }

    func testCustomDepth() {
        let options = JSONReaderOptions(maxDepth: 2)
        XCTAssertNotNil(parseOrFail("[[1], {\"a\": 2}, []]", options: options))
        XCTAssertEqual(parseError("[[[1]]]", options: options)?.message, "nesting deeper than 2 levels")
        XCTAssertEqual(parseError("[{\"a\": {}}]", options: options)?.pointer, pointer("/0/a"))
        XCTAssertNotNil(parseOrFail("1", options: JSONReaderOptions(maxDepth: 0)))
        XCTAssertNotNil(parseError("[]", options: JSONReaderOptions(maxDepth: 0)))
    }

    func testDuplicateKeysNameBothPositions() throws {
        let error = try XCTUnwrap(parseError("{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}"))
        XCTAssertEqual(error.message, "duplicate key \"a\" at 4:3 (first defined at 2:3)")
        XCTAssertEqual(error.position, SourcePosition(line: 4, column: 3, offset: 24))
        XCTAssertEqual(error.relatedPosition, SourcePosition(line: 2, column: 3, offset: 4))
        XCTAssertEqual(error.pointer, pointer("/a"), "the duplicated member")
    }

    func testDuplicateKeysInLargeAndNestedObjects() throws {
        let members = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let large = try XCTUnwrap(parseError("{\"outer\": {\(members), \"k7\": 0}}"))
        XCTAssertTrue(large.message.hasPrefix("duplicate key \"k7\""), large.message)
        XCTAssertEqual(large.pointer, pointer("/outer/k7"))
        XCTAssertEqual(large.relatedPosition?.offset, 11 + members.range(of: "\"k7\"")!.lowerBound.utf16Offset(in: members))
        let escaped = try XCTUnwrap(parseError("{\"q\\\"\": 1, \"q\\u0022\": 2}"))
        XCTAssertEqual(escaped.message, "duplicate key \"q\\\"\" at 1:12 (first defined at 1:2)")
        // The same key in sibling objects is fine.
        XCTAssertNotNil(parseOrFail("[{\"a\": 1}, {\"a\": 2}, {\"a\": {\"a\": 3}}]"))
    }

    func testLongInputsStayLinear() throws {
        let count = 200_000
        let text = "[" + (0..<count).map { "{\"id\":\($0),\"name\":\"item \($0)\"}" }.joined(separator: ",") + "]"
        let node = try JSONReader.parse(text)
        XCTAssertEqual(node.array?.count, count)
        XCTAssertEqual(node.array?.last?["id"]?.number?.intValue, count - 1)
        let wide = "{" + (0..<50_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"
        XCTAssertEqual(try JSONReader.parse(wide).object?.count, 50_000)
    }
}
