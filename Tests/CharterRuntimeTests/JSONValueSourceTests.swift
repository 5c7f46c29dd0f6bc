@testable import CharterRuntime
import Foundation
import XCTest

/// The runtime's decoders read ``JSONValue``s straight from the JSON text (``JSONValueSource``) instead of trying each
/// kind through `JSONDecoder`'s containers: the values must be exactly those the containers give — the same case for
/// each number, the same `Decimal`, the same code points, the first of repeated member names — and where the text
/// holds something the source does not read exactly, the decoder decodes it as before.
final class JSONValueSourceTests: XCTestCase {
    /// Number texts whose decoding depends on `JSONDecoder`'s rules: `Int64` when it reads one (through `Double` for
    /// text with a fraction or exponent), else the `Decimal` of the text, else an error.
    static let numbers = [
        "0", "1", "-0", "-42", "1.0", "-0.0", "0.000", "1e2", "1E+2", "100e-2", "5e0", "10.00e1", "2.0e0", "1.5", "2.50", "-1.5e-3",
        "0.1", "0.30000000000000004", "1.0000000000000001", "0.9999999999999999", "1e-7", "1e-400", "1e20", "1e127", "1e-128",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "9007199254740992.0",
        "9007199254740993.0", "9007199254740993.5", "-9007199254740993.5e0", "9007199254740993", "18446744073709551616", "12345678901234567890.123456789",
        "12345678901234567890123456789012345678901234567890", "123456789012345678901234567890123456789e-10",
        "3.4028236692093846346337460743176821145e38", "1e400", "1e128", "1e-129", "-1e400",
    ]

