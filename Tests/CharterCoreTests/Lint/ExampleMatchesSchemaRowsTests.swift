import XCTest
@testable import CharterCore
@testable import CharterGovernance

/// `example-matches-schema`, a row a case: `$defs` of a contract → the rule's findings (pointer: message). What the
/// validator checks keyword by keyword is `InstanceValidatorTests`; these rows are about what the rule validates and
/// where it reports.
final class ExampleMatchesSchemaRowsTests: XCTestCase {
    private func findings(_ defs: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        LintHarness.lint(ExampleContract.make(defs: defs), file: file, line: line)?.findings.filter { $0.ruleID == "example-matches-schema" }
            .map { "\($0.location.pointer): \($0.message)" } ?? ["did not load"]
    }

    private static func type(_ body: String) -> String {
        #""T": {"title": "T", "description": "T.", "# + body + "}"
    }

    func testWhatIsValidated() {
        let rows: [(defs: String, expected: [String])] = [
            // Every entry of examples, at the offending value inside it.
            (Self.type(#""type": "object", "required": ["sku"], "properties": {"sku": {"type": "string", "pattern": "^[A-Z0-9]+$"}}, "examples": [{"sku": "AB1"}, {"sku": "ab-1"}, {}]"#),
             [#"/$defs/T/examples/1/sku: example 1 is invalid at /sku (pattern): "ab-1" does not match ^[A-Z0-9]+$"#,
              #"/$defs/T/examples/2: example 2 is invalid (required): required property "sku" is missing"#]),
            // Nested schemas' examples, defaults and consts, and OpenAPI's singular example.
            (Self.type(#""type": "object", "properties": {"status": {"type": "string", "enum": ["open", "closed"], "default": "pending", "examples": ["open"]}, "kind": {"type": "string", "const": 3}, "at": {"type": "string", "format": "date-time", "example": "yesterday"}}, "examples": [{"status": "open"}]"#),
             [#"/$defs/T/properties/status/default: default is invalid (enum): "pending" is not one of "open", "closed""#,
              "/$defs/T/properties/kind/const: const is invalid (type): expected string, found number 3",
              #"/$defs/T/properties/at/example: example is invalid (format): "yesterday" is not an RFC 3339 date-time within years 0001-9999 (e.g. 2026-05-01T10:00:00Z)"#]),
            // Through a $ref: the value is checked against the target, reported where the example is.
            (Self.type(##""type": "object", "properties": {"id": {"$ref": "#/$defs/Id"}}, "examples": [{"id": "A-1"}]"##) + #", "Id": {"title": "Id", "description": "Id.", "type": "string", "format": "uuid", "examples": ["0b7e3f9a-5c1d-4e8b-9f2a-6d4c3b2a1908"]}"#,
             [#"/$defs/T/examples/0/id: example 0 is invalid at /id (format): "A-1" is not a UUID (8-4-4-4-12 hex digits)"#]),
            // A union: the alternative the example is closest to says what to mend.
            (Self.type(#""oneOf": [{"type": "object", "required": ["card"], "properties": {"card": {"type": "string", "minLength": 4}}, "additionalProperties": false}, {"type": "object", "required": ["iban"], "additionalProperties": false, "properties": {"iban": {"type": "string"}}}], "examples": [{"card": "41"}]"#),
             [#"/$defs/T/examples/0: example 0 is invalid (oneOf): matches none of the 2 alternatives; the closest, alternative 0, fails at /card (minLength): "41" has 2 characters, fewer than 4"#]),
            // Valid examples, defaults and consts: nothing.
            (Self.type(#""type": "object", "properties": {"n": {"type": "integer", "minimum": 0, "default": 0}, "price": {"type": "string", "format": "decimal", "minimum": 0, "examples": ["19.99"]}}, "examples": [{"n": 1.0}]"#), []),
        ]
        for row in rows { XCTAssertEqual(findings(row.defs), row.expected, row.defs) }
    }

    /// An example whose schema refers into another file is checked against that file's schema; the finding is in the
    /// example's file, at the offending value's line and column, and names where the failing keyword is written.
    func testReferencesIntoAnotherFile() throws {
        let common = ExampleContract.make(defs: #""Money": {"title": "Money", "description": "An amount.", "type": "object", "required": ["amount", "currency"], "properties": {"amount": {"type": "string", "format": "decimal"}, "currency": {"type": "string", "pattern": "^[A-Z]{3}$"}}, "examples": [{"amount": "1.00", "currency": "GBP"}]}"#)
            .replacingOccurrences(of: #""name": "demo""#, with: #""name": "common""#)
        let order = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": {
                "Order": {
                  "type": "object",
                  "properties": {"total": {"$ref": "common-v1.json#/$defs/Money"}},
                  "examples": [
                    {"total": {"amount": 19.99, "currency": "GBP"}}
                  ]
                }
              }
            }
            """
        let report = try XCTUnwrap(LintHarness.lint(["common-v1.json": common, "orders-v1.json": order]))
        let found = report.findings.filter { $0.ruleID == "example-matches-schema" }
        XCTAssertEqual(found.map { "\($0.location) [\($0.location.pointer)] \($0.message)" }, [
            "orders-v1.json:8:30 [/$defs/Order/examples/0/total/amount] example 0 is invalid at /total/amount (type): expected string, found number 19.99 (type of common-v1.json#/$defs/Money/properties/amount)",
        ])
        XCTAssertEqual(found.first?.severity, .error)
    }
}
