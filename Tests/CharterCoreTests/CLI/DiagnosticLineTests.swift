import XCTest
@testable import CharterCore
import CharterCLI
@testable import CharterCompatibility
@testable import CharterGovernance

/// The compiler-style line of a diagnostic, one row per kind of location.
final class DiagnosticLineTests: XCTestCase {
    func testLines() throws {
        let at = SourcePosition(line: 3, column: 19, offset: 40)
        let rows: [(label: String, diagnostic: Diagnostic, line: String)] = [
            ("a value in a contract: position and pointer",
             .error("expected a string", at: SourceLocation(file: "a.json", position: at, pointer: try JSONPointer(parsing: "/$defs/Sku")), code: "x"),
             "a.json:3:19: error: expected a string [/$defs/Sku]"),
            ("the root of a contract: the pointer is `#`",
             .error("not an object", at: SourceLocation(file: "a.json", position: at, pointer: .root), code: "x"),
             "a.json:3:19: error: not an object [#]"),
            ("a file as a whole: no position, no pointer",
             .error("no such file: b.json", at: SourceLocation(file: "b.json"), code: "x"),
             "b.json: error: no such file: b.json"),
            ("a place in a template: position, no pointer",
             .error("no value named 'nmae' in the context", at: SourceLocation(file: "T/Alias.mustache", position: at), code: "x"),
             "T/Alias.mustache:3:19: error: no value named 'nmae' in the context"),
            ("no location at all",
             .warning("nothing to do", at: nil, code: "x"),
             "warning: nothing to do"),
        ]
        for row in rows {
            XCTAssertEqual(row.diagnostic.description, row.line, row.label)
        }
    }

    /// Giving a file-level location a pointer later makes it a value in the document.
    func testSettingAPointerShowsIt() throws {
        var location = SourceLocation(file: "a.json")
        XCTAssertFalse(location.hasPointer)
        location.pointer = try JSONPointer(parsing: "/title")
        XCTAssertTrue(location.hasPointer)
        XCTAssertEqual(Diagnostic.error("bad", at: location).description, "a.json: error: bad [/title]")
    }
}
