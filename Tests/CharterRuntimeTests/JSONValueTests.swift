import CharterRuntime
import Foundation
import XCTest

final class JSONValueTests: XCTestCase {
    func testDecodesEachKindExactly() throws {
        let rows: [(json: String, expected: JSONValue, line: UInt)] = [
            ("null", .null, #line),
            ("true", .bool(true), #line),
            ("false", .bool(false), #line),
            ("0", .integer(0), #line),
            ("1", .integer(1), #line),
            ("-42", .integer(-42), #line),
            ("9223372036854775807", .integer(.max), #line),
            ("-9223372036854775808", .integer(.min), #line),
            ("9223372036854775808", .number(dec("9223372036854775808")), #line),
            ("1.5", .number(dec("1.5")), #line),
            ("-0.000000001", .number(dec("-0.000000001")), #line),
            ("12345678901234567890.123456789", .number(dec("12345678901234567890.123456789")), #line),
            ("1e-7", .number(dec("0.0000001")), #line),
            (#""hello""#, .string("hello"), #line),
            (#""""#, .string(""), #line),
            (#""h\u00e9llo 🌍 \"q\" \\ \n""#, .string("héllo 🌍 \"q\" \\ \n"), #line),
            ("[]", .array([]), #line),
            ("{}", .object([:]), #line),
            (#"[1, "a", null, [true]]"#, .array([.integer(1), .string("a"), .null, .array([.bool(true)])]), #line),
            (#"{"a": {"b": [1.25, {"c": null}]}, "ü": "ß"}"#,
             .object(["a": .object(["b": .array([.number(dec("1.25")), .object(["c": .null])])]), "ü": .string("ß")]), #line),
        ]
        for row in rows {
            let decoded = try decodeJSON(JSONValue.self, row.json)
            XCTAssertEqual(decoded, row.expected, row.json, line: row.line)
            XCTAssertTrue(sameCase(decoded, row.expected), "\(row.json) decoded as \(decoded)", line: row.line)
        }
    }

    func testBooleansAndNumbersNeverCrossOver() throws {
        XCTAssertEqual(try decodeJSON([JSONValue].self, "[true, 1, false, 0]").map(kind), ["bool", "integer", "bool", "integer"])
        // 1.0 and 1e2 are integral: they decode as integers (equal to the decimal anyway).
        XCTAssertEqual(try decodeJSON([JSONValue].self, "[1.0, 1e2, 1.5]").map(kind), ["integer", "integer", "number"])
    }

    func testBigDecimalSurvivesExactly() throws {
        let text = "12345678901234567890.123456789"
        let value = try decodeJSON(JSONValue.self, text)
        guard case .number(let decimal) = value else { return XCTFail("not a number: \(value)") }
        XCTAssertEqual(decimal.description, text)
        XCTAssertEqual(try encodeJSON(value), text)
    }

    func testRoundTrips() throws {
        let rows: [(json: String, line: UInt)] = [
            ("null", #line), ("true", #line), ("-7", #line), ("0.1", #line),
            ("123456789012345678901234567890", #line),
            ("-12345678901234567890.123456789", #line),
            (#""unicode: é 中文 🌍 \u0001""#, #line),
            (#"[1,2.5,"x",[],{},null,false]"#, #line),
            (#"{"a":[{"b":{"c":[1,{"d":"e"}]}}],"z":-0.5}"#, #line),
        ]
        for row in rows {
            let value = try decodeJSON(JSONValue.self, row.json)
            let encoded = try encodeJSON(value)
            XCTAssertEqual(try decodeJSON(JSONValue.self, encoded), value, row.json, line: row.line)
            XCTAssertEqual(try decodeJSON(JSONValue.self, value.description), value, "description of \(row.json)", line: row.line)
        }
        XCTAssertEqual(try encodeJSON(JSONValue.number(dec("0.1"))), "0.1")
        XCTAssertEqual(try encodeJSON(["k": JSONValue.array([1, 2.5, "s", nil, true])]), #"{"k":[1,2.5,"s",null,true]}"#)
    }

    func testNumbersCompareAndHashByValue() {
        let equalRows: [(JSONValue, JSONValue, UInt)] = [
            (.integer(1), .number(1), #line),
            (.integer(1), .number(dec("1.0")), #line),
            (.number(dec("1e2")), .integer(100), #line),
            (.integer(.max), .number(dec("9223372036854775807")), #line),
            (.array([.integer(1)]), .array([.number(dec("1.00"))]), #line),
            (.object(["a": .integer(2)]), .object(["a": .number(2)]), #line),
        ]
        for (lhs, rhs, line) in equalRows {
            XCTAssertEqual(lhs, rhs, line: line)
            XCTAssertEqual(rhs, lhs, line: line)
            XCTAssertEqual(lhs.hashValue, rhs.hashValue, line: line)
        }
        let differentRows: [(JSONValue, JSONValue, UInt)] = [
            (.integer(1), .number(dec("1.5")), #line),
            (.integer(1), .bool(true), #line),
            (.integer(0), .null, #line),
            (.string("1"), .integer(1), #line),
            (.array([]), .object([:]), #line),
        ]
        for (lhs, rhs, line) in differentRows {
            XCTAssertNotEqual(lhs, rhs, line: line)
        }
        XCTAssertEqual(Set<JSONValue>([.integer(3), .number(3), .number(dec("3.0")), .string("3")]).count, 2)
    }

    func testLiteralsAccessorsAndSubscripts() {
        let value: JSONValue = ["name": "Widget", "price": 19.99, "count": 3, "tags": ["a", "b"], "gone": nil, "ok": true]
        XCTAssertEqual(value["name"]?.stringValue, "Widget")
        XCTAssertEqual(value["price"]?.numberValue, dec("19.99"), "float literal goes through its decimal spelling")
        XCTAssertEqual(value["price"]?.doubleValue, 19.99)
        XCTAssertNil(value["price"]?.integerValue)
        XCTAssertEqual(value["count"]?.integerValue, 3)
        XCTAssertEqual(value["count"]?.numberValue, 3)
        XCTAssertEqual(JSONValue.number(dec("4.0")).integerValue, 4)
        XCTAssertEqual(value["tags"]?[1], "b")
        XCTAssertNil(value["tags"]?[2])
        XCTAssertNil(value["tags"]?[-1])
        XCTAssertEqual(value["tags"]?.arrayValue?.count, 2)
        XCTAssertEqual(value["gone"]?.isNull, true)
        XCTAssertEqual(value["ok"]?.boolValue, true)
        XCTAssertNil(value["missing"])
        XCTAssertNil(value[0], "index into an object")
        XCTAssertNil(JSONValue.string("x")["a"], "key into a string")
        XCTAssertEqual(value.objectValue?.count, 6)
        XCTAssertNil(JSONValue.null.boolValue)
    }

    func testDescriptionIsSortedCompactJSON() {
        let value: JSONValue = ["b": [1, 2.5], "a": "x\"\n\u{1}", "c": nil]
        XCTAssertEqual(value.description, #"{"a":"x\"\n\u0001","b":[1,2.5],"c":null}"#)
    }

    func testRejectsNumbersOutsideDecimalRange() {
        XCTAssertThrowsError(try decodeJSON(JSONValue.self, "1e400"))
    }

    private func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Structural equality that, unlike `==`, tells `.integer` from `.number`.
    private func sameCase(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.array(a), .array(b)): return a.count == b.count && zip(a, b).allSatisfy(sameCase)
        case let (.object(a), .object(b)):
            return Set(a.keys) == Set(b.keys) && a.allSatisfy { key, value in sameCase(value, b[key]!) }
        default: return kind(lhs) == kind(rhs) && lhs == rhs
        }
    }
}
