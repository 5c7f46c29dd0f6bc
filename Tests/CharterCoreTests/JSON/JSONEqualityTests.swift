import XCTest
@testable import CharterCore

final class JSONEqualityTests: XCTestCase {
    /// Rows: two documents that are equal as JSON despite different text.
    func testEqualDocuments() throws {
        let rows: [(String, String)] = [
            ("{\"a\":1,\"b\":[1,2]}", "{ \"b\": [1, 2],\n  \"a\": 1 }"),
            ("[1, 1e2, -0]", "[1.0, 100, 0]"),
            ("{\"x\": {\"p\": \"q\", \"r\": null}}", "{\"x\": {\"r\": null, \"p\": \"q\"}}"),
            ("\"\\u00e9\"", "\"é\""),
            ("\"\\ud83d\\ude00\"", "\"😀\""),
            ("{}", " { } "),
        ]
        for (a, b) in rows {
            let x = try XCTUnwrap(parseOrFail(a)), y = try XCTUnwrap(parseOrFail(b))
            XCTAssertEqual(x, y, "\(a) == \(b)")
            XCTAssertEqual(x.hashValue, y.hashValue, "hash(\(a)) == hash(\(b))")
        }
    }

    /// Rows: two documents that differ as JSON.
    func testDifferentDocuments() throws {
        let rows: [(String, String)] = [
            ("[1,2]", "[2,1]"), ("[1]", "[1,1]"), ("{\"a\":1}", "{\"a\":1,\"b\":2}"), ("{\"a\":1}", "{\"A\":1}"),
            ("{\"a\":null}", "{}"), ("1", "\"1\""), ("true", "1"), ("null", "false"), ("[]", "{}"),
            ("0.1", "0.10000000000000001"),
            // Canonically equivalent but different scalars: JSON compares code points.
            ("\"\\u00e9\"", "\"e\\u0301\""), ("{\"\\u00e9\":1}", "{\"e\\u0301\":1}"),
        ]
        for (a, b) in rows {
            let x = try XCTUnwrap(parseOrFail(a)), y = try XCTUnwrap(parseOrFail(b))
            XCTAssertNotEqual(x, y, "\(a) != \(b)")
        }
    }

    func testPositionsAreIgnored() {
        let a = JSONNode(.string("x"), position: SourcePosition(line: 1, column: 1, offset: 0))
        let b = JSONNode(.string("x"), position: SourcePosition(line: 9, column: 9, offset: 99))
        XCTAssertEqual(a, b)
        XCTAssertEqual(Set([a, b]).count, 1)
        XCTAssertEqual(JSONMember(key: "k", keyPosition: .start, value: a),
                       JSONMember(key: "k", keyPosition: b.position, value: b))
    }

    func testCanonicallyEquivalentKeysAreDistinctKeys() throws {
        let root = try XCTUnwrap(parseOrFail("{\"\\u00e9\": 1, \"e\\u0301\": 2}"))
        XCTAssertEqual(root.object?.count, 2)
        XCTAssertEqual(root["\u{E9}"]?.number, JSONNumber(1))
        XCTAssertEqual(root["e\u{301}"]?.number, JSONNumber(2))
    }

    func testLargeObjectsUseKeyedLookupAndIgnoreOrder() throws {
        let keys = (0..<200).map { "key\($0)" }
        let forward = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ",") + "}"
        let backward = "{" + keys.enumerated().reversed().map { "\"\($1)\": \($0).0" }.joined(separator: ",") + "}"
        let a = try XCTUnwrap(parseOrFail(forward)), b = try XCTUnwrap(parseOrFail(backward))
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.hashValue, b.hashValue)
        XCTAssertEqual(a.object?.keys, keys)
        XCTAssertEqual(b["key150"]?.number?.intValue, 150)
        XCTAssertNil(a["key200"])
        var changed = try XCTUnwrap(b.object)
        changed.members[0].value = JSONNode(.null)
        XCTAssertNotEqual(JSONNode(.object(changed)), a)
        XCTAssertTrue(changed["key199"]?.isNull ?? false)
    }

    func testObjectBuiltInCode() {
        var object = JSONObject(members: [
            JSONMember(key: "a", value: JSONNode(.bool(true))),
            JSONMember(key: "b", value: JSONNode(.null)),
        ])
        XCTAssertEqual(object.keys, ["a", "b"])
        XCTAssertEqual(object["a"]?.bool, true)
        XCTAssertTrue(object.contains(key: "b"))
        XCTAssertFalse(object.contains(key: "c"))
        object.members.append(contentsOf: (0..<20).map { JSONMember(key: "k\($0)", value: JSONNode(.number(JSONNumber($0)))) })
        XCTAssertEqual(object["k19"]?.number?.intValue, 19)
        XCTAssertEqual(object.member(named: "k3")?.key, "k3")
        object.members.removeAll()
        XCTAssertNil(object["a"])
        XCTAssertTrue(object.isEmpty)
    }

    func testDuplicateKeysWhenAllowedUseTheLastOccurrence() throws {
        let options = JSONReaderOptions(allowDuplicateKeys: true)
        let small = try XCTUnwrap(parseOrFail("{\"a\": 1, \"b\": 0, \"a\": 2}", options: options))
        XCTAssertEqual(small.object?.keys, ["a", "b", "a"])
        XCTAssertEqual(small["a"]?.number?.intValue, 2)
        XCTAssertEqual(small, parseOrFail("{\"b\": 0, \"a\": 2}"))
        XCTAssertNotEqual(small, parseOrFail("{\"b\": 0, \"a\": 1}"))
        XCTAssertEqual(small.hashValue, parseOrFail("{\"b\": 0, \"a\": 2}")?.hashValue)

        let many = (0..<30).map { "\"k\($0 % 20)\": \($0)" }.joined(separator: ", ")
        let large = try XCTUnwrap(parseOrFail("{\(many)}", options: options))
        XCTAssertEqual(large.object?.count, 30)
        XCTAssertEqual(large["k5"]?.number?.intValue, 25)
        XCTAssertEqual(large["k15"]?.number?.intValue, 15)
        let lastOnly = "{" + (10..<30).map { "\"k\($0 % 20)\": \($0)" }.joined(separator: ", ") + "}"
        XCTAssertEqual(large, parseOrFail(lastOnly))
    }

    func testConvenienceAccessors() throws {
        let root = try XCTUnwrap(parseOrFail("{\"s\": \"x\", \"b\": false, \"n\": 3, \"a\": [null], \"o\": {}}"))
        XCTAssertEqual(root["s"]?.string, "x")
        XCTAssertEqual(root["b"]?.bool, false)
        XCTAssertEqual(root["n"]?.number?.intValue, 3)
        XCTAssertEqual(root["a"]?.array?.count, 1)
        XCTAssertEqual(root["a"]?[0]?.isNull, true)
        XCTAssertNil(root["a"]?[1])
        XCTAssertEqual(root["o"]?.object?.isEmpty, true)
        XCTAssertNil(root["s"]?.bool)
        XCTAssertNil(root["missing"])
        XCTAssertNil(root["s"]?["x"])
        XCTAssertEqual(root.value.typeName, "object")
        XCTAssertEqual(root["a"]?.value.typeName, "array")
    }
}
