import XCTest
@testable import CharterCore

/// The tools judge and match a `pattern` as generated validation does (ECMA-262 rewritten for ICU), through one
/// cache of compiled expressions that any number of threads may share.
final class PatternSyntaxTests: XCTestCase {
    /// Rows: pattern, string → whether the pattern compiles, and whether it matches the string (nil: it cannot).
    static let rows: [(pattern: String, string: String, compiles: Bool, matches: Bool?)] = [
        ("", "anything", true, true),
        ("^[A-Z0-9]+$", "SKU1", true, true),
        ("^[A-Z0-9]+$", "SKU1\n", true, false),
        (#"^\w+$"#, "café", true, false),
        (#"^(?<first_name>a)\k<first_name>$"#, "aa", true, true),
        ("^x-", "x-trace", true, true),
        ("^x-", "trace", true, false),
        ("^[A-Z0-9+$", "A", false, nil),
        ("([unclosed", "(", false, nil),
    ]

    func testRowsCompileAndMatchAsGeneratedValidation() {
        for _ in 0..<2 {  // the second time from the cache
            for row in Self.rows {
                XCTAssertEqual(PatternSyntax.compiles(row.pattern), row.compiles, row.pattern)
                XCTAssertEqual(PatternSyntax.matches(row.string, pattern: row.pattern), row.matches,
                               "\(row.pattern) on \(row.string.debugDescription)")
            }
        }
    }

    /// Many tasks asking about the same patterns at once all get the rows' answers.
    func testConcurrentUseIsSafe() async {
        let rows = Self.rows
        let wrong = await withTaskGroup(of: Int.self, returning: Int.self) { group in
            for task in 0..<32 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<100 {
                        let row = rows[(task * 5 + round) % rows.count]
                        if PatternSyntax.compiles(row.pattern) != row.compiles { wrong += 1 }
                        if PatternSyntax.matches(row.string, pattern: row.pattern) != row.matches { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        XCTAssertEqual(wrong, 0)
    }
}
