import XCTest
@testable import CharterCore

/// ``InstanceValidator`` on the keywords contracts use, a row a case: a schema (`$defs/T` of a file), a value → every
/// problem (`at pointer (keyword): message`). The JSON-Schema-Test-Suite run is `InstanceValidatorSuiteTests`.
final class InstanceValidatorTests: XCTestCase {
    /// The problems of `instance` (JSON text) against `$defs/T` of `a.json` (beside `$defs/S`, a string; plus any other files).
    private func problems(_ schema: String, _ instance: String, others: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) -> [String] {
        var files = others
        files["a.json"] = #"{"$defs": {"S": {"type": "string"}, "T": "# + schema + "}}"
        guard let graph = ContractFixture(files, inputs: ["a.json"]).load().value(schema, file: file, line: line),
              let target = graph.schema(in: "a.json", at: "/$defs/T"),
              let value = try? JSONReader.parse(instance)
        else { XCTFail("\(schema) / \(instance) does not load", file: file, line: line); return [] }
        return InstanceValidator(graph: graph).problems(of: value, against: target.id).map(\.description)
    }

    func testTypesAndValues() {
        let rows: [(schema: String, instance: String, expected: [String])] = [
            (#"{"type": "integer"}"#, "1.0", []),  // an integer however written
            (#"{"type": "integer"}"#, "1e2", []),
            (#"{"type": "integer"}"#, "1.5", ["at the root (type): expected integer, found number 1.5"]),
            (#"{"type": "integer"}"#, "12345678901234567890123456789012345678901", []),  // exact, not an Int
            (#"{"type": "string"}"#, "19.99", ["at the root (type): expected string, found number 19.99"]),
            (#"{"type": ["string", "null"]}"#, "null", []),
            (#"{"type": "string", "nullable": true}"#, "null", []),  // OpenAPI 3.0's form
            (#"{"type": "boolean"}"#, "[1, 2]", ["at the root (type): expected boolean, found an array of 2 elements"]),
            (#"{"enum": [1, "a", null]}"#, "1.0", []),  // JSON equality: 1 == 1.0
            (#"{"enum": ["draft", "issued"]}"#, "5", [#"at the root (enum): 5 is not one of "draft", "issued""#]),
            (#"{"enum": [{"a": [1, 2]}]}"#, #"{"a": [1, 2.0]}"#, []),
            (#"{"enum": ["é"]}"#, "\"e\\u0301\"", [#"at the root (enum): "é" is not one of "é""#]),  // code points, not canonical equivalence
            (#"{"const": 0}"#, "-0.0", []),
            (#"{"const": false}"#, "0", ["at the root (const): 0 is not the constant false"]),
            ("false", "1", ["at the root (false): no value is allowed here: the schema is false"]),
            ("true", "1", []),
        ]
        for row in rows { XCTAssertEqual(problems(row.schema, row.instance), row.expected, "\(row.schema) / \(row.instance)") }
    }

    /// Numbers compare and divide exactly on their digits, never through `Double`.
    func testNumbers() {
        let rows: [(schema: String, instance: String, expected: [String])] = [
            (#"{"minimum": 0.1}"#, "0.1", []),
            (#"{"minimum": 0.1}"#, "0.09999999999999999999", ["at the root (minimum): 0.09999999999999999999 is less than the minimum 0.1"]),
            (#"{"maximum": 1e400}"#, "1e399", []),
            (#"{"exclusiveMinimum": 0}"#, "0.0", ["at the root (exclusiveMinimum): 0.0 is not greater than 0"]),
            (#"{"exclusiveMaximum": 10}"#, "9.9999", []),
            (#"{"multipleOf": 0.1}"#, "0.3", []),  // 0.3 / 0.1 is 2.9999999999999996 in Double
            (#"{"multipleOf": 0.01}"#, "19.99", []),
            (#"{"multipleOf": 0.01}"#, "19.995", ["at the root (multipleOf): 19.995 is not a multiple of 0.01"]),
            (#"{"multipleOf": 3}"#, "1e30", ["at the root (multipleOf): 1e30 is not a multiple of 3"]),
            (#"{"multipleOf": 7}"#, "7e300", []),
            (#"{"multipleOf": 2.5}"#, "-7.5", []),
            (#"{"multipleOf": 0.5}"#, "0.25", ["at the root (multipleOf): 0.25 is not a multiple of 0.5"]),
            // A decimal string is bounded by its value, as generated code checks it.
            (#"{"type": "string", "format": "decimal", "minimum": 0, "multipleOf": 0.01}"#, #""-0.015""#,
             [#"at the root (minimum): "-0.015" is less than the minimum 0"#, #"at the root (multipleOf): "-0.015" is not a multiple of 0.01"#]),
            (#"{"type": "string", "minimum": 5}"#, #""1""#, []),  // any other string is not a number
        ]
        for row in rows { XCTAssertEqual(problems(row.schema, row.instance), row.expected, "\(row.schema) / \(row.instance)") }
    }

    func testStrings() {
        let rows: [(schema: String, instance: String, expected: [String])] = [
            (#"{"maxLength": 2}"#, #""😀é""#, []),  // two code points
            (#"{"maxLength": 2}"#, "\"e\\u0301x\"", ["at the root (maxLength): \"éx\" has 3 characters, more than 2"]),  // combining mark counts
            (#"{"minLength": 1}"#, #""""#, [#"at the root (minLength): "" has 0 characters, fewer than 1"#]),
            (#"{"pattern": "^SEL-[0-9]+$"}"#, #""SEL-12""#, []),
            (#"{"pattern": "^SEL-[0-9]+$"}"#, #""SEL-12\n""#, [#"at the root (pattern): "SEL-12\n" does not match ^SEL-[0-9]+$"#]),  // ECMA-262 $
            (#"{"pattern": "^\\d+$"}"#, #""١٢٣""#, [#"at the root (pattern): "١٢٣" does not match ^\d+$"#]),  // ECMA-262 \d is ASCII
            (#"{"pattern": "[0-9]"}"#, #""a1b""#, []),  // unanchored: a match anywhere
            (#"{"pattern": "^[A-Z+$"}"#, #""x""#, []),  // does not compile: pattern-compiles' finding, not the value's
            (#"{"pattern": "^a$"}"#, "5", []),  // applies to strings only
        ]
        for row in rows { XCTAssertEqual(problems(row.schema, row.instance), row.expected, "\(row.schema) / \(row.instance)") }
    }

    /// The formats generated code types are asserted as it decodes them; others are annotations.
    func testFormats() {
        let rows: [(format: String, instance: String, valid: Bool)] = [
            ("date-time", "2026-05-01T10:00:00Z", true),
            ("date-time", "2026-05-01t10:00:00.123456789z", true),
            ("date-time", "2026-05-01T10:00:00+05:30", true),
            ("date-time", "2026-12-31T23:59:60Z", true),  // a leap second
            ("date-time", "2026-05-01T10:00:00", false),  // no offset
            ("date-time", "2026-05-01 10:00:00Z", false),
            ("date-time", "2026-02-29T10:00:00Z", false),
            ("date-time", "2026-05-01T24:00:00Z", false),
            ("date-time", "2026-05-01T10:00:00.Z", false),
            ("date-time", "2026-05-01T10:00:00+0530", false),
            ("date-time", "0001-01-01T00:00:00+01:00", false),  // 0000-12-31T23:00:00Z
            ("date-time", "0001-01-01T00:00:00-01:00", true),
            ("date-time", "9999-12-31T23:59:60Z", false),  // folds onto 10000-01-01
            ("date", "2028-02-29", true),
            ("date", "2026-02-29", false),
            ("date", "0000-01-01", false),
            ("date", "2026-1-01", false),
            ("uuid", "0b7e3f9a-5c1d-4e8b-9f2a-6d4c3b2a1908", true),
            ("uuid", "0B7E3F9A-5C1D-4E8B-9F2A-6D4C3B2A1908", true),
            ("uuid", "0b7e3f9a5c1d4e8b9f2a6d4c3b2a1908", false),
            ("uuid", "not-a-uuid", false),
            ("uri", "https://example.com/a%20b#top", true),
            ("uri", "relative/path", false),
            ("uri", "https://example.com/a b", false),
            ("decimal", "19.99", true),
            ("decimal", "-0.5", true),
            ("decimal", "1e5", false),
            ("decimal", "01.5", false),
            ("decimal", ".5", false),
            ("decimal", "1.", false),
            ("decimal", "123456789012345678901234567890123456789", false),  // 39 digits: Decimal cannot hold it
            ("email", "store-ops@retail.example", true),
            ("email", "store-ops", false),
            ("email", "store ops@retail.example", false),
            ("uri-reference", "not a uri", true),  // an annotation
            ("hostname", "-bad-", true),
        ]
        for row in rows {
            let found = problems(#"{"type": "string", "format": "\#(row.format)"}"#, JSONWriter.quoted(row.instance))
            XCTAssertEqual(found.isEmpty, row.valid, "\(row.format) \(row.instance): \(found)")
            XCTAssertTrue(found.allSatisfy { $0.hasPrefix("at the root (format): ") }, "\(found)")
        }
        let numbers: [(format: String, instance: String, expected: [String])] = [
            ("int32", "2147483647", []),
            ("int32", "2147483648", ["at the root (format): 2147483648 is outside the range of int32 (-2147483648 to 2147483647)"]),
            ("int32", "-2147483648.0", []),
            ("int64", "9223372036854775808", ["at the root (format): 9223372036854775808 is outside the range of int64 (-9223372036854775808 to 9223372036854775807)"]),
            ("uuid", "5", []),  // string formats ignore numbers
        ]
        for row in numbers {
            XCTAssertEqual(problems(#"{"format": "\#(row.format)"}"#, row.instance), row.expected, "\(row.format) \(row.instance)")
        }
    }

    func testObjects() {
        let rows: [(schema: String, instance: String, expected: [String])] = [
            (#"{"type": "object", "required": ["a", "b"], "properties": {"a": {"type": "string"}}}"#, #"{"a": 1}"#,
             [#"at the root (required): required property "b" is missing"#, "at /a (type): expected string, found number 1"]),
            (#"{"properties": {"a": {"type": "string"}}, "additionalProperties": false}"#, #"{"a": "x", "b": 1}"#,
             [#"at /b (additionalProperties): property "b" is not allowed (additionalProperties is false)"#]),
            (#"{"patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#, #"{"x-a": "s", "n": 2, "m": "3"}"#,
             [#"at /m (type): expected integer, found string "3""#]),
            (#"{"propertyNames": {"pattern": "^[a-z]+$"}}"#, #"{"ok": 1, "Bad": 2}"#,
             [#"at /Bad (propertyNames): property name: "Bad" does not match ^[a-z]+$ (pattern)"#]),
            (#"{"dependentRequired": {"card": ["expiry"]}}"#, #"{"card": "4111"}"#,
             [#"at the root (dependentRequired): property "expiry" is missing, and "card" requires it"#]),
            (#"{"dependentSchemas": {"card": {"required": ["cvc"]}}}"#, #"{"card": "4111"}"#, [#"at the root (required): required property "cvc" is missing"#]),
            (#"{"minProperties": 2, "maxProperties": 3}"#, #"{"a": 1}"#, ["at the root (minProperties): an object of 1 member, fewer than 2"]),
            (#"{"required": ["a"]}"#, "[1]", []),  // object keywords ignore other values
            // unevaluatedProperties sees what `allOf`, `$ref` and matching alternatives evaluated.
            (#"{"allOf": [{"properties": {"a": {}}}], "anyOf": [{"properties": {"b": {}}}, {"required": ["zzz"]}], "unevaluatedProperties": false}"#,
             #"{"a": 1, "b": 2, "c": 3}"#, [#"at /c (unevaluatedProperties): property "c" is not allowed (unevaluatedProperties is false)"#]),
        ]
        for row in rows { XCTAssertEqual(problems(row.schema, row.instance), row.expected, "\(row.schema) / \(row.instance)") }
    }

    func testArrays() {
        let rows: [(schema: String, instance: String, expected: [String])] = [
            (#"{"items": {"type": "integer"}, "minItems": 2, "maxItems": 3}"#, #"[1, "2", 3, 4]"#,
             ["at the root (maxItems): an array of 4 elements, more than 3", #"at /1 (type): expected integer, found string "2""#]),
            (#"{"uniqueItems": true}"#, #"[1, {"a": 1}, 1.0]"#, ["at /2 (uniqueItems): element 2 equals element 0, and elements must be unique"]),
            (#"{"uniqueItems": true}"#, #"[{"a": 1, "b": 2}, {"b": 2, "a": 1.0}]"#, ["at /1 (uniqueItems): element 1 equals element 0, and elements must be unique"]),
            (#"{"uniqueItems": true}"#, #"[1, true, "1", [1], null]"#, []),
            (#"{"prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}"#, #"["a", 1, true]"#,
             ["at /2 (items): no element is allowed past the 2 prefixItems schemas (items is false)"]),
            (#"{"contains": {"type": "string"}, "minContains": 2, "maxContains": 3}"#, #"[1, "a"]"#,
             ["at the root (minContains): 1 element match the schema under contains, fewer than 2"]),
            (#"{"contains": {"type": "string"}}"#, "[1, 2]", ["at the root (contains): no element matches the schema under contains"]),
            (#"{"prefixItems": [true], "contains": {"type": "string"}, "unevaluatedItems": false}"#, #"[1, "a", 2]"#,
             ["at /2 (unevaluatedItems): element 2 is not allowed (unevaluatedItems is false)"]),
        ]
        for row in rows { XCTAssertEqual(problems(row.schema, row.instance), row.expected, "\(row.schema) / \(row.instance)") }
    }

    func testComposition() {
        let rows: [(schema: String, instance: String, expected: [String])] = [
            (#"{"allOf": [{"type": "string"}, {"maxLength": 2}]}"#, #""abc""#, [#"at the root (maxLength): "abc" has 3 characters, more than 2"#]),
            (#"{"anyOf": [{"type": "string"}, {"type": "null"}]}"#, "null", []),
            // The alternative the value got furthest into is named, with its deepest problem.
            (#"{"anyOf": [{"type": "null"}, {"type": "object", "properties": {"amount": {"type": "string", "format": "decimal"}}}]}"#, #"{"amount": "x"}"#,
             [#"at the root (anyOf): matches none of the 2 alternatives; the closest, alternative 1, fails at /amount (format): "x" is not a decimal string -?(0|[1-9][0-9]*)(.[0-9]+)? of at most 38 digits"#]),
            (#"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"#, "3", ["at the root (oneOf): matches 2 of the 2 alternatives (0, 1), where exactly one must match"]),
            (#"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"#, "-3", []),
            (#"{"not": {"type": "null"}}"#, "null", ["at the root (not): matches the schema under not, which it must not"]),
            (#"{"if": {"properties": {"kind": {"const": "card"}}}, "then": {"required": ["last4"]}, "else": {"required": ["iban"]}}"#, #"{"kind": "card"}"#,
             [#"at the root (required): required property "last4" is missing"#]),
            (#"{"if": {"properties": {"kind": {"const": "card"}}}, "then": {"required": ["last4"]}, "else": {"required": ["iban"]}}"#, #"{"kind": "bank"}"#,
             [#"at the root (required): required property "iban" is missing"#]),
            // `$ref` beside other keywords: both apply.
            (##"{"$ref": "#/$defs/S", "maxLength": 2}"##, #""abc""#, [#"at the root (maxLength): "abc" has 3 characters, more than 2"#]),
        ]
        for row in rows { XCTAssertEqual(problems(row.schema, row.instance), row.expected, "\(row.schema) / \(row.instance)") }
    }

    /// `$ref`s into another file and back into itself: a recursive type is checked at every depth, and a schema that
    /// refers to itself at the same place ends.
    func testReferencesAcrossFilesAndRecursion() {
        let common = #"{"$defs": {"Money": {"type": "object", "required": ["amount", "currency"], "properties": {"amount": {"type": "string", "format": "decimal"}, "currency": {"type": "string", "pattern": "^[A-Z]{3}$"}}}}}"#
        XCTAssertEqual(problems(#"{"type": "object", "properties": {"total": {"$ref": "common.json#/$defs/Money"}}}"#, #"{"total": {"amount": "1,5", "currency": "gbp"}}"#, others: ["common.json": common]),
                       [#"at /total/amount (format): "1,5" is not a decimal string -?(0|[1-9][0-9]*)(.[0-9]+)? of at most 38 digits"#,
                        #"at /total/currency (pattern): "gbp" does not match ^[A-Z]{3}$"#])
        let tree = ##"{"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/$defs/T"}}}}"##
        XCTAssertEqual(problems(tree, #"{"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}"#),
                       ["at /children/0/children/0/name (type): expected string, found number 3"])
        XCTAssertEqual(problems(##"{"allOf": [{"$ref": "#/$defs/T"}], "type": "string"}"##, "1"), ["at the root (type): expected string, found number 1"])
    }

    /// A problem is placed at the offending value as written: a missing member at the object, a member that may not be
    /// there at its key.
    func testPositions() throws {
        let graph = try XCTUnwrap(ContractFixture(#"{"$defs": {"T": {"required": ["a"], "properties": {"b": {"type": "string"}}, "additionalProperties": false}}}"#).load().value("load"))
        let target = try XCTUnwrap(graph.schema(in: "a.json", at: "/$defs/T"))
        let value = try JSONReader.parse("{\n  \"b\": 1,\n  \"c\": true\n}")
        let found = InstanceValidator(graph: graph).problems(of: value, against: target.id).map { "\($0.position) \($0.pointer) \($0.keyword)" }
        XCTAssertEqual(found, ["1:1  required", "2:8 /b type", "3:3 /c additionalProperties"])
    }

    /// Alternatives of a recursive union are evaluated once per place: a value 15 levels deep of a schema whose every
    /// level has three alternatives that all recurse stays linear (without the results kept, 3^15 evaluations). The
    /// message names the deepest problem, once, however many unions it passes through.
    func testRecursiveUnionsStayLinear() {
        let alternative = { (name: String) in ##"{"type": "object", "required": [""## + name + ##""], "properties": {"next": {"$ref": "#/$defs/T"}}}"## }
        let schema = #"{"anyOf": ["# + ["x", "y", "z"].map(alternative).joined(separator: ", ") + "]}"
        var value = "1"
        for _ in 0..<15 { value = #"{"next": "# + value + "}" }
        let deepest = String(repeating: "/next", count: 15)
        XCTAssertEqual(problems(schema, value),
                       ["at the root (anyOf): matches none of the 3 alternatives; the closest, alternative 0, fails at \(deepest) (type): expected object, found number 1"])
    }

    /// Schemas applied inside one another are bounded (`ValidationRun.maxNesting`): deeper, the value is reported as not
    /// checked rather than risk the stack.
    func testNestingIsBounded() {
        var value = "1"
        for _ in 0..<40 { value = "[" + value + "]" }
        let at = String(repeating: "/0", count: 32)
        XCTAssertEqual(problems(##"{"type": "array", "items": {"$ref": "#/$defs/T"}}"##, value),
                       ["at \(at) (depth): not checked: more than 64 schemas apply inside one another here"])
    }
}
