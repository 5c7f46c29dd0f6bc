import CharterCore
import XCTest

/// Standalone partial tags indent the partial's lines by the tag's leading
/// whitespace, cumulatively through nested and recursive partials.
final class MustachePartialIndentationTests: XCTestCase {
    /// A nested-type template: each level of `{{> type}}` adds two spaces.
    private let typeTemplate = """
        struct {{name}} {
        {{#fields}}
          let {{name}}: {{type}}
        {{/fields}}
        {{#nested}}

          {{> type}}
        {{/nested}}
        }

        """

    private func type(_ name: String, fields: [(String, String)], nested: [MustacheValue] = []) -> MustacheValue {
        [
            "name": .string(name),
            "fields": .list(fields.map { ["name": .string($0.0), "type": .string($0.1)] }),
            "nested": .list(nested),
        ]
    }

    func testRecursivePartialIndentsEachLevel() throws {
        let library = try MustacheLibrary(templates: ["type": typeTemplate, "file": "// generated\n{{#types}}\n{{> type}}\n{{/types}}// end\n"])
        let discount = type("Discount", fields: [("amount", "Decimal")])
        let line = type("Line", fields: [("sku", "String"), ("quantity", "Int")], nested: [discount])
        let note = type("Note", fields: [("text", "String")])
        let order = type("Order", fields: [("id", "String")], nested: [line, note])

        let expected = """
            // generated
            struct Order {
              let id: String

              struct Line {
                let sku: String
                let quantity: Int

                struct Discount {
                  let amount: Decimal
                }
              }

              struct Note {
                let text: String
              }
            }
            // end

            """
        let output = try library.render("file", ["types": [order]], missingNames: .error)
        XCTAssertEqual(output, expected)
        // Empty lines inside an indented partial stay empty: no trailing whitespace anywhere.
        XCTAssertFalse(output.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.last == " " })
    }

    func testIndentationCases() throws {
        let cases: [(name: String, templates: [String: String], context: MustacheValue, expected: String)] = [
            (
                "indentation adds up through nested partials",
                ["main": "a\n  {{> outer}}\nz\n", "outer": "outer {\n    {{> inner}}\n}\n", "inner": "inner\ninner\n"],
                [:],
                "a\n  outer {\n      inner\n      inner\n  }\nz\n"
            ),
            (
                "sections iterating inside an indented partial indent every iteration",
                ["main": "enum E {\n    {{> cases}}\n}\n", "cases": "{{#cases}}\ncase {{.}}\n{{/cases}}\n"],
                ["cases": ["a", "b", "c"]],
                "enum E {\n    case a\n    case b\n    case c\n}\n"
            ),
            (
                "an inline partial tag does not indent",
                ["main": "  x = {{> p}}\n", "p": "1\n2"],
                [:],
                "  x = 1\n2\n"
            ),
            (
                "interpolated multi-line values are not re-indented (spec)",
                ["main": "  {{> p}}\n", "p": "doc: {{text}}\n"],
                ["text": "one\ntwo"],
                "  doc: one\ntwo\n"
            ),
            (
                "a partial without a final newline joins the line after the tag (the tag's newline was removed)",
                ["main": "  {{> p}}\nnext\n", "p": "a\nb"],
                [:],
                "  a\n  bnext\n"
            ),
            (
                "tabs are kept as written",
                ["main": "\t{{> p}}\n", "p": "x\ny\n"],
                [:],
                "\tx\n\ty\n"
            ),
            (
                "CRLF templates: standalone lines removed with their \\r\\n, indentation applied",
                ["main": "struct S {\r\n{{#fields}}\r\n  {{> field}}\r\n{{/fields}}\r\n}\r\n", "field": "let {{.}}: Int\r\n"],
                ["fields": ["a", "b"]],
                "struct S {\r\n  let a: Int\r\n  let b: Int\r\n}\r\n"
            ),
            (
                "standalone tags inside an indented partial leave no blank lines",
                ["main": "  {{> p}}\n", "p": "{{! comment }}\n{{#yes}}\nshown\n{{/yes}}\n{{^yes}}\nhidden\n{{/yes}}\n{{=<% %>=}}\n<%x%>\n"],
                ["yes": true, "x": "X"],
                "  shown\n  X\n"
            ),
        ]
        for testCase in cases {
            let library = try MustacheLibrary(templates: testCase.templates)
            XCTAssertEqual(try library.render("main", testCase.context), testCase.expected, testCase.name)
        }
    }

    func testRunawayRecursionStopsWithAClearError() throws {
        // A type without its own "nested" key finds the parent's through the
        // context stack: a classic Mustache infinite recursion.
        let library = try MustacheLibrary(templates: ["type": typeTemplate])
        let leaf: MustacheValue = ["name": "Leaf", "fields": []]
        let root: MustacheValue = ["name": "Root", "fields": [], "nested": [leaf]]
        XCTAssertThrowsError(try library.render("type", root)) { error in
            XCTAssertEqual(
                (error as? MustacheError)?.description,
                "type:7:3: partials nested more than \(MustacheLibrary.defaultPartialDepthLimit) deep at 'type': runaway recursion? (a recursive partial must sit inside a section that ends)"
            )
        }

        var limited = try MustacheLibrary(templates: ["loop": "x{{> loop}}"])
        limited.partialDepthLimit = 3
        XCTAssertThrowsError(try limited.render("loop", .null)) { error in
            XCTAssertEqual((error as? MustacheError)?.description, "loop:1:2: partials nested more than 3 deep at 'loop': runaway recursion? (a recursive partial must sit inside a section that ends)")
        }
        let finite = try MustacheLibrary(templates: ["n": "{{#next}}[{{> n}}]{{/next}}"])
        var value: MustacheValue = ["next": false]
        for _ in 0..<99 { value = ["next": value] }
        XCTAssertEqual(try finite.render("n", value), String(repeating: "[", count: 99) + String(repeating: "]", count: 99))
    }
}
