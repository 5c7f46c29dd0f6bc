import CharterCore
import XCTest

/// Escaping is off by default (code generation) and HTML only on request.
final class MustacheEscapingTests: XCTestCase {
    func testEscaping() throws {
        let context: MustacheValue = ["type": "Array<Dictionary<String, Int>>", "expr": "a && b || \"c\" > 'd'"]
        let cases: [(template: String, escaping: MustacheEscaping, expected: String)] = [
            ("{{type}}", .none, "Array<Dictionary<String, Int>>"),
            ("{{{type}}}", .none, "Array<Dictionary<String, Int>>"),
            ("{{&type}}", .none, "Array<Dictionary<String, Int>>"),
            ("{{expr}}", .none, "a && b || \"c\" > 'd'"),
            ("{{type}}", .html, "Array&lt;Dictionary&lt;String, Int&gt;&gt;"),
            ("{{expr}}", .html, "a &amp;&amp; b || &quot;c&quot; &gt; 'd'"),
            ("{{{expr}}}", .html, "a && b || \"c\" > 'd'"),
            ("{{& expr}}", .html, "a && b || \"c\" > 'd'"),
            ("<{{#type}}{{.}}{{/type}}>", .html, "<Array&lt;Dictionary&lt;String, Int&gt;&gt;>"),
        ]
        for testCase in cases {
            let template = try MustacheTemplate(name: "t", source: testCase.template)
            XCTAssertEqual(try template.render(context, escaping: testCase.escaping), testCase.expected, "\(testCase)")
        }
        let library = try MustacheLibrary(templates: ["t": "{{type}} {{expr}}"])
        XCTAssertEqual(try library.render("t", context), "Array<Dictionary<String, Int>> a && b || \"c\" > 'd'", "escaping defaults to .none")
    }

    func testHTMLEscapingKeepsNonASCIIText() throws {
        let template = try MustacheTemplate(name: "t", source: "{{x}}")
        XCTAssertEqual(try template.render(["x": "é<ü>😀&"], escaping: .html), "é&lt;ü&gt;😀&amp;")
        XCTAssertEqual(try template.render(["x": "plain"], escaping: .html), "plain")
        XCTAssertEqual(try template.render(["x": ""], escaping: .html), "")
    }
}
