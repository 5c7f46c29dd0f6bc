import Foundation
import XCTest
@testable import CharterCompatibility
@testable import CharterGovernance

/// README.md counts the lint rules and change checks in several places; each count is the catalog's, so adding a
/// rule or a check cannot leave one of them behind (it once said 35 rules in one place and 36 in another).
final class ReadmeCountsTests: XCTestCase {
    func testEveryCountInTheReadmeIsTheCatalogs() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../README.md").standardized.path
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        // Rows: a pattern whose first group is a count → the catalog's count, and how many times README gives it.
        let rows: [(pattern: String, expected: Int, places: Int)] = [
            (#"(\d+) rules"#, LintCatalog.standard.rules.count, 2),
            (#"(\d+) change checks"#, ChangeCatalog.standard.checks.count, 2),
        ]
        for row in rows {
            let expression = try NSRegularExpression(pattern: row.pattern)
            let counts = expression.matches(in: readme, range: NSRange(readme.startIndex..., in: readme)).compactMap { match in
                Range(match.range(at: 1), in: readme).flatMap { Int(readme[$0]) }
            }
            XCTAssertEqual(counts, Array(repeating: row.expected, count: row.places), "README.md: \(row.pattern)")
        }
    }
}
