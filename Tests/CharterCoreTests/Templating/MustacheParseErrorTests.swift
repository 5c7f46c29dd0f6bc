import CharterCore
import XCTest

/// Malformed templates fail at parse time with the template name, line and column.
final class MustacheParseErrorTests: XCTestCase {
    func testParseErrorsCarryLineAndColumn() {
        let cases: [(source: String, expected: String)] = [
            ("Hello {{name", "t:1:7: unclosed tag: expected '}}' to close '{{'"),
            ("a\n  {{{raw}}", "t:2:3: unclosed tag: expected '}}}' to close '{{{'"),
            ("a\n  {{#fields}}\n  x\n", "t:2:3: section 'fields' is never closed: expected '{{/fields}}'"),
            ("{{#a}}{{#b}}{{/b}}", "t:1:1: section 'a' is never closed: expected '{{/a}}'"),
            ("{{#a}}\n  {{/b}}", "t:2:3: '{{/b}}' does not match the open section 'a' (opened at 1:1)"),
            ("x\n{{/a}}", "t:2:1: '{{/a}}' closes a section that was never opened"),
            ("{{=<% %>}}", "t:1:1: unclosed set-delimiter tag: expected '=}}' to close '{{='"),
            ("{{= <% =}}", "t:1:1: invalid set-delimiter tag '{{= <% =}}': expected two delimiters without '=' separated by whitespace, such as {{=<% %>=}}"),
            ("{{=a b c=}}", "t:1:1: invalid set-delimiter tag '{{=a b c=}}': expected two delimiters without '=' separated by whitespace, such as {{=<% %>=}}"),
            ("{{=<% %>=}}\n<%#a%>\n<%/b%>", "t:3:1: '<%/b%>' does not match the open section 'a' (opened at 2:1)"),
            ("{{=<% %>=}}<%x", "t:1:12: unclosed tag: expected '%>' to close '<%'"),
            ("{{}}", "t:1:1: empty tag '{{}}': expected a name"),
            ("{{#}}{{/}}", "t:1:1: empty tag '{{#}}': expected a name"),
            ("{{$block}}x{{/block}}", "t:1:1: '{{$' tags (template inheritance, an optional Mustache module) are not supported"),
            ("{{<parent}}{{/parent}}", "t:1:1: '{{<' tags (template inheritance, an optional Mustache module) are not supported"),
            ("{{>*dynamic}}", "t:1:1: dynamic partial names ('{{>*dynamic}}', an optional Mustache module) are not supported"),
            ("{{>}}", "t:1:1: empty partial tag '{{>}}': expected a partial name"),
            ("{{> a b}}", "t:1:1: invalid partial name 'a b': names cannot contain whitespace"),
            ("{{%pragma}}", "t:1:1: unknown tag type '%' in '{{%pragma}}'"),
            ("{{ #a }}{{/a}}", "t:1:1: unexpected whitespace before '#' in '{{#a}}': the sigil must follow '{{' directly"),
            ("{{first name}}", "t:1:1: invalid name 'first name' in '{{first name}}': names cannot contain whitespace"),
            ("{{a..b}}", "t:1:1: invalid name 'a..b' in '{{a..b}}': empty segment in dotted name"),
            ("{{a.}}", "t:1:1: invalid name 'a.' in '{{a.}}': empty segment in dotted name"),
            ("{{a+b}}", "t:1:1: invalid character '+' in name 'a+b' ('{{a+b}}')"),
            ("ünïcödé {{x", "t:1:9: unclosed tag: expected '}}' to close '{{'"),
            ("{{! a\nmulti-line comment }}\n\t{{#open}}", "t:3:2: section 'open' is never closed: expected '{{/open}}'"),
        ]
        for (source, expected) in cases {
            do {
                _ = try MustacheTemplate(name: "t", source: source)
                XCTFail("expected a parse error for \(source.debugDescription)")
            } catch {
                XCTAssertEqual(error.description, expected, "source: \(source.debugDescription)")
            }
        }
    }

    func testErrorFieldsAndDescription() {
        do {
            _ = try MustacheTemplate(name: "struct.swift", source: "line one\n  {{#a}}{{/b}}")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.template, "struct.swift")
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.column, 9)
            XCTAssertEqual(error.message, "'{{/b}}' does not match the open section 'a' (opened at 2:3)")
            XCTAssertEqual(error.description, "struct.swift:2:9: '{{/b}}' does not match the open section 'a' (opened at 2:3)")
        }
        let unpositioned = MustacheError(template: "x", line: 0, column: 0, message: "m")
        XCTAssertEqual(unpositioned.description, "x: m")
    }

    func testLibraryReportsTheFirstBrokenTemplateInNameOrder() {
        for _ in 0..<5 {
            do {
                _ = try MustacheLibrary(templates: ["zeta": "{{#z}}", "alpha": "ok", "beta": "{{x", "gamma": "{{/g}}"])
                XCTFail("expected an error")
            } catch {
                XCTAssertEqual(error.description, "beta:1:1: unclosed tag: expected '}}' to close '{{'")
            }
        }
    }

    func testValidTemplatesParse() throws {
        let sources = [
            "", "plain text", "{{.}}", "{{a.b-c.d_e}}", "{{{ x }}}", "{{& x }}", "{{! anything {{ goes }}",
            "{{#a}}{{/a}}", "{{^a}}{{/a}}", "{{> a/b.swift }}", "{{=| |=}}|x|", "{{ünïcödé}}", "{{42}}",
        ]
        for source in sources {
            XCTAssertNoThrow(try MustacheTemplate(name: "t", source: source), source.debugDescription)
        }
    }
}
