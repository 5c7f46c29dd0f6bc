import XCTest
@testable import CharterCore

final class SwiftLiteralTests: XCTestCase {
    /// Rows: text from a contract → the Swift string literal that holds exactly it.
    func testStringLiterals() {
        let rows: [(text: String, literal: String)] = [
            ("", #""""#),
            ("sku", #""sku""#),
            ("on hand: #1 (a+b) {x} ~ `y` 'z'", #""on hand: #1 (a+b) {x} ~ `y` 'z'""#),
            ("unit\u{1F}sep", #""unit\u{1F}sep""#),
            ("say \"hi\"", #""say \"hi\"""#),
            (#"C:\temp"#, #""C:\\temp""#),
            (#"\(exit(1))"#, #""\\(exit(1))""#),
            ("line\nbreak", #""line\nbreak""#),
            ("crlf\r\n", #""crlf\r\n""#),
            ("tab\tstop", #""tab\tstop""#),
            ("nul\u{0}byte", #""nul\0byte""#),
            ("bell\u{7}", #""bell\u{7}""#),
            ("del\u{7F}", #""del\u{7F}""#),
            ("nel\u{85}", #""nel\u{85}""#),
            ("abc\u{202E}cba", #""abc\u{202E}cba""#),
            ("ls\u{2028}ps\u{2029}", #""ls\u{2028}ps\u{2029}""#),
            ("zw\u{200B}\u{200D}j", #""zw\u{200B}\u{200D}j""#),
            ("\u{FEFF}bom", #""\u{FEFF}bom""#),
            ("private\u{E000}", #""private\u{E000}""#),
            ("unassigned\u{378}", #""unassigned\u{378}""#),
            ("tag\u{E0041}", #""tag\u{E0041}""#),
            ("\"\"\"", "\"\\\"\\\"\\\"\""),
            ("#\"raw\"#", ##""#\"raw\"#""##),
            ("größe 日本 👍🏽", #""größe 日本 👍🏽""#),
            ("e\u{301}", "\"e\u{301}\""),
        ]
        for row in rows {
            XCTAssertEqual(SwiftLiteral.string(row.text), row.literal, "literal for \(row.text.debugDescription)")
        }
    }

    /// No literal contains a raw line break, an unescaped quote inside it, or an unsafe scalar.
    func testLiteralsHoldNothingUnsafe() {
        let texts = ["a\"b", "\n\r\u{2028}\u{85}", "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}", "\\\"", "\u{1}\u{1F}"]
        for text in texts {
            let literal = SwiftLiteral.string(text)
            XCTAssertTrue(literal.hasPrefix("\"") && literal.hasSuffix("\""), literal)
            XCTAssertFalse(literal.unicodeScalars.contains(where: SwiftLiteral.needsEscape), "\(text.debugDescription) → \(literal)")
            let inner = literal.dropFirst().dropLast()
            var escaped = false
            for character in inner.unicodeScalars {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                XCTAssertNotEqual(character, "\"", "\(text.debugDescription): unescaped quote in \(literal)")
            }
        }
    }

    /// Rows: prose from a contract → the lines of a `///` comment.
    func testCommentLines() {
        let rows: [(text: String, lines: [String])] = [
            ("On-hand quantity", ["On-hand quantity"]),
            ("first\nsecond", ["first", "second"]),
            ("first\r\nsecond", ["first", "second"]),
            ("first\rsecond", ["first", "second"]),
            ("first\r\n\r\nthird", ["first", "", "third"]),
            ("first\u{2028}second\u{2029}third\u{85}fourth", ["first", "second", "third", "fourth"]),
            ("trailing blanks   \n\n  \n", ["trailing blanks"]),
            ("\n\nleading blank lines", ["leading blank lines"]),
            ("ends the comment? */ no", ["ends the comment? */ no"]),
            ("/* opens one */", ["/* opens one */"]),
            ("tab\there", ["tab    here"]),
            ("bidi \u{202E}evil", ["bidi \\u{202E}evil"]),
            ("nul\u{0}", ["nul\\u{0}"]),
            ("", []),
            ("   ", []),
            ("  indented, trailing blanks  ", ["  indented, trailing blanks"]),
            ("größe 👍", ["größe 👍"]),
        ]
        for row in rows {
            XCTAssertEqual(SwiftLiteral.commentLines(row.text), row.lines, "comment lines of \(row.text.debugDescription)")
        }
    }

    /// Whatever the prose, no comment line holds a line break or an unsafe scalar.
    func testCommentLinesAreSingleSafeLines() {
        let nasty = "a\nb\rc\r\nd\u{2028}e\u{2029}f\u{85}g\u{B}h\u{C}i\u{202E}j\u{0}k"
        for line in SwiftLiteral.commentLines(nasty) {
            XCTAssertFalse(line.unicodeScalars.contains(where: SwiftLiteral.needsEscape), line.debugDescription)
            XCTAssertFalse(line.contains("\n") || line.contains("\r"), line.debugDescription)
        }
    }
}
