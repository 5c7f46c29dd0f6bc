import CharterCore
import XCTest

/// Building, querying and combining template libraries.
final class MustacheLibraryTests: XCTestCase {
    func testTemplateNamesAndLookup() throws {
        let library = try MustacheLibrary(templates: ["b": "{{> a}}{{> c}}{{> a}}", "a": "A"])
        XCTAssertEqual(library.templateNames, ["a", "b"])
        XCTAssertEqual(library["b"]?.partialNames, ["a", "c"])
        XCTAssertEqual(library["b"]?.source, "{{> a}}{{> c}}{{> a}}")
        XCTAssertNil(library["c"])
        XCTAssertEqual(try library.render("b", .null), "AA")
    }

    func testInitFromTemplatesLaterWins() throws {
        let first = try MustacheTemplate(name: "x", source: "first")
        let second = try MustacheTemplate(name: "x", source: "second")
        let other = try MustacheTemplate(name: "y", source: "[{{> x}}]")
        let library = MustacheLibrary(templates: [first, other, second])
        XCTAssertEqual(library.templateNames, ["x", "y"])
        XCTAssertEqual(try library.render("y", .null), "[second]")
    }

    func testMergingOverridesDefaults() throws {
        let defaults = try MustacheLibrary(templates: ["file": "{{> header}}body\n", "header": "// default\n"])
        let project = try MustacheLibrary(templates: ["header": "// project {{name}}\n", "extra": "e"])
        let merged = defaults.merging(project)
        XCTAssertEqual(merged.templateNames, ["extra", "file", "header"])
        XCTAssertEqual(try merged.render("file", ["name": "Acme"]), "// project Acme\nbody\n")
        XCTAssertEqual(try defaults.render("file", ["name": "Acme"]), "// default\nbody\n")
    }

    func testStandaloneTemplateRendersWithoutPartials() throws {
        let template = try MustacheTemplate(name: "t", source: "a{{> p}}b")
        XCTAssertEqual(template.name, "t")
        XCTAssertEqual(try template.render(.null), "ab")
        XCTAssertThrowsError(try template.render(.null, missingNames: .error)) { error in
            XCTAssertEqual((error as? MustacheError)?.description, "t:1:2: no partial named 'p'")
        }
    }

    func testSetDelimitersForTemplatesFullOfBraces() throws {
        let source = """
            {{=<% %>=}}
            let map = [<%#pairs%>"<%key%>": {{<%value%>}}, <%/pairs%>]

            """
        let template = try MustacheTemplate(name: "t", source: source)
        XCTAssertEqual(
            try template.render(["pairs": [["key": "a", "value": "1"], ["key": "b", "value": "2"]]]),
            "let map = [\"a\": {{1}}, \"b\": {{2}}, ]\n"
        )
    }
}
