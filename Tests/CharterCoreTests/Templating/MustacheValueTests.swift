import CharterCore
import XCTest

/// `MustacheValue` literals, truthiness and the `MustacheRenderable` conformances.
final class MustacheValueTests: XCTestCase {
    private struct Field: MustacheRenderable {
        var name: String
        var summary: String?
        var mustacheValue: MustacheValue { ["name": name.mustacheValue, "summary": summary.mustacheValue] }
    }

    func testLiterals() {
        let value: MustacheValue = ["s": "text", "b": true, "l": ["x", false], "o": ["k": "v"], "i": "n = \(3)"]
        XCTAssertEqual(value, .object([
            "s": .string("text"), "b": .bool(true), "l": .list([.string("x"), .bool(false)]),
            "o": .object(["k": .string("v")]), "i": .string("n = 3"),
        ]))
        XCTAssertEqual(value["s"], .string("text"))
        XCTAssertNil(value["missing"])
        XCTAssertNil(MustacheValue.string("x")["s"])
    }

    /// Rows: how an object was built → what its keys resolve to (a repeated key keeps its last value,
    /// as in a dictionary).
    func testObjectMembers() {
        var assigned: MustacheObject = ["a": "1", "b": "2"]
        assigned["a"] = "3"
        assigned["c"] = .null
        var removed: MustacheObject = ["a": "1", "b": "2"]
        removed["a"] = nil
        let rows: [(label: String, object: MustacheObject, expected: [String: MustacheValue])] = [
            ("empty", [:], [:]),
            ("literal", ["a": "1", "b": true], ["a": "1", "b": true]),
            ("repeated key", MustacheObject(pairs: [("a", "1"), ("b", "2"), ("a", "3")]), ["a": "3", "b": "2"]),
            ("from a dictionary", MustacheObject(["x": ["y"], "z": .null]), ["x": ["y"], "z": .null]),
            ("assigned", assigned, ["a": "3", "b": "2", "c": .null]),
            ("removed", removed, ["b": "2"]),
        ]
        for row in rows {
            XCTAssertEqual(row.object.dictionary, row.expected, row.label)
            for (key, value) in row.expected { XCTAssertEqual(row.object[key], value, "\(row.label): \(key)") }
            XCTAssertNil(row.object["missing"], row.label)
        }
    }

    /// Keys match by length and text, in the getter and the setter alike: same-length keys are told apart
    /// by their text, and a Unicode-equivalent key spelled with other bytes is a different key.
    func testKeysMatchByLengthAndText() {
        var object: MustacheObject = ["ab": "1", "ba": "2", "K": "kelvin-less"]
        XCTAssertEqual(object["ab"], "1")
        XCTAssertEqual(object["ba"], "2")
        XCTAssertNil(object["abc"])
        XCTAssertNil(object["\u{212A}"])  // KELVIN SIGN: equal to "K" as a Swift String, three bytes long
        object["\u{212A}"] = "kelvin"
        XCTAssertEqual(object["K"], "kelvin-less")
        XCTAssertEqual(object["\u{212A}"], "kelvin")
        object["K"] = nil
        XCTAssertNil(object["K"])
        XCTAssertEqual(object["\u{212A}"], "kelvin")
    }

    /// Equality and hashing ignore the order members were added in and shadowed members.
    func testObjectEqualityIgnoresOrder() {
        let first = MustacheObject(pairs: [("a", "1"), ("b", "2")])
        let second = MustacheObject(pairs: [("b", "2"), ("a", "0"), ("a", "1")])
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.hashValue, second.hashValue)
        XCTAssertNotEqual(first, MustacheObject(pairs: [("a", "1"), ("b", "3")]))
        XCTAssertNotEqual(first, MustacheObject(pairs: [("a", "1")]))
    }

    func testTruthiness() {
        let cases: [(MustacheValue, Bool)] = [
            (.null, false), (false, false), (true, true), ("", false), ("0", true), ("x", true),
            ([], false), (["x"], true), (.object([:]), true), (["k": .null], true),
        ]
        for (value, truthy) in cases {
            XCTAssertEqual(value.isTruthy, truthy, "\(value)")
        }
    }

    func testRenderableConformances() {
        XCTAssertEqual("a".mustacheValue, .string("a"))
        XCTAssertEqual("abc".dropFirst().mustacheValue, .string("bc"))
        XCTAssertEqual(true.mustacheValue, .bool(true))
        XCTAssertEqual(42.mustacheValue, .string("42"))
        XCTAssertEqual(["a", "b"].mustacheValue, .list(["a", "b"]))
        XCTAssertEqual((nil as String?).mustacheValue, .null)
        XCTAssertEqual(("x" as String?).mustacheValue, .string("x"))
        XCTAssertEqual(["k": 1].mustacheValue, .object(["k": "1"]))
        XCTAssertEqual(MustacheValue.list([]).mustacheValue, .list([]))
        XCTAssertEqual(
            [Field(name: "id", summary: nil)].mustacheValue,
            .list([["name": "id", "summary": .null]])
        )
    }

    func testViewModelsRenderThroughTheirValues() throws {
        let library = try MustacheLibrary(templates: [
            "fields": "{{#fields}}\n{{#summary}}\n/// {{.}}\n{{/summary}}\nvar {{name}}\n{{/fields}}",
        ])
        let fields = [Field(name: "id", summary: "The identifier."), Field(name: "note", summary: nil)]
        XCTAssertEqual(
            try library.render("fields", ["fields": fields.mustacheValue], missingNames: .error),
            "/// The identifier.\nvar id\nvar note\n"
        )
    }

    func testInterpolationOfScalars() throws {
        let template = try MustacheTemplate(name: "t", source: "{{t}}/{{f}}/{{n}}/{{s}}/{{l}}/{{o}}")
        XCTAssertEqual(try template.render(["t": true, "f": false, "n": .null, "s": "x", "l": ["a"], "o": [:]]), "true/false//x//")
    }
}
