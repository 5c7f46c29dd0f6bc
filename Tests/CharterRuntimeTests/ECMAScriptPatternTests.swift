import Foundation
import XCTest

@testable import CharterRuntime

/// `pattern` matches as ECMA-262 does (JSON Schema's dialect, `u` flag), not as ICU reads the same text.
/// Every row is also run through JavaScript (`node`, which `.ci/run` installs) as an independent oracle.
final class ECMAScriptPatternTests: XCTestCase {
    /// pattern, string, whether ECMA-262 finds a match (an unanchored search, as `pattern` is).
    static let rows: [(pattern: String, string: String, matches: Bool)] = [
        // `$` is the end of the string: a trailing line break is not part of a valid SKU.
        (#"^[A-Z0-9]+$"#, "SKU1", true),
        (#"^[A-Z0-9]+$"#, "SKU1\n", false),
        (#"^a$|^b$"#, "a\n", false),
        (#"\$\d$"#, "$5", true),
        (#"^[$]$"#, "$", true),
        // `\d`, `\w` and `\b` are ASCII.
        (#"^\d+$"#, "123", true),
        (#"^\d+$"#, "١٢٣", false),
        (#"^\D$"#, "٣", true),
        (#"^\w+$"#, "sku_1", true),
        (#"^\w+$"#, "café", false),
        (#"^\W$"#, "é", true),
        (#"\bfoo\b"#, "éfoo", true),
        (#"\bfoo\b"#, "_foo", false),
        (#"\Bfoo"#, "éfoo", false),
        (#"^[\d-]+$"#, "12-3", true),
        (#"^[\w.]+$"#, "a.b_c", true),
        (#"^[\w]+$"#, "é", false),
        (#"^[^\d]$"#, "a", true),
        (#"^[^\d]$"#, "5", false),
        (#"^[\D]$"#, "a", true),
        (#"^[\D]$"#, "5", false),
        (#"^[a\W]$"#, "-", true),
        // `\s` is ECMA's white space and line terminators; `.` excludes only \n, \r, U+2028, U+2029.
        (#"^\s$"#, "\u{FEFF}", true),
        (#"^\s$"#, "\u{85}", false),
        (#"^\s$"#, "\u{2003}", true),
        (#"^[\s]$"#, "\u{0B}", true),
        (#"^\S$"#, "\u{85}", true),
        (#"^.$"#, "\u{85}", true),
        (#"^.$"#, "\n", false),
        (#"^.$"#, "\u{2028}", false),
        (#"^.$"#, "\r", false),
        (#"^.$"#, "😀", true),
        // Inside a class `[` and `&` are characters; `[\b]` is a backspace.
        (#"^[[]$"#, "[", true),
        (#"^[a-c&&x]+$"#, "a&x", true),
        (#"^[\b]$"#, "\u{08}", true),
        (#"^[]$"#, "", false),
        (#"^[]"#, "a", false),
        (#"^[^]$"#, "\n", true),
        // Unicode escapes and properties (`u` flag).
        (#"^\u{1F600}$"#, "😀", true),
        (#"^\u0041$"#, "A", true),
        (#"^\p{Letter}+$"#, "Zoë", true),
        (#"^\p{Letter}+$"#, "123", false),
        (#"^\p{Lu}"#, "Émile", true),
        // `\v` is U+000B only; `\0` is NUL.
        (#"^a\vb$"#, "a\nb", false),
        (#"^a\vb$"#, "a\u{0B}b", true),
        (#"^\0$"#, "\u{0}", true),
        (#"^[\0]$"#, "\u{0}", true),
        // A hyphen next to a range is a character (ICU would read `--` as a set difference).
        (#"^[+--]+$"#, "+,-", true),
        (#"^[+--]$"#, ".", false),
        (#"^[a-z--9]$"#, "-", true),
        (#"^[a-z--9]$"#, "5", true),
        (#"^[a-z--9]$"#, "A", false),
        // Group names ICU would refuse, and names with `$`.
        (#"^(?<first_name>a)\k<first_name>$"#, "aa", true),
        (#"^(?<π>a)\k<π>$"#, "aa", true),
        (#"^(?<$x>a)\k<$x>$"#, "aa", true),
        (#"^(?<a>x)|(?<b>y)$"#, "y", true),
        // An empty class under a quantifier.
        (#"^a[]?b$"#, "ab", true),
        (#"^[^]?$"#, "", true),
        // What both dialects read alike stays as it was.
        (#"^[A-Z]{3}$"#, "EUR", true),
        (#"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"#, "19.99", true),
        (#"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$"#, "019.99", false),
        (#"(?<year>\d{4})-\k<year>"#, "2026-2026", true),
        (#"^(a|b)\1$"#, "aa", true),
        (#"^(?:ab)+$"#, "abab", true),
        (#"^a(?=b)"#, "ab", true),
        (#"^a(?!b)"#, "ab", false),
        (#"(?<=\$)\d+"#, "$12", true),
        (#"\."#, "a.b", true),
        (#"\\"#, "a\\b", true),
        (#"a\/b"#, "a/b", true),
        (#"^[^a-z]+$"#, "ABC", true),
        (#"^[\]]$"#, "]", true),
        (#"^[a-z\-]+$"#, "a-b", true),
    ]

    func testPatternsMatchAsInECMAScript() {
        for row in Self.rows {
            // nil would be a rewrite ICU cannot compile, which validation reports as a pattern it cannot check.
            XCTAssertEqual(PatternCache.shared.matches(row.string, pattern: row.pattern), row.matches,
                           "\(row.pattern) on \(row.string.debugDescription) (ICU: \(ECMAScriptPattern.icu(row.pattern)))")
            var issues: [ValidationIssue] = []
            Validation.pattern(row.string, row.pattern, at: "", into: &issues)
            XCTAssertEqual(issues.isEmpty, row.matches, "\(row.pattern): \(issues)")
        }
    }

    /// Group names become `g1`, `g2`, … in order of appearance, in the group and in every later `\k<…>` reference to
    /// it; a reference written before its group, a name no group has, and text inside a class stay as written.
    func testGroupNamesAreRenamedInOrderOfAppearance() {
        let rows: [(pattern: String, icu: String)] = [
            (#"\k<π>(?<π>a)"#, #"\k<π>(?<g1>a)"#),
            (#"(?<b>x)\k<a>(?<a>y)\k<b>"#, #"(?<g1>x)\k<a>(?<g2>y)\k<g1>"#),
            (#"\k<é>\k<é>(?<é>z)"#, #"\k<é>\k<é>(?<g1>z)"#),
            (#"\k<x>(?<a>y)"#, #"\k<x>(?<g1>y)"#),
            (#"[(?<a>)](?<b>x)\k<b>"#, #"[(?<a>)](?<g1>x)\k<g1>"#),
            (#"(?<a>x)|(?<a>y)"#, #"(?<g1>x)|(?<g1>y)"#),
            (#"(?<=a)(?<!b)(?<c>d)"#, #"(?<=a)(?<!b)(?<g1>d)"#),
        ]
        for row in rows {
            XCTAssertEqual(ECMAScriptPattern.icu(row.pattern), row.icu, row.pattern)
        }
    }

    /// A reference before its group matches the empty string in ECMA-262; ICU refuses it whatever the group is called
    /// (its ICU name or the contract's), so such a pattern never compiles and validation reports it as unchecked.
    func testReferenceBeforeItsGroupDoesNotCompile() {
        for pattern in [#"\k<a>(?<a>x)"#, #"\k<g1>(?<g1>x)"#, #"\k<π>(?<π>a)"#, #"(?<b>x)\k<a>(?<a>y)"#] {
            XCTAssertNil(PatternCache(capacity: 4).expression(for: pattern), pattern)
        }
        XCTAssertNotNil(PatternCache(capacity: 4).expression(for: #"(?<a>x)\k<a>"#))
    }

    /// The rows' expectations are ECMAScript's: JavaScript's `RegExp` with the `u` flag agrees with every one.
    func testJavaScriptAgreesWithTheRows() throws {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let node = (path + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]).flatMap { ["\($0)/node", "\($0)/nodejs"] }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let node else {
            return XCTFail("node is missing, so the rows cannot be checked against JavaScript: run the tests through .ci/run, or install Node.js")
        }
        let input = try JSONSerialization.data(withJSONObject: Self.rows.map { [$0.pattern, $0.string] })
        let script = """
            let text = ""; process.stdin.on("data", d => text += d); process.stdin.on("end", () => {
              const rows = JSON.parse(text);
              console.log(JSON.stringify(rows.map(([p, s]) => new RegExp(p, "u").test(s))));
            });
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let answers = try XCTUnwrap(try JSONSerialization.jsonObject(with: output) as? [Bool])
        XCTAssertEqual(answers.count, Self.rows.count)
        for (row, answer) in zip(Self.rows, answers) {
            XCTAssertEqual(answer, row.matches, "JavaScript: \(row.pattern) on \(row.string.debugDescription)")
        }
    }
}
