import XCTest
@testable import CharterCore

/// `type` reads into ``JSONType`` values: names compared byte for byte, one name or a list, repeats dropped, and
/// anything else an error at the name.
final class SchemaTypeKeywordTests: XCTestCase {
    /// Rows: a spelling → the type it names, or nil.
    func testTypeNames() {
        let rows: [(String, JSONType?)] = [
            ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
            ("number", .number), ("string", .string), ("integer", .integer),
            ("", nil), ("Null", nil), ("nul", nil), ("nulls", nil), ("numbers", nil), ("strinG", nil), (" string", nil),
            ("integer ", nil), ("bool", nil), ("any", nil), ("b", nil), ("n", nil),
            ("s\u{0074}ring", .string), ("st\u{0072}\u{0069}ng", .string),
        ]
        for (spelling, expected) in rows {
            XCTAssertEqual(JSONType(rawValue: spelling), expected, spelling.debugDescription)
        }
        for type in JSONType.allCases { XCTAssertEqual(JSONType(rawValue: type.rawValue), type) }
    }

    /// Rows: a `type` value → the types the loaded schema holds, or the error's message fragment.
    func testTypeKeyword() throws {
        let rows: [(value: String, types: [JSONType]?, error: String?)] = [
            (#""string""#, [.string], nil),
            (#"["string", "null"]"#, [.string, .null], nil),
            (#"["integer", "integer", "null"]"#, [.integer, .null], nil),
            (#"[]"#, [], nil),
            (#""strin""#, nil, "unknown type \"strin\""),
            (#"["string", "Null"]"#, nil, "unknown type \"Null\""),
            (#"3"#, nil, "\"type\" must be a type name or an array of type names"),
        ]
        for row in rows {
            let result = ContractFixture(#"{"$defs": {"A": {"type": "# + row.value + "}}}").load()
            switch (result, row.error) {
            case (.success(let graph), nil):
                let schema = try XCTUnwrap(graph.schema(in: "a.json", at: "/$defs/A"), row.value)
                XCTAssertEqual(schema.types, row.types, row.value)
            case (.failure(let error), let expected?):
                XCTAssertTrue(error.diagnostics.contains { $0.message.contains(expected) }, "\(row.value): \(error.diagnostics.map(\.message))")
            default:
                XCTFail("\(row.value): \(result)")
            }
        }
    }
}
