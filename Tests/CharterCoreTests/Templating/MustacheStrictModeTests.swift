import CharterCore
import XCTest

/// `missingNames: .error` turns unresolved names and missing partials into errors.
final class MustacheStrictModeTests: XCTestCase {
    private let context: MustacheValue = [
        "name": "Order",
        "owner": .null,
        "person": ["name": "Joe", "tags": ["a", "b"]],
        "title": "T",
        "fields": [["name": "id"], ["name": "total"]],
        "empty": [],
    ]

    func testUnresolvedNamesAreErrorsWithLocation() throws {
        let cases: [(templates: [String: String], expected: String)] = [
            (["main": "struct {{name}} {\n    {{nmae}}\n}"], "main:2:5: no value named 'nmae' in the context"),
            (["main": "{{{nmae}}}"], "main:1:1: no value named 'nmae' in the context"),
            (["main": "x {{& nmae }}"], "main:1:3: no value named 'nmae' in the context"),
            (["main": "{{person.nmae}}"], "main:1:1: 'person.nmae' does not resolve: 'person' has no key 'nmae'"),
            (["main": "{{prson.name}}"], "main:1:1: 'prson.name' does not resolve: no value named 'prson' in the context"),
            (["main": "{{person.name.first}}"], "main:1:1: 'person.name.first' does not resolve: 'person.name' is a string, not an object, so it has no key 'first'"),
            (["main": "{{person.tags.first}}"], "main:1:1: 'person.tags.first' does not resolve: 'person.tags' is a list, not an object, so it has no key 'first'"),
            (["main": "a\n\n  {{#feilds}}\n  {{/feilds}}"], "main:3:3: no value named 'feilds' in the context"),
            (["main": "{{^feilds}}none{{/feilds}}"], "main:1:1: no value named 'feilds' in the context"),
            (["main": "{{#fields}}{{nam}}{{/fields}}"], "main:1:12: no value named 'nam' in the context"),
            (["main": "{{> fieldz}}"], "main:1:1: no partial named 'fieldz'"),
            (["main": "{{#fields}}\n  {{> field}}\n{{/fields}}", "field": "let {{name}}: {{tpye}}\n"], "field:1:15: no value named 'tpye' in the context"),
            (["main": "{{fields}}"], "main:1:1: 'fields' is a list; only strings and booleans can be interpolated"),
            (["main": "{{person}}"], "main:1:1: 'person' is an object; only strings and booleans can be interpolated"),
        ]
        for (templates, expected) in cases {
            let library = try MustacheLibrary(templates: templates)
            XCTAssertThrowsError(try library.render("main", context, missingNames: .error), "\(templates)") { error in
                XCTAssertEqual((error as? MustacheError)?.description, expected, "\(templates)")
            }
            // The spec's lenient mode renders the same templates without complaint.
            XCTAssertNoThrow(try library.render("main", context, missingNames: .empty), "\(templates)")
        }
    }

    func testResolvedNamesPassStrictMode() throws {
        let cases: [(template: String, expected: String)] = [
            ("{{name}}", "Order"),
            ("[{{owner}}]", "[]"),                       // present but null
            ("[{{owner.name}}]", "[]"),                  // a dotted name stops quietly at null
            ("{{#owner}}x{{/owner}}{{^owner}}none{{/owner}}", "none"),
            ("{{#fields}}{{name}}/{{title}};{{/fields}}", "id/T;total/T;"),   // names resolve up the stack
            ("{{#person}}{{name}}{{#tags}}({{.}}){{/tags}}{{/person}}", "Joe(a)(b)"),
            ("{{#empty}}x{{/empty}}{{^empty}}no fields{{/empty}}", "no fields"),
        ]
        let library = try MustacheLibrary(templates: Dictionary(uniqueKeysWithValues: cases.enumerated().map { ("t\($0.offset)", $0.element.template) }))
        for (index, testCase) in cases.enumerated() {
            XCTAssertEqual(try library.render("t\(index)", context, missingNames: .error), testCase.expected, testCase.template)
        }
    }

    func testLenientModeIsTheDefault() throws {
        let library = try MustacheLibrary(templates: ["main": "[{{missing}}{{> nope}}{{#gone}}x{{/gone}}{{fields}}]"])
        XCTAssertEqual(try library.render("main", context), "[]")
    }

    func testUnknownTemplateIsAnError() throws {
        let library = try MustacheLibrary(templates: ["a": "", "b": ""])
        XCTAssertThrowsError(try library.render("c", .null)) { error in
            XCTAssertEqual((error as? MustacheError)?.description, "c: no template named 'c' (the library has: a, b)")
        }
    }

    func testValidatePartials() throws {
        XCTAssertNoThrow(try MustacheLibrary(templates: ["a": "{{> b}}", "b": "{{> b}}"]).validatePartials())
        let broken = try MustacheLibrary(templates: ["a": "x\n  {{> missing}}\n", "b": "{{> a}}"])
        XCTAssertThrowsError(try broken.validatePartials()) { error in
            XCTAssertEqual((error as? MustacheError)?.description, "a:2:3: no partial named 'missing' in the library")
        }
    }
}
