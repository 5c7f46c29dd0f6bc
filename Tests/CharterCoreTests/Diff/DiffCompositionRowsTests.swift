import XCTest
@testable import CharterCore
@testable import CharterCompatibility
@testable import CharterGovernance

/// Constraints inside inline `allOf` parts are compared as the schema's own: every part applies, so a bound,
/// length, pattern, enum, const, format, type, divisor, validation keyword, default, status machine or array items
/// schema that changes in a part is a change to the schema, located at the keyword in the part. A named type among the parts is compared once, as itself.
final class DiffCompositionRowsTests: XCTestCase {
    private let money = #""Money": {"title": "Money", "description": "M.", "type": "number", "maximum": 1000}"#
    private let tags = #""Tags": {"title": "Tags", "description": "T.", "type": "object", "additionalProperties": {"type": "string"}}"#

    /// Item with `v` (a property schema), Money and Tags, sent in requests (`request`) or returned in responses.
    private func contract(_ v: String, request: Bool = true, money: String? = nil) -> String {
        DiffExample.contract(defs: DiffExample.item(#""sku": {"type": "string"}, "v": "# + v) + ", " + (money ?? self.money) + ", " + tags,
                             operations: request ? DiffExample.putItem : DiffExample.getItem)
    }

    /// Rows: `v` in base and head → each change reported, as `check: impact at pointer` (the version gate aside).
    func testRows() {
        let priced = { (part: String) in ##"{"allOf": [{"$ref": "#/$defs/Money"}, \##(part)]}"## }
        let at = "/$defs/Item/properties/v"
        let rows: [(label: String, base: String, head: String, request: Bool, expected: [String])] = [
            ("a maximum lowered in a part beside a named type", priced(#"{"maximum": 100}"#), priced(#"{"maximum": 50}"#), true,
             ["constraint-changed: breaks at \(at)/allOf/1/maximum"]),
            ("the same maximum raised: compatible for the provider", priced(#"{"maximum": 100}"#), priced(#"{"maximum": 200}"#), true,
             ["constraint-changed: none at \(at)/allOf/1/maximum"]),
            ("raised in a response: risky for readers that validate", priced(#"{"maximum": 100}"#), priced(#"{"maximum": 200}"#), false,
             ["constraint-changed: risky at \(at)/allOf/1/maximum"]),
            ("a bound in a part dropped: the named type's bound is compared as the type's", priced(#"{"maximum": 100}"#), priced(#"{"description": "Price."}"#), false,
             ["constraint-changed: risky at \(at)"]),
            // What a named part admits bounds the schema too: a looser part beside it, or a bound moved into it, changes
            // nothing; a named type's own change is reported once, at the type, not again at every schema composing it.
            ("a looser part added beside a tighter named type", priced(#"{"description": "Price."}"#), priced(#"{"maximum": 5000}"#), true, []),
            ("a bound moved from an inline part into the named type", ##"{"allOf": [{"$ref": "#/$defs/Money"}, {"maximum": 1000}]}"##,
             priced(#"{"description": "Price."}"#), true, []),
            ("a bound moved from the named type into an inline part",
             priced(#"{"description": "Price."}"#), ##"{"allOf": [{"$ref": "#/$defs/Money"}, {"maximum": 1000}]}"##, true, []),
            ("the tightest of the schema's and its parts' bounds counts",
             #"{"type": "number", "maximum": 100, "allOf": [{"maximum": 50}]}"#, #"{"type": "number", "maximum": 100, "allOf": [{"maximum": 80}]}"#, true,
             ["constraint-changed: none at \(at)/allOf/0/maximum"]),
            ("an exclusive bound in a part against an inclusive one", #"{"type": "number", "allOf": [{"maximum": 5}]}"#,
             #"{"type": "number", "allOf": [{"exclusiveMaximum": 5}]}"#, true, ["constraint-changed: breaks at \(at)/allOf/0/exclusiveMaximum"]),
            ("a maxLength in a part", #"{"allOf": [{"type": "string"}, {"maxLength": 40}]}"#, #"{"allOf": [{"type": "string"}, {"maxLength": 20}]}"#, true,
             ["constraint-changed: breaks at \(at)/allOf/1/maxLength"]),
            ("a pattern added in a part", #"{"type": "string", "allOf": [{"minLength": 1}]}"#, #"{"type": "string", "allOf": [{"minLength": 1}, {"pattern": "^[A-Z]+$"}]}"#, true,
             ["constraint-changed: breaks at \(at)/allOf/1/pattern"]),
            ("a second pattern beside the schema's own is tighter", #"{"type": "string", "pattern": "^[A-Z]+$"}"#,
             #"{"type": "string", "pattern": "^[A-Z]+$", "allOf": [{"pattern": "^.{3}$"}]}"#, true, ["constraint-changed: breaks at \(at)/allOf/0/pattern"]),
            ("a multipleOf in a part", #"{"type": "integer", "allOf": [{"multipleOf": 2}]}"#, #"{"type": "integer", "allOf": [{"multipleOf": 4}]}"#, true,
             ["constraint-changed: breaks at \(at)/allOf/0/multipleOf"]),
            ("multiples of 2 and of 3 are multiples of 6", #"{"type": "integer", "allOf": [{"multipleOf": 2}, {"multipleOf": 3}]}"#,
             #"{"type": "integer", "multipleOf": 6}"#, true, []),
            ("uniqueItems in a part", #"{"type": "array", "items": {"type": "string"}, "allOf": [{"minItems": 1}]}"#,
             #"{"type": "array", "items": {"type": "string"}, "allOf": [{"minItems": 1, "uniqueItems": true}]}"#, true,
             ["constraint-changed: breaks at \(at)/allOf/0/uniqueItems"]),
            ("an enum value gained in a part of a response", #"{"type": "string", "allOf": [{"enum": ["a", "b"]}]}"#,
             #"{"type": "string", "allOf": [{"enum": ["a", "b", "c"]}]}"#, false, ["enum-value-added: breaks at \(at)/allOf/0/enum"]),
            ("an enum value lost in a part of a request", #"{"type": "string", "allOf": [{"enum": ["a", "b"]}]}"#,
             #"{"type": "string", "allOf": [{"enum": ["a"]}]}"#, true, ["enum-value-removed: breaks at \(at)/allOf/0/enum"]),
            ("two enums allow what both list", #"{"enum": ["a", "b", "c"], "allOf": [{"enum": ["b", "c"]}]}"#, #"{"enum": ["b", "c"]}"#, true, []),
            ("a const in a part changed", #"{"allOf": [{"type": "string"}, {"const": "a"}]}"#, #"{"allOf": [{"type": "string"}, {"const": "b"}]}"#, true,
             ["const-changed: breaks at \(at)/allOf/1/const"]),
            ("a format in a part changed", #"{"type": "string", "allOf": [{"format": "date"}]}"#, #"{"type": "string", "allOf": [{"format": "date-time"}]}"#, true,
             ["format-changed: breaks at \(at)/allOf/0/format"]),
            ("a type in a part changed", #"{"allOf": [{"type": "string"}]}"#, #"{"allOf": [{"type": "integer"}]}"#, true,
             ["type-changed: breaks at \(at)/allOf/0/type"]),
            ("a validation keyword added in a part", #"{"type": "string", "allOf": [{"minLength": 1}]}"#,
             #"{"type": "string", "allOf": [{"minLength": 1, "not": {"const": "x"}}]}"#, true, ["validation-keyword-changed: breaks at \(at)/allOf/0/not"]),
            ("a property made required in a part", #"{"type": "object", "properties": {"a": {"type": "string"}}, "allOf": [{"required": []}]}"#,
             #"{"type": "object", "properties": {"a": {"type": "string"}}, "allOf": [{"required": ["a"]}]}"#, true, ["property-requiredness-changed: breaks at \(at)/properties/a"]),
            // What a part says of the values' items, default and status machine is the schema's too.
            ("an array's items changed in a part", #"{"type": "array", "allOf": [{"items": {"type": "string"}}]}"#,
             #"{"type": "array", "allOf": [{"items": {"type": "integer"}}]}"#, true, ["type-changed: breaks at \(at)/allOf/0/items"]),
            ("items moved from the schema into a part are no change", #"{"type": "array", "items": {"type": "string", "maxLength": 9}}"#,
             #"{"type": "array", "allOf": [{"minItems": 0}, {"items": {"type": "string", "maxLength": 9}}]}"#, true, []),
            ("a map's values changed in a part", #"{"type": "object", "allOf": [{"additionalProperties": {"type": "string"}}]}"#,
             #"{"type": "object", "allOf": [{"additionalProperties": {"type": "integer"}}]}"#, true, ["type-changed: breaks at \(at)/allOf/0/additionalProperties"]),
            ("a map's values moved from a named part into an inline one, and changed",
             ##"{"type": "object", "allOf": [{"$ref": "#/$defs/Tags"}]}"##, #"{"type": "object", "allOf": [{"additionalProperties": {"type": "integer"}}]}"#, true,
             ["type-changed: breaks at \(at)/allOf/0/additionalProperties"]),
            ("items restricted in a part", #"{"type": "array", "allOf": [{"minItems": 1}]}"#,
             #"{"type": "array", "allOf": [{"minItems": 1}, {"items": {"type": "string"}}]}"#, true, ["validation-keyword-changed: breaks at \(at)/allOf/1/items"]),
            ("a default changed in a part", #"{"type": "string", "allOf": [{"default": "each"}]}"#, #"{"type": "string", "allOf": [{"default": "case"}]}"#, true,
             ["default-changed: risky at \(at)/allOf/0/default"]),
            ("a default moved from the schema into a part is no change", #"{"type": "string", "default": "each"}"#,
             #"{"type": "string", "allOf": [{"default": "each"}]}"#, true, []),
            ("a transition lost in a part", ##"{"type": "string", "allOf": [{"enum": ["open", "closed"], "x-transitions": {"open": ["closed"], "closed": ["open"]}}]}"##,
             ##"{"type": "string", "allOf": [{"enum": ["open", "closed"], "x-transitions": {"open": ["closed"], "closed": []}}]}"##, true,
             ["transitions-changed: breaks at \(at)/allOf/0/x-transitions"]),
            ("constraints moved from the schema into parts are no change", #"{"type": "string", "maxLength": 40, "pattern": "^[a-z]+$", "enum": ["ab", "cd"], "not": {"const": "x"}}"#,
             #"{"allOf": [{"type": "string"}, {"maxLength": 40}, {"pattern": "^[a-z]+$", "enum": ["ab", "cd"], "not": {"const": "x"}}]}"#, true, []),
        ]
        for row in rows {
            let changes = DiffHarness.diff(contract(row.base, request: row.request), contract(row.head, request: row.request))?.changes.filter { $0.checkID != "version-gate" } ?? []
            XCTAssertEqual(changes.map { "\($0.checkID): \($0.impact) at \($0.location.pointer)" }, row.expected, "\(row.label): \(changes.map(\.message))")
        }
    }

    /// The brief's case, message and all: a maximum lowered from 100 to 50 in a part beside a named type breaks requests.
    func testMaximumLoweredInAPartIsReported() throws {
        let property = { (maximum: Int) in ##"{"allOf": [{"$ref": "#/$defs/Money"}, {"maximum": \##(maximum)}]}"## }
        let head = contract(property(50))
        let changes = DiffHarness.diff(contract(property(100)), head)?.changes.filter { $0.checkID == "constraint-changed" } ?? []
        XCTAssertEqual(changes.map(\.message), ["maximum of Item.v changed from 100 to 50 (tighter) — breaks existing clients' requests (data written before may violate it)"])
        let change = try XCTUnwrap(changes.first)
        XCTAssertEqual(change.impact, .breaks)
        // Line and column are the keyword's value's: `50`.
        let position = try XCTUnwrap(change.location.position)
        let line = Array(head.split(separator: "\n", omittingEmptySubsequences: false)[position.line - 1].utf8)
        XCTAssertEqual(String(decoding: line[(position.column - 1)...].prefix(3), as: UTF8.self), "50}")
    }

    /// A change to a named type that a property composes with an inline part is reported once, as the type's.
    func testNamedPartIsComparedOnceAsItself() {
        let property = ##"{"allOf": [{"$ref": "#/$defs/Money"}, {"minimum": 0}]}"##
        let lowered = #""Money": {"title": "Money", "description": "M.", "type": "number", "maximum": 500}"#
        let changes = DiffHarness.diff(contract(property), contract(property, money: lowered))?.changes.filter { $0.checkID != "version-gate" } ?? []
        XCTAssertEqual(changes.map { "\($0.checkID) at \($0.location.pointer)" }, ["constraint-changed at /$defs/Money"], "\(changes.map(\.message))")
    }
}
