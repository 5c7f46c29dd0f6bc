import CharterTestSupport
import Foundation
import XCTest

@testable import CharterCore

/// `ECMAScriptSyntax` accepts exactly the patterns JavaScript's `RegExp` accepts with the `u` flag — the rows below,
/// and thousands of patterns built from fixed-seed random tokens — with `node` (which `.ci/run` installs) as the
/// independent oracle.
final class ECMAScriptSyntaxTests: XCTestCase {
    /// pattern → the problem reported (message and 1-based character), or nil for a valid pattern.
    static let rows: [(pattern: String, problem: String?)] = [
        // What contracts write.
        (#"^[A-Z]{2}-\d+$"#, nil),
        (#"^[A-Z0-9]{3,12}$"#, nil),
        (#"^\+?[1-9]\d{1,14}$"#, nil),
        (#"^[a-z0-9-]+(\.[a-z0-9-]+)*$"#, nil),
        (#"^(?<year>\d{4})-(?<month>\d{2})$"#, nil),
        (#"^(a)\1$"#, nil),
        (#"^(?:x|y)*?z??$"#, nil),
        (#"(?<=\$)\d+(?!px)"#, nil),
        (#"^\p{Lu}\p{Script=Latin}*\P{L}$"#, nil),
        (#"^[\u{1F600}-\u{1F64F}\u00e9\x41\cJ\0]$"#, nil),
        (#"\/\.\*\[\]\{\}\(\)\|\^\$\?\+\\"#, nil),
        (#"^[+--]$"#, nil),
        (#"^[\w.\-]+@[a-z]+$"#, nil),
        (#"[]"#, nil),
        (#"[^]"#, nil),
        ("", nil),
        (#"\k<later>(?<later>a)"#, nil),  // a reference before its group matches the empty string in ECMA-262
        // ICU-only syntax that other validators refuse.
        (#"(?i)^sku$"#, "(? must start (?:, (?=, (?!, (?<=, (?<! or (?<name>: inline flags, atomic groups and comments are not ECMA-262 at character 1"),
        (#"(?>a)"#, "(? must start (?:, (?=, (?!, (?<=, (?<! or (?<name>: inline flags, atomic groups and comments are not ECMA-262 at character 1"),
        (#"\Aabc\Z"#, #"\A is not an ECMA-262 escape (with the u flag only syntax characters and / are escaped as themselves) at character 1"#),
        (#"a++"#, "+ has nothing to repeat at character 3"),
        (#"\Q.*\E"#, #"\Q is not an ECMA-262 escape (with the u flag only syntax characters and / are escaped as themselves) at character 1"#),
        (#"[[:alpha:]]"#, "a lone ] must be escaped (\\]) at character 11"),
        (#"a{,3}"#, "a lone { must be escaped (\\{) at character 2"),
        (#"{2}"#, "{…} has nothing to repeat at character 1"),
        (#"^a}$"#, "a lone } must be escaped (\\}) at character 3"),
        (#"\e"#, #"\e is not an ECMA-262 escape (with the u flag only syntax characters and / are escaped as themselves) at character 1"#),
        (#"\-"#, #"\- is an escape only inside a class at character 1"#),
        // Quantifiers and assertions.
        (#"*a"#, "* has nothing to repeat at character 1"),
        (#"^*"#, "* has nothing to repeat at character 2"),
        (#"(?=a)*"#, "* has nothing to repeat at character 6"),
        (#"a{3,2}"#, "quantifier {3,2} has its numbers out of order at character 2"),
        (#"a{2,3}{1}"#, "{…} has nothing to repeat at character 7"),
        // Groups and references.
        (#"(a"#, "missing ) for the group opened at character 1"),
        (#"a)"#, "unmatched ) at character 2"),
        (#"(a)\2"#, #"\2 refers to a group the pattern does not have (it has 1 group) at character 4"#),
        (#"\k<x>"#, #"\k<x> names no group at character 1"#),
        (#"(?<x>a)(?<x>b)"#, "group name x is used twice at character 8"),
        (#"(?<1x>a)"#, "group name must be an identifier at character 1"),
        (#"(?<>a)"#, "group name must be an identifier closed by > at character 1"),
        // Escapes of the wrong shape.
        (#"\c1"#, #"\c must be followed by an ASCII letter at character 1"#),
        (#"\x4"#, #"\x must be followed by two hex digits at character 1"#),
        (#"\u12"#, #"\u must be followed by four hex digits or {code point} at character 1"#),
        (#"\u{110000}"#, #"\u{…} above 10FFFF is not a code point at character 1"#),
        (#"\u{}"#, #"\u{ must hold hex digits and end with } at character 1"#),
        (#"\01"#, #"\0 followed by a digit: octal escapes are not ECMA-262 with the u flag at character 1"#),
        (#"\p{}"#, #"\p{…} must name a property at character 1"#),
        (#"\pL"#, #"\p must be followed by {Property} or {Property=Value} at character 1"#),
        (#"abc\"#, #"\ at the end of the pattern at character 4"#),
        // Classes.
        (#"[a-z"#, "missing ] for the class opened at character 1"),
        (#"[z-a]"#, "range out of order in character class at character 2"),
        (#"[\d-z]"#, #"a class escape (\d, \w, \s, \p{…}) cannot be the end of a range at character 2"#),
        (#"[a-\w]"#, #"a class escape (\d, \w, \s, \p{…}) cannot be the end of a range at character 2"#),
        (#"[\1]"#, #"\1 is not allowed in a character class with the u flag at character 2"#),
        (#"[\B]"#, #"\B is not an ECMA-262 escape (with the u flag only syntax characters and / are escaped as themselves) at character 2"#),
        (#"[\b\-]"#, nil),
    ]

    func testRows() {
        for row in Self.rows {
            XCTAssertEqual(ECMAScriptSyntax.problem(in: row.pattern)?.description, row.problem, row.pattern)
        }
    }

    /// JavaScript agrees with every row on whether the pattern is valid.
    func testJavaScriptAgreesWithTheRows() throws {
        let patterns = Self.rows.map(\.pattern)
        let answers = try Self.javaScriptAccepts(patterns)
        for (row, accepted) in zip(Self.rows, answers) {
            XCTAssertEqual(accepted, row.problem == nil, "JavaScript \(accepted ? "accepts" : "refuses") \(row.pattern)")
        }
    }

    /// Patterns of up to twelve tokens drawn (fixed seed) from the characters and escapes the grammar turns on: Charter
    /// and JavaScript accept and refuse the same ones.
    func testJavaScriptAgreesOnRandomPatterns() throws {
        let tokens = [
            "a", "b", "é", "😀", "0", "1", "2", "9", ",", "-", "_", "/", "\\", "(", ")", "[", "]", "{", "}", "*", "+", "?",
            "|", "^", "$", ".", "<", ">", "=", "!", ":", "(?", "(?<", "(?<n>", "\\k<n>", "\\1", "\\2", "{1}", "{2,1}",
            "{1,}", "\\d", "\\w", "\\s", "\\b", "\\B", "\\-", "\\x4", "\\x41", "\\u0041", "\\u{41}", "\\u{110000}", "\\c",
            "\\cA", "\\0", "\\A", "\\Z", "\\/", "\\.", "\\]", "\\{", "[^", "a-", "-z", "\\k",
        ]
        var state: UInt64 = 0x5EED_C0DE  // xorshift64: the same patterns on every run
        func random() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_003)
        }
        var patterns: [String] = []
        var seen: Set<String> = []
        while patterns.count < 20000 {
            let length = random() % 12 + 1
            let pattern = (0..<length).map { _ in tokens[random() % tokens.count] }.joined()
            if seen.insert(pattern).inserted { patterns.append(pattern) }
        }
        let answers = try Self.javaScriptAccepts(patterns)
        var disagreements: [String] = []
        for (pattern, accepted) in zip(patterns, answers) where accepted != (ECMAScriptSyntax.problem(in: pattern) == nil) {
            disagreements.append("\(pattern): JavaScript \(accepted ? "accepts" : "refuses"), Charter says \(ECMAScriptSyntax.problem(in: pattern).map(\.description) ?? "valid")")
        }
        XCTAssertEqual(disagreements.count, 0, disagreements.prefix(20).joined(separator: "\n"))
        // The corpus exercises both sides.
        let valid = answers.filter { $0 }.count
        XCTAssertGreaterThan(valid, 500)
        XCTAssertGreaterThan(patterns.count - valid, 500)
    }

    /// The patterns and `patternProperties` names of the SchemaStore schemas in `../shared/realworld`: JavaScript
    /// accepts each one, and so does Charter.
    func testRealWorldPatternsAreAccepted() throws {
        let folder = Repository.shared.appendingPathComponent("realworld/schemastore")
        var patterns: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, member) in object {
                    if key == "pattern", let pattern = member as? String { patterns.append(pattern) }
                    if key == "patternProperties", let names = member as? [String: Any] { patterns += names.keys }
                    collect(member)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".json") {
            collect(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))))
        }
        XCTAssertGreaterThan(patterns.count, 200)
        let answers = try Self.javaScriptAccepts(patterns)
        for (pattern, accepted) in zip(patterns, answers) {
            XCTAssertTrue(accepted, "JavaScript refuses \(pattern)")
            XCTAssertNil(ECMAScriptSyntax.problem(in: pattern), pattern)
        }
    }

    /// Whether `new RegExp(pattern, "u")` compiles, for each pattern, as `node` answers.
    static func javaScriptAccepts(_ patterns: [String]) throws -> [Bool] {
        guard let node = ProcessRunner.which("node") ?? ProcessRunner.which("nodejs") else {
            throw NodeMissing()
        }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("charter-patterns-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: patterns).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let script = """
            const patterns = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
            console.log(JSON.stringify(patterns.map(p => { try { new RegExp(p, "u"); return true; } catch (e) { return false; } })));
            """
        let result = try ProcessRunner.run(node, ["-e", script, input.path], timeout: 120)
        XCTAssertEqual(result.status, 0, result.stderr)
        let answers = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Bool])
        XCTAssertEqual(answers.count, patterns.count)
        return answers
    }
}

/// `node` is not installed: the oracle is missing, which fails the test (it is never skipped).
struct NodeMissing: Error, CustomStringConvertible {
    var description: String { "node is missing, so patterns cannot be checked against JavaScript: run the tests through .ci/run, or install Node.js" }
}