    /// Rows: a document → whether the source reads all of it (false: the decoder decodes it, as before).
    static let documents: [(json: String, read: Bool, line: UInt)] = [
        (#"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#, true, #line),
        (#"  [ 1 , "x" , { } , [ ] , -0.5 ]  "#, true, #line),
        (#""plain""#, true, #line),
        ("\u{FEFF}{\"bom\": [1]}", true, #line),  // a byte order mark before the text
        (#""h\u00e9llo 🌍 \"q\" \\ \/ \b\f\n\r\t \u0000 \ud834\udd1e""#, true, #line),
        (#"{"caf\u00e9": 1, "café": 2, "a": 1, "a": 2}"#, true, #line),  // the first of each name, as JSONDecoder keeps it
        (#"{"a": {"b": {"c": [[[{"d": 1.25}]]]}}}"#, true, #line),
        (#"{"big": 9223372036854775808, "small": -9223372036854775809}"#, true, #line),  // beyond Int64: a Decimal
        (#"{"a": 9007199254740993.5}"#, false, #line),  // JSONDecoder's Int64 from a Decimal: left to the decoder
        (#"[1e400]"#, false, #line),  // no Decimal holds it: the decoder's error
        (#"["\ud800"]"#, false, #line),  // a lone surrogate: the decoder's error
        (#"{"a": 1, "a": 1e400}"#, false, #line),
    ]

    /// Each number alone, in an array and in an object: the source's value and the containers' agree exactly, or both
    /// refuse it.
    func testNumbersReadAsTheDecoderReadsThem() {
        for text in Self.numbers {
            for json in [text, "[\(text)]", #"{"n": \#(text)}"#] {
                assertSameAsDecoder(json)
            }
        }
    }

    func testDocumentsReadAsTheDecoderReadsThem() {
        for row in Self.documents {
            assertSameAsDecoder(row.json, line: row.line)
            let source = JSONValueSource(Data(row.json.utf8))
            XCTAssertEqual(source.value(at: []) != nil, row.read, row.json, line: row.line)
        }
    }

    /// A model holding free-form values at several depths, in arrays and in maps: each is found by its coding path.
    func testValuesInsideModelsAreFoundByTheirCodingPath() throws {
        struct Item: Decodable, Equatable {
            var name: String
            var extra: JSONValue?
        }
        struct Envelope: Decodable, Equatable {
            var id: Int
            var meta: JSONValue
            var items: [Item]
            var byName: [String: JSONValue]
            var nested: [[JSONValue]]
        }
        let json = #"""
            {"id": 7, "meta": {"n": [1, 2.5, "x"], "t": true},
             "items": [{"name": "a", "extra": {"k": null}}, {"name": "b"}, {"name": "c", "extra": 1e2},
                       {"name": "d", "extra": 9223372036854775808}, {"name": "e", "extra": [9007199254740993.5]}],
             "byName": {"x": [1.0], "y": "z", "a/b": {"~": 0}},
             "nested": [[1, "2"], [], [{"deep": [0.5]}]]}
            """#
        let data = Data(json.utf8)
        let plain = try JSONDecoder().decode(Envelope.self, from: data)
        let sourced = try JSONDecoder().decodeCheckingMemberNames(Envelope.self, from: data)
        XCTAssertEqual(sourced, plain)
        XCTAssertTrue(exactlyEqual(sourced.meta, plain.meta))
        XCTAssertEqual(sourced.items.map(\.extra).map(String.init(describing:)), plain.items.map(\.extra).map(String.init(describing:)))
        for (a, b) in zip(sourced.items, plain.items) {
            XCTAssertTrue(a.extra.map { x in b.extra.map { exactlyEqual(x, $0) } ?? false } ?? (b.extra == nil), a.name)
        }
        for key in plain.byName.keys { XCTAssertTrue(exactlyEqual(sourced.byName[key]!, plain.byName[key]!), key) }
        XCTAssertTrue(exactlyEqual(.array(sourced.nested.map(JSONValue.array)), .array(plain.nested.map(JSONValue.array))))

        let source = JSONValueSource(data)
        let rows: [(path: [AnyCodingKey], value: JSONValue?, line: UInt)] = [
            ([AnyCodingKey("meta"), AnyCodingKey("n"), AnyCodingKey(intValue: 1)], .number(dec("2.5")), #line),
            ([AnyCodingKey("items"), AnyCodingKey(intValue: 2), AnyCodingKey("extra")], .integer(100), #line),
            ([AnyCodingKey("byName"), AnyCodingKey("a/b")], .object(["~": .integer(0)]), #line),
            ([AnyCodingKey("items"), AnyCodingKey(intValue: 3), AnyCodingKey("extra")], .number(dec("9223372036854775808")), #line),
            ([AnyCodingKey("items"), AnyCodingKey(intValue: 4), AnyCodingKey("extra")], nil, #line),  // 2^53 or more, a fraction
            ([AnyCodingKey("items"), AnyCodingKey(intValue: 9)], nil, #line),  // no such item
            ([AnyCodingKey("missing")], nil, #line),
            ([AnyCodingKey("id"), AnyCodingKey("x")], nil, #line),  // a number has no members
        ]
        for row in rows {
            let value = source.value(at: row.path)
            XCTAssertEqual(value, row.value, line: row.line)
            if let value, let expected = row.value { XCTAssertTrue(exactlyEqual(value, expected), line: row.line) }
        }
    }

    /// A decoder that reads its own keys (snake case converted) gets no source: its coding paths are not the text's names.
    func testADecoderWithKeyConversionReadsThroughItsContainers() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        XCTAssertIdentical(decoder.readingJSONValues(from: Data("{}".utf8)), decoder)
        struct Model: Decodable { var someValue: JSONValue }
        let value = try decoder.decodeCheckingMemberNames(Model.self, from: Data(#"{"some_value": 1, "someValue": 2}"#.utf8))
        XCTAssertEqual(value.someValue, .integer(1))
        let plain = JSONDecoder()
        plain.userInfo[CodingUserInfoKey(rawValue: "mine")!] = "kept"
        let sourced = plain.readingJSONValues(from: Data("{}".utf8))
        XCTAssertNotIdentical(sourced, plain)
        XCTAssertEqual(sourced.userInfo[CodingUserInfoKey(rawValue: "mine")!] as? String, "kept")
        XCTAssertNil(plain.userInfo[.jsonValueSource], "the caller's decoder is left as it was")
    }

    /// Rows: a text → its value through `JSONValue(json:)` (nil: refused), as a body is read.
    func testJSONValueFromText() {
        let rows: [(json: String, value: JSONValue?, line: UInt)] = [
            (#"{"a": [1, 2.5, "x", true, null]}"#, .object(["a": .array([.integer(1), .number(dec("2.5")), .string("x"), .bool(true), .null])]), #line),
            (#"{"n": 9223372036854775808}"#, .object(["n": .number(dec("9223372036854775808"))]), #line),
            (#"{"café": 1, "café": 2}"#, nil, #line),  // two names for JSON, one for Swift
            ("[1e400]", nil, #line),
            ("[1,", nil, #line),
        ]
        for row in rows {
            let value = try? JSONValue(json: Data(row.json.utf8))
            XCTAssertEqual(value, row.value, row.json, line: row.line)
            if let value, let expected = row.value { XCTAssertTrue(exactlyEqual(value, expected), row.json, line: row.line) }
        }
    }

    /// Decodes `json` through the containers and through the source: the same value exactly, or an error from both.
    private func assertSameAsDecoder(_ json: String, line: UInt = #line) {
        let data = Data(json.utf8)
        let plain = Result { try JSONDecoder().decode(JSONValue.self, from: data) }
        let sourced = Result { try JSONDecoder().readingJSONValues(from: data).decode(JSONValue.self, from: data) }
        switch (plain, sourced) {
        case let (.success(a), .success(b)):
            XCTAssertTrue(exactlyEqual(a, b), "\(json): \(a) from the containers, \(b) from the source", line: line)
        case let (.failure(a), .failure(b)):
            XCTAssertEqual("\(a)", "\(b)", json, line: line)
        default:
            XCTFail("\(json): \(plain) from the containers, \(sourced) from the source", line: line)
        }
    }
}

/// Whether two values are the very same JSON value: the same case for each number and the same `Decimal` (value and
/// exponent), strings and member names the same code points.
func exactlyEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case let (.bool(x), .bool(y)): return x == y
    case let (.integer(x), .integer(y)): return x == y
    case let (.number(x), .number(y)): return x == y && x.exponent == y.exponent && x.description == y.description
    case let (.string(x), .string(y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy(exactlyEqual)
    case let (.object(x), .object(y)):
        return x.count == y.count && x.allSatisfy { key, value in
            guard let other = y.first(where: { $0.key == key }) else { return false }
            return other.key.unicodeScalars.elementsEqual(key.unicodeScalars) && exactlyEqual(value, other.value)
        }
    default: return false
    }
}
