import XCTest
@testable import CharterCore

/// How doc comment text is wrapped at ``SwiftDocumentation/width`` characters (not bytes).
final class SwiftDocumentationTests: XCTestCase {
    /// Rows: line → the lines it wraps into.
    func testWrapCountsCharactersNotBytes() {
        let hundred = String(repeating: "a", count: 100)
        let accented = String(repeating: "é", count: 60) + " " + String(repeating: "é", count: 39)  // 100 characters, 199 bytes
        let rows: [(label: String, line: String, expected: [String])] = [
            ("short", "On-hand quantity.", ["On-hand quantity."]),
            ("exactly the width", hundred, [hundred]),
            ("one past the width, split at the space", hundred + " b", [hundred, "b"]),
            ("multi-byte characters within the width", accented, [accented]),
            ("multi-byte characters past the width", accented + " é", [accented, "é"]),
            ("a word longer than the width stays whole", String(repeating: "x", count: 150), [String(repeating: "x", count: 150)]),
            ("words packed up to the width", Array(repeating: "word", count: 30).joined(separator: " "),
             [Array(repeating: "word", count: 20).joined(separator: " "), Array(repeating: "word", count: 10).joined(separator: " ")]),
        ]
        XCTAssertEqual(SwiftDocumentation.width, 100)
        for row in rows {
            XCTAssertEqual(SwiftDocumentation.wrap(row.line), row.expected, row.label)
        }
    }
}
